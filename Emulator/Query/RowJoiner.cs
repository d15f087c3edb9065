using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Taazeez.Crm.Emulator.Faults;
using Taazeez.Crm.Emulator.Metadata;

namespace Taazeez.Crm.Emulator.Query
{
    /// <summary>Produces the joined rows a query filters: root candidates (through an index when the criteria pin an
    /// indexed column, so a key lookup costs the same at 1k and 100k rows), then each link-entity joined through
    /// the link table's index or a hash built once per query.</summary>
    internal sealed class RowJoiner
    {
        private readonly BoundQuery _query;
        private readonly IQuerySource _source;
        private readonly ConditionCompiler _compiler;

        public RowJoiner(BoundQuery query, IQuerySource source, ConditionCompiler compiler)
        {
            _query = query;
            _source = source;
            _compiler = compiler;
        }

        /// <summary>Joined rows that pass the query's criteria and every link's join and link criteria.</summary>
        public List<JoinedRow> Rows()
        {
            var root = _query.Root;
            var slotCount = _query.Sources.Count;
            IEnumerable<JoinedRow> rows = RootCandidates().Select(r => { var slots = new Entity?[slotCount]; slots[0] = r; return new JoinedRow(slots); });
            foreach (var link in _query.Sources.Skip(1)) rows = Join(rows, link);
            var criteria = _compiler.Filter(_query.Query.Criteria, root);
            return rows.Where(criteria).ToList();
        }

        /// <summary>The root rows worth filtering: those of the most selective indexed Equal/In condition of a
        /// top-level And (as a database picks its index), else the whole table. The store counts index entries
        /// without gathering them; a source that cannot count has its candidates gathered to be compared.</summary>
        private IEnumerable<Entity> RootCandidates()
        {
            var root = _query.Root;
            var criteria = _query.Query.Criteria;
            (ColumnMetadata Column, List<object?> Values, int Count, List<Entity>? Rows)? best = null;
            if (criteria.FilterOperator == LogicalOperator.And || criteria.Conditions.Count + criteria.Filters.Count == 1)
                foreach (var condition in criteria.Conditions)
                {
                    if (condition.CompareColumns || _query.Resolve(condition.EntityName, root) != root) continue;
                    if (condition.Operator is not (ConditionOperator.Equal or ConditionOperator.In)) continue;
                    var column = root.Column(condition.AttributeName);
                    var values = QueryValues.Flatten(condition.Values);
                    if (values.Count == 0 || condition.Operator == ConditionOperator.Equal && values.Count != 1) continue;
                    var coerced = values.Select(v => QueryValues.Coerce(v, column, root.Table.LogicalName)).ToList();
                    List<Entity>? rows = null;
                    var count = Count(root.Table, column, coerced);
                    if (count == null)
                    {
                        rows = Indexed(root.Table, column, coerced);
                        if (rows == null) continue;
                        count = rows.Count;
                    }
                    if (best == null || count < best.Value.Count) best = (column, coerced, count.Value, rows);
                }
            if (best is not { } chosen) return _source.Rows(root.Table.LogicalName);
            return chosen.Rows ?? Indexed(root.Table, chosen.Column, chosen.Values) ?? _source.Rows(root.Table.LogicalName);
        }

        /// <summary>How many rows an indexed condition yields, from the source's counts; null when it cannot count.</summary>
        private int? Count(TableMetadata table, ColumnMetadata column, IEnumerable<object?> values)
        {
            var total = 0;
            foreach (var value in values)
            {
                if (value == null) continue;
                var count = _source.CountWhereEquals(table.LogicalName, column.LogicalName, IndexValue(value, column));
                if (count == null) return null;
                total += count.Value;
            }
            return total;
        }

        /// <summary>Rows whose column equals any of the values by index, in index order without duplicates; null
        /// when the column has no index. The caller still applies the full filter to what comes back.</summary>
        private List<Entity>? Indexed(TableMetadata table, ColumnMetadata column, IEnumerable<object?> values)
        {
            var result = new List<Entity>();
            var seen = new HashSet<Entity>(ReferenceEqualityComparer.Instance);
            foreach (var value in values)
            {
                if (value == null) continue;
                var rows = _source.RowsWhereEquals(table.LogicalName, column.LogicalName, IndexValue(value, column));
                if (rows == null) return null;
                foreach (var row in rows)
                    if (seen.Add(row)) result.Add(row);
            }
            return result;
        }

        /// <summary>The value handed to the store's index: Guid for keys and lookups, int for choices, decimal for
        /// other numbers, string for text (the contract documented on IQuerySource.RowsWhereEquals).</summary>
        internal static object IndexValue(object value, ColumnMetadata column) =>
            value is decimal number && column.Type is "picklist" or "state" or "status" or "int" or "integer"
                && number == decimal.Truncate(number) && number >= int.MinValue && number <= int.MaxValue
                ? (int)number
                : value;

        // Inner/outer/natural add the link's row; MatchFirstRowUsingCrossApply adds its first match; In/Exists/Any keep
        // the parent row once when a match exists and NotAny when none does (semi-joins add no columns).
        private IEnumerable<JoinedRow> Join(IEnumerable<JoinedRow> rows, BoundSource link)
        {
            var definition = link.Link!;
            var parent = link.Parent!;
            var from = parent.Column(definition.LinkFromAttributeName);
            var to = link.Column(definition.LinkToAttributeName);
            var linkCriteria = _compiler.Filter(definition.LinkCriteria, link);
            var kind = definition.JoinOperator;
            if (kind is JoinOperator.All or JoinOperator.NotAll)
                throw DataverseFaults.NotSupportedByEmulator($"the link-entity join operator '{kind}'");
            return JoinRows(rows, link, parent, from, linkCriteria, new LinkMatcher(_source, link, to), kind);
        }

        private static IEnumerable<JoinedRow> JoinRows(IEnumerable<JoinedRow> rows, BoundSource link, BoundSource parent, ColumnMetadata from,
            Func<JoinedRow, bool> linkCriteria, LinkMatcher matcher, JoinOperator kind)
        {
            foreach (var row in rows)
            {
                var parentRow = row.Slots[parent.Slot];
                var key = parentRow == null ? null : QueryValues.Normalize(QueryValues.Read(parentRow, from.LogicalName, parent.Table));
                var matched = false;
                if (key != null)
                    foreach (var candidate in matcher.Matches(key))
                    {
                        var slots = (Entity?[])row.Slots.Clone();
                        slots[link.Slot] = candidate;
                        var joined = new JoinedRow(slots);
                        if (!linkCriteria(joined)) continue;
                        matched = true;
                        if (kind is JoinOperator.Inner or JoinOperator.LeftOuter or JoinOperator.Natural or JoinOperator.MatchFirstRowUsingCrossApply)
                            yield return joined;
                        if (kind is not (JoinOperator.Inner or JoinOperator.LeftOuter or JoinOperator.Natural)) break;
                    }
                var keepUnmatched = kind == JoinOperator.LeftOuter || kind == JoinOperator.NotAny;
                if (!matched && keepUnmatched) yield return row;
                if (matched && kind is JoinOperator.In or JoinOperator.Exists or JoinOperator.Any) yield return row;
            }
        }

        /// <summary>Finds link-table rows by the join column: through the store's index when it has one, otherwise
        /// through a hash of the whole table built on first use.</summary>
        private sealed class LinkMatcher
        {
            private readonly IQuerySource _source;
            private readonly BoundSource _link;
            private readonly ColumnMetadata _to;
            private bool _indexed = true;
            private Dictionary<object, List<Entity>>? _hash;

            public LinkMatcher(IQuerySource source, BoundSource link, ColumnMetadata to)
            {
                _source = source;
                _link = link;
                _to = to;
            }

            public IEnumerable<Entity> Matches(object key)
            {
                if (_indexed)
                {
                    var rows = _source.RowsWhereEquals(_link.Table.LogicalName, _to.LogicalName, IndexValue(key, _to));
                    if (rows != null) return rows.Where(r => QueryValues.AreEqual(Value(r), key));
                    _indexed = false;
                }
                _hash ??= BuildHash();
                return _hash.TryGetValue(HashKey(key), out var list) ? list : Enumerable.Empty<Entity>();
            }

            private object? Value(Entity row) => QueryValues.Normalize(QueryValues.Read(row, _to.LogicalName, _link.Table));

            private Dictionary<object, List<Entity>> BuildHash()
            {
                var hash = new Dictionary<object, List<Entity>>();
                foreach (var row in _source.Rows(_link.Table.LogicalName))
                {
                    var value = Value(row);
                    if (value == null) continue;
                    var key = HashKey(value);
                    if (!hash.TryGetValue(key, out var list)) hash[key] = list = new List<Entity>();
                    list.Add(row);
                }
                return hash;
            }

            private static object HashKey(object value) => value is string s ? s.TrimEnd(' ').ToUpperInvariant() : value;
        }
    }
}
