using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Taazeez.Crm.Workflows.Tests.Fakes
{
    /// <summary>Test double used until the shared emulator (Emulator/, docs/contracts.md) is available: an in-memory
    /// organization with the same surface the scenarios use. It runs Custom APIs from the solution's customapi.xml and
    /// the activity assembly's plugin types, seeds environment variables from the solution, and keeps only what the
    /// activity logic needs (equality, In, Null, date comparisons, outer join to environmentvariablevalue).</summary>
    public sealed class InMemoryOrganization
    {
        private readonly Dictionary<string, Dictionary<Guid, Entity>> _tables = new Dictionary<string, Dictionary<Guid, Entity>>(StringComparer.Ordinal);
        private readonly Dictionary<string, Type> _apis = new Dictionary<string, Type>(StringComparer.Ordinal);

        public static InMemoryOrganization FromSolutionFolder(string solutionSrc, Assembly activityAssembly)
        {
            var org = new InMemoryOrganization();
            var registration = Directory.GetFiles(Path.Combine(solutionSrc, "PluginAssemblies"), "Taazeez.Crm.WorkflowActivities.dll.data.xml", SearchOption.AllDirectories).Single();
            var types = XDocument.Load(registration).Descendants("PluginType")
                .ToDictionary(p => ((string)p.Attribute("PluginTypeId")!).ToLowerInvariant(), p => (string)p.Attribute("Name")!);
            foreach (var file in Directory.GetFiles(Path.Combine(solutionSrc, "customapis"), "customapi.xml", SearchOption.AllDirectories))
            {
                var api = XDocument.Load(file).Root!;
                var typeName = types[api.Element("plugintypeid")!.Element("plugintypeid")!.Value.ToLowerInvariant()];
                org._apis[(string)api.Attribute("uniquename")!] = activityAssembly.GetType(typeName, throwOnError: true)!;
            }
            foreach (var folder in Directory.GetDirectories(Path.Combine(solutionSrc, "environmentvariabledefinitions")))
            {
                var definition = XDocument.Load(Path.Combine(folder, "environmentvariabledefinition.xml")).Root!;
                var row = new Entity("environmentvariabledefinition", Guid.NewGuid()) { ["schemaname"] = Path.GetFileName(folder) };
                var value = definition.Element("defaultvalue")?.Value;
                if (value != null) row["defaultvalue"] = value;
                org.Put(row);
            }
            return org;
        }

        public FakeClock Clock { get; } = new FakeClock();
        public Guid SystemUserId { get; } = Guid.NewGuid();

        public Guid AddUser(string fullName, params Guid[] roleIds)
        {
            var id = Guid.NewGuid();
            Put(new Entity("systemuser", id) { ["fullname"] = fullName });
            foreach (var role in roleIds) Put(new Entity("systemuserroles", Guid.NewGuid()) { ["systemuserid"] = id, ["roleid"] = role });
            return id;
        }

        public IOrganizationService CreateService(Guid callerUserId) => new Service(this, callerUserId);

        public void SetEnvironmentVariable(string schemaName, string value)
        {
            var definition = Table("environmentvariabledefinition").Values.Single(d => (string)d["schemaname"] == schemaName);
            Put(new Entity("environmentvariablevalue", Guid.NewGuid()) { ["environmentvariabledefinitionid"] = definition.Id, ["value"] = value });
        }

        private Dictionary<Guid, Entity> Table(string name)
        {
            if (!_tables.TryGetValue(name, out var table)) _tables[name] = table = new Dictionary<Guid, Entity>();
            return table;
        }

        private static string PrimaryId(string name) =>
            name is "email" or "task" or "letter" or "phonecall" or "appointment" or "taz_smsmessage" ? "activityid" : name + "id";

        private void Put(Entity row)
        {
            var copy = Copy(row);
            copy[PrimaryId(row.LogicalName)] = row.Id;
            Table(row.LogicalName)[row.Id] = copy;
        }

        private static Entity Copy(Entity row)
        {
            var copy = new Entity(row.LogicalName, row.Id);
            foreach (var pair in row.Attributes) copy[pair.Key] = pair.Value;
            return copy;
        }

        public sealed class FakeClock
        {
            public DateTime UtcNow { get; private set; }
            public void Set(DateTime utc) => UtcNow = utc;
            public void Advance(TimeSpan by) => UtcNow += by;
        }

        private sealed class Service : IOrganizationService, IServiceProvider, IOrganizationServiceFactory, ITracingService
        {
            private readonly InMemoryOrganization _org;
            private readonly Guid _caller;
            private Context? _context;

            public Service(InMemoryOrganization org, Guid caller) { _org = org; _caller = caller; }

            public Guid Create(Entity entity)
            {
                if (entity.Id == Guid.Empty) entity.Id = Guid.NewGuid();
                if (_org.Table(entity.LogicalName).ContainsKey(entity.Id)) throw new InvalidOperationException("Cannot insert duplicate key.");
                if (entity.LogicalName == "taz_satisfactionsurvey")
                {
                    var delivery = entity.GetAttributeValue<EntityReference>("taz_servicedeliveryid")?.Id;
                    if (_org.Table(entity.LogicalName).Values.Any(s => s.GetAttributeValue<EntityReference>("taz_servicedeliveryid")?.Id == delivery))
                        throw new InvalidOperationException("A record with the alternate key taz_key_servicedelivery already exists.");
                }
                var row = Copy(entity);
                if (!row.Contains("statecode")) row["statecode"] = new OptionSetValue(0);
                if (!row.Contains("statuscode")) row["statuscode"] = new OptionSetValue(1);
                if (!row.Contains("ownerid")) row["ownerid"] = new EntityReference("systemuser", _caller);
                _org.Put(row);
                return entity.Id;
            }

            public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) => Copy(_org.Table(entityName)[id]);

            public void Update(Entity entity)
            {
                var row = _org.Table(entity.LogicalName)[entity.Id];
                foreach (var pair in entity.Attributes) row[pair.Key] = pair.Value;
            }

            public void Delete(string entityName, Guid id) => _org.Table(entityName).Remove(id);

            public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities)
            {
                foreach (var related in relatedEntities)
                    _org.Put(new Entity(relationship.SchemaName, Guid.NewGuid()) { [entityName + "id"] = entityId, [related.LogicalName + "id"] = related.Id });
            }

            public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
                throw new NotSupportedException();

            public EntityCollection RetrieveMultiple(QueryBase query)
            {
                var expression = (QueryExpression)query;
                var rows = _org.Table(expression.EntityName).Values.Where(r => expression.Criteria.Conditions.All(c => Matches(r, c))).Select(Copy).ToList();
                foreach (var link in expression.LinkEntities)
                    foreach (var row in rows)
                    {
                        var linked = _org.Table(link.LinkToEntityName).Values.FirstOrDefault(x => Equals(Normal(x.GetAttributeValue<object>(link.LinkToAttributeName)), row.Id));
                        if (linked != null)
                            foreach (var column in link.Columns.Columns)
                                if (linked.Contains(column)) row[link.EntityAlias + "." + column] = new AliasedValue(link.LinkToEntityName, column, linked[column]);
                    }
                if (expression.TopCount.HasValue) rows = rows.Take(expression.TopCount.Value).ToList();
                return new EntityCollection(rows);
            }

            public OrganizationResponse Execute(OrganizationRequest request)
            {
                var plugin = (IPlugin)Activator.CreateInstance(_org._apis[request.RequestName])!;
                _context = new Context(request.Parameters, _caller, _org.Clock.UtcNow, request.RequestName);
                plugin.Execute(this);
                var response = new OrganizationResponse { ResponseName = request.RequestName };
                foreach (var pair in _context.OutputParameters) response[pair.Key] = pair.Value;
                return response;
            }

            public object? GetService(Type serviceType) => serviceType == typeof(IPluginExecutionContext) ? _context : this;
            public IOrganizationService CreateOrganizationService(Guid? userId) => this;
            public void Trace(string format, params object[] args) { }

            private static object? Normal(object? value) => value switch
            {
                EntityReference r => r.Id,
                OptionSetValue o => o.Value,
                _ => value,
            };

            private static bool Matches(Entity row, ConditionExpression condition)
            {
                row.Attributes.TryGetValue(condition.AttributeName, out var raw);
                var value = Normal(raw);
                var operand = condition.Values.Count > 0 ? Normal(condition.Values[0]) : null;
                return condition.Operator switch
                {
                    ConditionOperator.Equal => value != null && Equals(value, operand),
                    ConditionOperator.In => value != null && condition.Values.Select(Normal).Contains(value),
                    ConditionOperator.Null => value == null,
                    ConditionOperator.LessThan => value is DateTime a && a < (DateTime)operand!,
                    ConditionOperator.LessEqual => value is DateTime b && b <= (DateTime)operand!,
                    _ => throw new NotSupportedException(condition.Operator.ToString()),
                };
            }
        }

        private sealed class Context : IPluginExecutionContext
        {
            public Context(ParameterCollection input, Guid user, DateTime now, string message)
            {
                InputParameters = input; UserId = user; InitiatingUserId = user; OperationCreatedOn = now; MessageName = message;
            }

            public int Mode => 0;
            public int IsolationMode => 2;
            public int Depth => 1;
            public string MessageName { get; }
            public string PrimaryEntityName => "none";
            public Guid? RequestId => null;
            public string SecondaryEntityName => "none";
            public ParameterCollection InputParameters { get; }
            public ParameterCollection OutputParameters { get; } = new ParameterCollection();
            public ParameterCollection SharedVariables { get; } = new ParameterCollection();
            public Guid UserId { get; }
            public Guid InitiatingUserId { get; }
            public Guid BusinessUnitId => Guid.Empty;
            public Guid OrganizationId => Guid.Empty;
            public string OrganizationName => "taazeez";
            public Guid PrimaryEntityId => Guid.Empty;
            public EntityImageCollection PreEntityImages { get; } = new EntityImageCollection();
            public EntityImageCollection PostEntityImages { get; } = new EntityImageCollection();
            public EntityReference OwningExtension => null!;
            public Guid CorrelationId { get; } = Guid.NewGuid();
            public bool IsExecutingOffline => false;
            public bool IsOfflinePlayback => false;
            public bool IsInTransaction => true;
            public Guid OperationId { get; } = Guid.NewGuid();
            public DateTime OperationCreatedOn { get; }
            public int Stage => 30;
            public IPluginExecutionContext ParentContext => null!;
        }
    }
}
