using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Taazeez.Crm.Plugins.Tests
{
    /// <summary>Rows in memory answering the bounded RetrieveMultiple queries the rules make (conditions Equal,
    /// NotEqual, In on the top filter, an outer link with aliased columns, TopCount) counting every call.
    /// Any other request fails the test: the rules make no other call.</summary>
    internal sealed class InMemoryService : IOrganizationService
    {
        private readonly List<Entity> _rows = new List<Entity>();

        public List<QueryExpression> Queries { get; } = new List<QueryExpression>();
        public int Calls => Queries.Count;

        public InMemoryService Add(Entity row)
        {
            _rows.Add(row);
            return this;
        }

        public InMemoryService EnvironmentVariable(string schemaName, string? defaultValue, string? value = null)
        {
            var definition = new Entity("environmentvariabledefinition", Guid.NewGuid()) { ["schemaname"] = schemaName, ["defaultvalue"] = defaultValue };
            definition["environmentvariabledefinitionid"] = definition.Id;
            Add(definition);
            if (value != null)
                Add(new Entity("environmentvariablevalue", Guid.NewGuid()) { ["environmentvariabledefinitionid"] = definition.Id, ["value"] = value });
            return this;
        }

        public InMemoryService UserRole(Guid userId, Guid roleId) =>
            Add(new Entity("systemuserroles", Guid.NewGuid()) { ["systemuserid"] = userId, ["roleid"] = roleId });

        public EntityCollection RetrieveMultiple(QueryBase query)
        {
            var expression = Assert.IsType<QueryExpression>(query);
            Queries.Add(expression);
            Assert.True(expression.TopCount is > 0 and <= 50, "every query is bounded with TopCount");
            var result = new EntityCollection();
            foreach (var row in _rows.Where(r => r.LogicalName == expression.EntityName && Matches(r, expression.Criteria)))
            {
                var links = expression.LinkEntities.ToList();
                if (links.Count == 0)
                {
                    result.Entities.Add(Project(row, expression.ColumnSet));
                    continue;
                }
                var link = Assert.Single(links);
                var matches = _rows.Where(r => r.LogicalName == link.LinkToEntityName && Equals(Key(r, link.LinkToAttributeName), Key(row, link.LinkFromAttributeName))).ToList();
                if (matches.Count == 0 && link.JoinOperator == JoinOperator.LeftOuter) matches.Add(null!);
                foreach (var linked in matches)
                {
                    var projected = Project(row, expression.ColumnSet);
                    if (linked != null)
                        foreach (var column in link.Columns.Columns)
                            if (linked.Contains(column)) projected[link.EntityAlias + "." + column] = new AliasedValue(link.LinkToEntityName, column, linked[column]);
                    result.Entities.Add(projected);
                }
            }
            while (result.Entities.Count > expression.TopCount!.Value) result.Entities.RemoveAt(result.Entities.Count - 1);
            return result;
        }

        private static object? Key(Entity row, string column) =>
            column == row.LogicalName + "id" ? row.Id : row.Contains(column) ? Normalize(row[column]) : null;

        private static bool Matches(Entity row, FilterExpression filter)
        {
            Assert.Equal(LogicalOperator.And, filter.FilterOperator);
            Assert.Empty(filter.Filters);
            foreach (var condition in filter.Conditions)
            {
                var value = Key(row, condition.AttributeName);
                var values = condition.Values.Select(Normalize).ToList();
                var ok = condition.Operator switch
                {
                    ConditionOperator.Equal => Equals(value, values.Single()),
                    ConditionOperator.NotEqual => !Equals(value, values.Single()),
                    ConditionOperator.In => values.Contains(value),
                    _ => throw new NotSupportedException(condition.Operator.ToString()),
                };
                if (!ok) return false;
            }
            return true;
        }

        private static object? Normalize(object? value) => value switch
        {
            EntityReference reference => reference.Id,
            OptionSetValue option => option.Value,
            Money money => money.Value,
            _ => value,
        };

        private static Entity Project(Entity row, ColumnSet columns)
        {
            var projected = new Entity(row.LogicalName, row.Id);
            foreach (var column in columns.Columns)
                if (row.Contains(column)) projected[column] = row[column];
            return projected;
        }

        public Guid Create(Entity entity) => throw new InvalidOperationException("the rules never create rows");
        public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) => throw new InvalidOperationException("the rules read through the pre-image or a bounded query, not Retrieve");
        public void Update(Entity entity) => throw new InvalidOperationException("the rules amend the target, never Update");
        public void Delete(string entityName, Guid id) => throw new InvalidOperationException("the rules never delete");
        public OrganizationResponse Execute(OrganizationRequest request) => throw new InvalidOperationException("the rules execute no request");
        public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => throw new InvalidOperationException();
        public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => throw new InvalidOperationException();
    }
}
