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

        /// <summary>Joined rows that pass the query's criteria and every link's join and link criteria, in the order
        /// the root candidates come and, within one root row, depth-first over the links.</summary>
        /// <param name="limit">Stop once more rows than this have passed (an aggregate refuses more than 50,000: it
        /// need not gather a larger table to say so).</param>
        public List<JoinedRow> Rows(int limit = int.MaxValue)
        {
            var root = _query.Root;
            var criteria = _query.Query.Criteria;
            var candidates = RootCandidates(out var indexed);
            var links = _query.Sources.Count == 1 ? Array.Empty<LinkJoin>() : new LinkJoin[_query.Sources.Count - 1];
            for (var i = 0; i < links.Length; i++) links[i] = LinkJoin.Of(_query.Sources[i + 1], _source, _compiler);
            var compiled = _compiler.Filter(criteria, root, last: indexed);
            // Criteria that read only the root run before any join, so a root row they drop is never joined.
            var early = _query.Sources.Count == 1 || _compiler.ReadsOnly(criteria, root, root);
            var result = new List<JoinedRow>();
            // One cursor row is filled and tested in place; only rows that pass are copied out.
            var cursor = new JoinedRow(new Entity?[_query.Sources.Count]);
            var walk = new Walk(links, cursor, early ? null : compiled, result);
            foreach (var candidate in candidates)
            {
                cursor.Slots[0] = candidate;
                if (early && !compiled(cursor)) continue;
                walk.From(0);
                if (result.Count > limit) break;
            }
            return result;
        }

        /// <summary>The depth-first join of one root row: each link in slot order tries its matches on the cursor
        /// and leaves its slot empty again when done, so a deeper link never sees a stale row.</summary>
        private sealed class Walk
        {
            private readonly LinkJoin[] _links;
            private readonly JoinedRow _cursor;
            private readonly Func<JoinedRow, bool>? _late;
            private readonly List<JoinedRow> _result;

            public Walk(LinkJoin[] links, JoinedRow cursor, Func<JoinedRow, bool>? late, List<JoinedRow> result)
            {
                _links = links;
                _cursor = cursor;
                _late = late;
                _result = result;
            }

            // Inner/outer/natural add the link's row; MatchFirstRowUsingCrossApply adds its first match; In/Exists/Any
            // keep the parent row once when a match exists and NotAny when none does (semi-joins add no columns).
            public void From(int depth)
            {
                if (depth == _links.Length)
                {
                    if (_late == null || _late(_cursor)) _result.Add(new JoinedRow((Entity?[])_cursor.Slots.Clone()));
                    return;
                }
                var link = _links[depth];
                var slots = _cursor.Slots;
                var kind = link.Kind;
                var matched = false;
                if (slots[link.ParentSlot] is { } parentRow && QueryValues.Normalize(link.From.Read(parentRow)) is { } key)
                    foreach (var candidate in link.Matches(key))
                    {
                        slots[link.Slot] = candidate;
                        if (!link.Criteria(_cursor)) continue;
                        matched = true;
                        if (kind is JoinOperator.Inner or JoinOperator.LeftOuter or JoinOperator.Natural or JoinOperator.MatchFirstRowUsingCrossApply)
                            From(depth + 1);
                        if (kind is not (JoinOperator.Inner or JoinOperator.LeftOuter or JoinOperator.Natural)) break;
                    }
                slots[link.Slot] = null;
                var keepUnmatched = kind == JoinOperator.LeftOuter || kind == JoinOperator.NotAny;
                if (!matched && keepUnmatched) From(depth + 1);
                if (matched && kind is JoinOperator.In or JoinOperator.Exists or JoinOperator.Any) From(depth + 1);
            }
        }

        /// <summary>The root rows worth filtering: those of the most selective indexed Equal/In condition of a
        /// top-level And (as a database picks its index), else the whole table. With one such condition its index is
        /// read directly; with several the store counts their entries without gathering them, and a source that
        /// cannot count has its candidates gathered to be compared.</summary>
        /// <param name="indexed">The condition whose index gave the rows; null for a scan.</param>
        private IEnumerable<Entity> RootCandidates(out ConditionExpression? indexed)
        {
            var root = _query.Root;
            var criteria = _query.Query.Criteria;
            var table = root.Table;
            indexed = null;
            if (!(criteria.FilterOperator == LogicalOperator.And || criteria.Conditions.Count + criteria.Filters.Count == 1))
                return _source.Rows(table.LogicalName);
            ConditionExpression? only = null;
            var usable = 0;
            for (var i = 0; i < criteria.Conditions.Count; i++)
                if (criteria.Conditions[i] is var condition && Usable(condition, root))
                {
                    only ??= condition;
                    usable++;
                }
            if (usable == 0) return _source.Rows(table.LogicalName);
            if (usable == 1)
            {
                var column = root.Column(only!.AttributeName);
                var rows = Indexed(table, column, Values(only, column));
                if (rows == null) return _source.Rows(table.LogicalName);
                indexed = only;
                return rows;
            }

            (ConditionExpression Condition, ColumnMetadata Column, List<object?> Values, int Count, IEnumerable<Entity>? Rows)? best = null;
            for (var i = 0; i < criteria.Conditions.Count; i++)
            {
                var condition = criteria.Conditions[i];
                if (!Usable(condition, root)) continue;
                var column = root.Column(condition.AttributeName);
                var coerced = Values(condition, column);
                IEnumerable<Entity>? rows = null;
                var count = Count(table, column, coerced);
                if (count == null)
                {
                    rows = Indexed(table, column, coerced);
                    if (rows == null) continue;
                    count = rows is ICollection<Entity> gathered ? gathered.Count : rows.Count();
                }
                if (best == null || count < best.Value.Count) best = (condition, column, coerced, count.Value, rows);
            }
            if (best is not { } chosen || (chosen.Rows ?? Indexed(table, chosen.Column, chosen.Values)) is not { } found)
                return _source.Rows(table.LogicalName);
            indexed = chosen.Condition;
            return found;
        }

        /// <summary>An Equal with one value or an In with some, on a column of the root itself.</summary>
        private bool Usable(ConditionExpression condition, BoundSource root)
        {
            if (condition.CompareColumns || condition.Operator is not (ConditionOperator.Equal or ConditionOperator.In)) return false;
            if (!string.IsNullOrEmpty(condition.EntityName) && _query.Resolve(condition.EntityName, root) != root) return false;
            var count = condition.Values.Count == 1 && condition.Values[0] is string or not System.Collections.IEnumerable ? 1 : QueryValues.Flatten(condition.Values).Count;
            return count > 0 && (condition.Operator == ConditionOperator.In || count == 1);
        }

        private List<object?> Values(ConditionExpression condition, ColumnMetadata column)
        {
            var values = QueryValues.Flatten(condition.Values);
            for (var i = 0; i < values.Count; i++) values[i] = QueryValues.Coerce(values[i], column, _query.Root.Table.LogicalName);
            return values;
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
        private IEnumerable<Entity>? Indexed(TableMetadata table, ColumnMetadata column, List<object?> values)
        {
            // One value: the index's own answer (an index lists a row once).
            if (values.Count == 1)
                return values[0] == null ? Array.Empty<Entity>() : _source.RowsWhereEquals(table.LogicalName, column.LogicalName, IndexValue(values[0]!, column));
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

        /// <summary>One link-entity resolved for the walk: its slot, its parent's, the join columns, compiled link
        /// criteria and the matcher that finds its rows.</summary>
        private sealed class LinkJoin
        {
            private readonly LinkMatcher _matcher;

            private LinkJoin(BoundSource link, ColumnReader from, Func<JoinedRow, bool> criteria, LinkMatcher matcher)
            {
                Slot = link.Slot;
                ParentSlot = link.Parent!.Slot;
                Kind = link.Link!.JoinOperator;
                From = from;
                Criteria = criteria;
                _matcher = matcher;
            }

            public int Slot { get; }
            public int ParentSlot { get; }
            public JoinOperator Kind { get; }
            public ColumnReader From { get; }
            public Func<JoinedRow, bool> Criteria { get; }

            public static LinkJoin Of(BoundSource link, IQuerySource source, ConditionCompiler compiler)
            {
                var definition = link.Link!;
                var parent = link.Parent!;
                var from = parent.Column(definition.LinkFromAttributeName);
                var to = link.Column(definition.LinkToAttributeName);
                var criteria = compiler.Filter(definition.LinkCriteria, link);
                var kind = definition.JoinOperator;
                if (kind is JoinOperator.All or JoinOperator.NotAll)
                    throw DataverseFaults.NotSupportedByEmulator($"the link-entity join operator '{kind}'");
                return new LinkJoin(link, new ColumnReader(parent, from.LogicalName), criteria, new LinkMatcher(source, link, to));
            }

            public IEnumerable<Entity> Matches(object key) => _matcher.Matches(key);
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
                    if (rows != null) return Equal(rows, key);
                    _indexed = false;
                }
                _hash ??= BuildHash();
                return _hash.TryGetValue(HashKey(key), out var list) ? list : Enumerable.Empty<Entity>();
            }

            // The index may answer a superset; its rows are checked against the key.
            private IEnumerable<Entity> Equal(IEnumerable<Entity> rows, object key)
            {
                foreach (var row in rows)
                    if (QueryValues.Read(row, _to.LogicalName, _link.Table) is { } value && StoredValues.Equal(value, key)) yield return row;
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
