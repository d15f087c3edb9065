using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk.Query;
using Taazeez.Crm.Emulator.Faults;
using Taazeez.Crm.Emulator.Metadata;

namespace Taazeez.Crm.Emulator.Query
{
    /// <summary>The root table or one link-entity of a query, resolved against metadata. Slot is its position in a
    /// JoinedRow; Alias is the name its columns come back under ("alias" or "table{n}" like Dataverse).</summary>
    internal sealed class BoundSource
    {
        public BoundSource(int slot, string alias, TableMetadata table, LinkEntity? link, BoundSource? parent)
        {
            Slot = slot;
            Alias = alias;
            Table = table;
            Link = link;
            Parent = parent;
        }

        public int Slot { get; }
        public string Alias { get; }
        public TableMetadata Table { get; }
        public LinkEntity? Link { get; }
        public BoundSource? Parent { get; }
        public bool IsRoot => Link == null;

        public ColumnMetadata Column(string? name)
        {
            if (string.IsNullOrEmpty(name) || !Table.Columns.TryGetValue(name, out var column))
                throw DataverseFaults.NoAttribute(Table.LogicalName, name ?? "");
            return column;
        }
    }

    /// <summary>A query checked against metadata before any row is read: every table, alias and column exists, so
    /// evaluation never meets an unknown name (Dataverse rejects those up front too).</summary>
    internal sealed class BoundQuery
    {
        private BoundQuery(QueryExpression query, List<BoundSource> sources)
        {
            Query = query;
            Sources = sources;
        }

        /// <summary>FetchXML columns selected under an alias, resolved to their source.</summary>
        public IReadOnlyList<(BoundSource Source, string Column, string Alias)> ColumnAliases { get; private set; } =
            Array.Empty<(BoundSource, string, string)>();

        public QueryExpression Query { get; }
        /// <summary>Root first, then link-entities depth-first; index = slot.</summary>
        public IReadOnlyList<BoundSource> Sources { get; }
        public BoundSource Root => Sources[0];

        public static BoundQuery Bind(QueryExpression query, IQuerySource source, IReadOnlyList<ColumnAlias>? columnAliases = null)
        {
            if (string.IsNullOrEmpty(query.EntityName)) throw DataverseFaults.InvalidQuery("The query has no EntityName.");
            var rootTable = source.Table(query.EntityName) ?? throw DataverseFaults.NoEntity(query.EntityName);
            var sources = new List<BoundSource> { new(0, rootTable.LogicalName, rootTable, null, null) };
            if (query.LinkEntities.Count > 0)
            {
                var aliases = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < query.LinkEntities.Count; i++) BindLink(query.LinkEntities[i], sources[0], sources, aliases, source);
            }
            var bound = new BoundQuery(query, sources);
            bound.Validate();
            if (columnAliases != null)
                bound.ColumnAliases = columnAliases.Select(a =>
                {
                    var owner = sources.First(s => ReferenceEquals(s.Link, a.Link));
                    return (owner, owner.Column(a.Column).LogicalName, a.Alias);
                }).ToList();
            return bound;
        }

        private static void BindLink(LinkEntity link, BoundSource parent, List<BoundSource> sources, HashSet<string> aliases, IQuerySource source)
        {
            if (string.IsNullOrEmpty(link.LinkToEntityName)) throw DataverseFaults.InvalidQuery("A link-entity has no LinkToEntityName.");
            var table = source.Table(link.LinkToEntityName) ?? throw DataverseFaults.NoEntity(link.LinkToEntityName);
            if (!string.IsNullOrEmpty(link.LinkFromEntityName) && link.LinkFromEntityName != parent.Table.LogicalName
                && !string.Equals(link.LinkFromEntityName, parent.Alias, StringComparison.OrdinalIgnoreCase))
                throw DataverseFaults.InvalidQuery(
                    $"The link-entity to '{table.LogicalName}' links from '{link.LinkFromEntityName}' but is nested under '{parent.Table.LogicalName}'.");
            // Dataverse names an unaliased link "<table><n>" with n counting the query's link-entities.
            var alias = string.IsNullOrEmpty(link.EntityAlias) ? table.LogicalName + sources.Count : link.EntityAlias;
            if (!aliases.Add(alias))
                throw DataverseFaults.InvalidQuery($"The alias '{alias}' is used by more than one link-entity.");
            var bound = new BoundSource(sources.Count, alias, table, link, parent);
            sources.Add(bound);
            parent.Column(link.LinkFromAttributeName);
            bound.Column(link.LinkToAttributeName);
            foreach (var child in link.LinkEntities) BindLink(child, bound, sources, aliases, source);
        }

        /// <summary>The source a condition or order names: null means the scope (root, or the link whose criteria
        /// hold it); otherwise an alias, or a table name used by exactly one source.</summary>
        public BoundSource Resolve(string? entityName, BoundSource scope)
        {
            if (string.IsNullOrEmpty(entityName)) return scope;
            for (var i = 1; i < Sources.Count; i++)
                if (Sources[i] is var s && !s.IsRoot && string.Equals(s.Alias, entityName, StringComparison.OrdinalIgnoreCase)) return s;
            BoundSource? byTable = null;
            var count = 0;
            for (var i = 0; i < Sources.Count; i++)
                if (Sources[i] is var s && s.Table.LogicalName == entityName && count++ == 0) byTable = s;
            if (count == 1) return byTable!;
            if (count > 1) return byTable!.IsRoot ? byTable : throw DataverseFaults.NoAlias(entityName);
            throw DataverseFaults.NoAlias(entityName);
        }

        private void Validate()
        {
            for (var s = 0; s < Sources.Count; s++)
            {
                var source = Sources[s];
                var columns = source.IsRoot ? Query.ColumnSet : source.Link!.Columns;
                if (!columns.AllColumns)
                    for (var i = 0; i < columns.Columns.Count; i++) source.Column(columns.Columns[i]);
                ValidateFilter(source.IsRoot ? Query.Criteria : source.Link!.LinkCriteria, source);
                var orders = source.IsRoot ? Query.Orders : source.Link!.Orders;
                for (var i = 0; i < orders.Count; i++)
                    if (orders[i] is var order && (string.IsNullOrEmpty(order.Alias) || !string.IsNullOrEmpty(order.AttributeName)))
                        Resolve(order.EntityName, source).Column(order.AttributeName);
            }
        }

        private void ValidateFilter(FilterExpression filter, BoundSource scope)
        {
            if (filter.AnyAllFilterLinkEntity != null) throw DataverseFaults.NotSupportedByEmulator("filters with AnyAllFilterLinkEntity");
            for (var i = 0; i < filter.Conditions.Count; i++)
            {
                var condition = filter.Conditions[i];
                var target = Resolve(condition.EntityName, scope);
                target.Column(condition.AttributeName);
                if (condition.CompareColumns)
                    foreach (var other in condition.Values) ResolveColumnReference(other as string, target);
            }
            for (var i = 0; i < filter.Filters.Count; i++) ValidateFilter(filter.Filters[i], scope);
        }

        /// <summary>The other column of a column comparison: "column" on the same source or "alias.column".</summary>
        public (BoundSource Source, ColumnMetadata Column) ResolveColumnReference(string? reference, BoundSource scope)
        {
            if (string.IsNullOrEmpty(reference)) throw DataverseFaults.InvalidQuery("A column comparison condition needs the other column's name as its value.");
            var dot = reference.IndexOf('.');
            var target = dot < 0 ? scope : Resolve(reference.Substring(0, dot), scope);
            return (target, target.Column(dot < 0 ? reference : reference.Substring(dot + 1)));
        }
    }
}
