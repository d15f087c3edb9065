using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Taazeez.Crm.Emulator.Faults;

namespace Taazeez.Crm.Emulator.Query
{
    /// <summary>RetrieveMultiple for the emulator. Translation (QueryByAttribute → QueryExpression, FetchXML →
    /// QueryExpression + aggregate spec) is kept apart from evaluation, which binds the query to metadata, joins,
    /// filters, sorts, pages and projects copies of the stored rows.</summary>
    public static class QueryEngine
    {
        /// <param name="utcNow">The emulator clock: relative date operators use it, never the machine clock.</param>
        /// <param name="callerUserId">The user EqualUserId/NotEqualUserId compare with.</param>
        public static EntityCollection Execute(QueryBase query, IQuerySource source, DateTime utcNow, Guid callerUserId)
        {
            if (source == null) throw new ArgumentNullException(nameof(source));
            var now = utcNow.Kind switch
            {
                DateTimeKind.Local => utcNow.ToUniversalTime(),
                DateTimeKind.Unspecified => DateTime.SpecifyKind(utcNow, DateTimeKind.Utc),
                _ => utcNow,
            };
            return query switch
            {
                QueryExpression expression => Run(expression, null, source, now, callerUserId),
                QueryByAttribute byAttribute => Run(QueryByAttributeTranslator.Translate(byAttribute), null, source, now, callerUserId),
                FetchExpression fetch => RunFetch(fetch, source, now, callerUserId),
                null => throw DataverseFaults.InvalidQuery("The query is required."),
                _ => throw DataverseFaults.NotSupportedByEmulator($"queries of type {query.GetType().Name}"),
            };
        }

        private static EntityCollection RunFetch(FetchExpression fetch, IQuerySource source, DateTime utcNow, Guid callerUserId)
        {
            var parsed = FetchXmlParser.Parse(fetch.Query);
            return Run(parsed.Query, parsed.Aggregate, source, utcNow, callerUserId, parsed.ColumnAliases);
        }

        private static EntityCollection Run(QueryExpression query, AggregateSpec? aggregate, IQuerySource source, DateTime utcNow, Guid callerUserId,
            IReadOnlyList<ColumnAlias>? columnAliases = null)
        {
            var bound = BoundQuery.Bind(query, source, columnAliases);
            ResultPaging.Validate(query);
            var compiler = new ConditionCompiler(bound, utcNow, callerUserId);
            var rows = new RowJoiner(bound, source, compiler).Rows(aggregate != null ? AggregateEvaluator.RecordLimit : int.MaxValue);
            if (aggregate != null) return AggregateEvaluator.Evaluate(bound, aggregate, rows);

            var table = bound.Root.Table;
            Guid IdOf(JoinedRow row) => QueryValues.IdOf(row.Slots[0]!, table);

            if (!query.Distinct)
            {
                // Only the rows the page can reach are put in order; the total still counts every row.
                var head = RowOrdering.Sort(bound, rows, ResultPaging.Reach(query));
                Func<int, Guid> idOf = i => IdOf(head[i]);
                var window = ResultPaging.Select(query, rows.Count, idOf);
                return ResultPaging.Collect(query, table.LogicalName, rows.Count, window, i => ResultProjection.Project(bound, head[i]),
                    idOf, table.PrimaryIdColumn);
            }

            // Distinct folds rows with equal projected values, keeping the first in sort order.
            var sorted = RowOrdering.Sort(bound, rows);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var kept = new List<(JoinedRow Row, Entity Entity)>();
            foreach (var row in sorted)
            {
                var entity = ResultProjection.Project(bound, row);
                if (seen.Add(ResultProjection.DistinctKey(entity))) kept.Add((row, entity));
            }
            var distinctWindow = ResultPaging.Select(query, kept.Count, i => IdOf(kept[i].Row));
            return ResultPaging.Collect(query, table.LogicalName, kept.Count, distinctWindow, i => kept[i].Entity,
                i => IdOf(kept[i].Row), table.PrimaryIdColumn);
        }
    }
}
