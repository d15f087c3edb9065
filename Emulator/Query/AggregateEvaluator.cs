using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Emulator.Faults;
using Taazeez.Crm.Emulator.Metadata;

namespace Taazeez.Crm.Emulator.Query
{
    /// <summary>FetchXML aggregate="true" over the filtered, joined rows: groups by the groupby attributes (lookups
    /// and choices keep their EntityReference/OptionSetValue, dates grouped by day/week/month/quarter/year give the
    /// part as int), computes count/countcolumn/sum/avg/min/max, and returns one Entity per group whose attributes
    /// are AliasedValues under the aliases. Sum/avg/min/max of money stay Money. Like Dataverse, more than 50,000
    /// rows is a fault rather than a slow answer.</summary>
    internal static class AggregateEvaluator
    {
        public const int RecordLimit = 50000;

        private sealed record Resolved(AggregateColumn Spec, BoundSource Source, ColumnMetadata Column);

        private sealed class Group
        {
            public Group(object?[] keys) { Keys = keys; }
            public object?[] Keys { get; }
            public List<JoinedRow> Rows { get; } = new();
        }

        public static EntityCollection Evaluate(BoundQuery query, AggregateSpec spec, List<JoinedRow> rows)
        {
            var columns = spec.Columns.Select(c => Resolve(query, c)).ToList();
            foreach (var order in spec.Orders)
                if (!columns.Any(c => string.Equals(c.Spec.Alias, order.Alias, StringComparison.OrdinalIgnoreCase)))
                    throw DataverseFaults.InvalidFetch($"the order alias '{order.Alias}' is not the alias of any attribute.");
            if (rows.Count > RecordLimit) throw DataverseFaults.AggregateQueryRecordLimit();

            var groupColumns = columns.Where(c => c.Spec.GroupBy).ToList();
            var groups = new Dictionary<string, Group>();
            var ordered = new List<Group>();
            foreach (var row in rows)
            {
                var keys = groupColumns.Select(c => GroupValue(c, row)).ToArray();
                var key = string.Join("\u0001", keys.Select(k => Describe(QueryValues.Normalize(k))));
                if (!groups.TryGetValue(key, out var group))
                {
                    groups[key] = group = new Group(keys);
                    ordered.Add(group);
                }
                group.Rows.Add(row);
            }
            // Without groupby there is always exactly one row (count 0 over nothing), as in SQL.
            if (groupColumns.Count == 0 && ordered.Count == 0) ordered.Add(new Group(Array.Empty<object?>()));

            var results = ordered.Select(g => Row(query, columns, groupColumns, g)).ToList();
            var sortKeys = spec.Orders.Select(o => (o.Alias, o.Descending))
                .Concat(groupColumns.Select(c => (c.Spec.Alias, false)))
                .ToList();
            results.Sort((a, b) =>
            {
                foreach (var (alias, descending) in sortKeys)
                {
                    var c = QueryValues.Compare(QueryValues.Normalize(a.Attributes[alias]), QueryValues.Normalize(b.Attributes[alias]));
                    if (c != 0) return descending ? -c : c;
                }
                return 0;
            });

            var window = ResultPaging.Select(query.Query, results.Count, _ => Guid.Empty);
            return ResultPaging.Collect(query.Query, query.Root.Table.LogicalName, results.Count, window, i => results[i], null, query.Root.Table.PrimaryIdColumn);
        }

        private static Resolved Resolve(BoundQuery query, AggregateColumn spec)
        {
            var source = query.Sources.First(s => ReferenceEquals(s.Link, spec.Link));
            var column = source.Column(spec.Column);
            var kind = QueryValues.KindOf(column.Type);
            var numeric = kind == QueryValues.ValueKind.Number && column.Type is not ("picklist" or "state" or "status");
            var ok = spec.Function switch
            {
                AggregateFunction.Sum or AggregateFunction.Avg => numeric,
                AggregateFunction.Min or AggregateFunction.Max => numeric || kind == QueryValues.ValueKind.DateTime,
                _ => true,
            };
            if (!ok) throw DataverseFaults.InvalidFetch(
                $"the aggregate {spec.Function!.Value.ToString().ToLowerInvariant()} is not supported for '{source.Table.LogicalName}.{column.LogicalName}' of type {column.Type}.");
            if (spec.DateGrouping != null && kind != QueryValues.ValueKind.DateTime)
                throw DataverseFaults.InvalidFetch($"dategrouping needs a date column; '{column.LogicalName}' is of type {column.Type}.");
            return new Resolved(spec, source, column);
        }

        private static object? GroupValue(Resolved column, JoinedRow row)
        {
            var value = row.Value(column.Source, column.Column.LogicalName);
            if (value == null || column.Spec.DateGrouping == null) return QueryValues.Copy(value);
            var date = (DateTime)QueryValues.Normalize(value)!;
            return column.Spec.DateGrouping switch
            {
                "day" => date.Day,
                "week" => CultureInfo.InvariantCulture.Calendar.GetWeekOfYear(date, CalendarWeekRule.FirstDay, DayOfWeek.Sunday),
                "month" => date.Month,
                "quarter" => (date.Month - 1) / 3 + 1,
                _ => date.Year,
            };
        }

        private static Entity Row(BoundQuery query, List<Resolved> columns, List<Resolved> groupColumns, Group group)
        {
            var entity = new Entity(query.Root.Table.LogicalName);
            foreach (var column in columns)
            {
                var value = column.Spec.GroupBy ? group.Keys[groupColumns.IndexOf(column)] : Aggregate(column, group.Rows);
                entity.Attributes[column.Spec.Alias] = new AliasedValue(column.Source.Table.LogicalName, column.Column.LogicalName, value);
            }
            return entity;
        }

        private static object? Aggregate(Resolved column, List<JoinedRow> rows)
        {
            var function = column.Spec.Function!.Value;
            if (function == AggregateFunction.Count) return rows.Count;
            var values = rows.Select(r => QueryValues.Normalize(r.Value(column.Source, column.Column.LogicalName))).Where(v => v != null).Select(v => v!).ToList();
            if (column.Spec.Distinct)
                values = values.GroupBy(Describe).Select(g => g.First()).ToList();
            if (function == AggregateFunction.CountColumn) return values.Count;
            if (values.Count == 0) return null;
            var type = column.Column.Type;
            switch (function)
            {
                case AggregateFunction.Min:
                case AggregateFunction.Max:
                {
                    var best = values.Aggregate((a, b) => (QueryValues.Compare(a, b) <= 0) == (function == AggregateFunction.Min) ? a : b);
                    return Typed(best, type, isAverage: false);
                }
                case AggregateFunction.Sum: return Typed(values.OfType<decimal>().Sum(), type, isAverage: false);
                default: return values.OfType<decimal>().Any() ? Typed(values.OfType<decimal>().Average(), type, isAverage: true) : null;
            }
        }

        /// <summary>The aggregate in the column's own type: Money for money, int for a whole number's sum/min/max,
        /// double for float; averages of whole numbers are decimal (an int would truncate).</summary>
        private static object Typed(object value, string columnType, bool isAverage)
        {
            if (value is not decimal number) return value;
            return columnType switch
            {
                "money" => new Money(number),
                "int" or "integer" when !isAverage && number >= int.MinValue && number <= int.MaxValue => (int)number,
                "bigint" when !isAverage => (long)number,
                "float" or "double" => (double)number,
                _ => number,
            };
        }

        private static string Describe(object? value) => value switch
        {
            null => "null",
            string s => "s:" + s.TrimEnd(' ').ToUpperInvariant(),
            decimal d => "d:" + (d / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
            DateTime t => "t:" + t.Ticks.ToString(CultureInfo.InvariantCulture),
            _ => value.GetType().Name + ":" + Convert.ToString(value, CultureInfo.InvariantCulture),
        };
    }
}
