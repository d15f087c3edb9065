using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk.Query;

namespace Taazeez.Crm.Emulator.Query
{
    /// <summary>Sorts joined rows by the query's orders (root orders, then each link's), then by every source's
    /// primary key so the order is total and paging never repeats or skips a row.</summary>
    internal static class RowOrdering
    {
        public static List<JoinedRow> Sort(BoundQuery query, List<JoinedRow> rows)
        {
            var keys = new List<(Func<JoinedRow, object?> Key, bool Descending)>();
            foreach (var source in query.Sources)
                foreach (var order in source.IsRoot ? query.Query.Orders : source.Link!.Orders)
                {
                    if (string.IsNullOrEmpty(order.AttributeName)) continue; // alias orders belong to aggregate queries
                    var target = query.Resolve(order.EntityName, source);
                    var column = target.Column(order.AttributeName).LogicalName;
                    keys.Add((row => QueryValues.Normalize(row.Value(target, column)), order.OrderType == OrderType.Descending));
                }
            foreach (var source in query.Sources)
            {
                var pk = source.Table.PrimaryIdColumn;
                keys.Add((row => QueryValues.Normalize(row.Value(source, pk)), false));
            }

            var computed = rows.Select(r => (Row: r, Keys: keys.Select(k => SortForm(k.Key(r))).ToArray())).ToList();
            var descending = keys.Select(k => k.Descending).ToArray();
            computed.Sort((a, b) =>
            {
                for (var i = 0; i < descending.Length; i++)
                {
                    var c = CompareSortForms(a.Keys[i], b.Keys[i]);
                    if (c != 0) return descending[i] ? -c : c;
                }
                return 0;
            });
            return computed.Select(c => c.Row).ToList();
        }

        // Keys are converted once per row to forms that compare without allocating (Guids in SQL Server's order, text
        // as collation sort keys) and without re-running culture-aware text comparison.
        private static object? SortForm(object? value) => value switch
        {
            string text => Collation.GetSortKey(text.TrimEnd(' '), CompareOptions.IgnoreCase),
            Guid id => SqlGuidOrder.Of(id),
            _ => value,
        };

        private static int CompareSortForms(object? a, object? b) => (a, b) switch
        {
            (SortKey x, SortKey y) => SortKey.Compare(x, y),
            (SqlGuidOrder x, SqlGuidOrder y) => x.CompareTo(y),
            _ => QueryValues.Compare(a, b),
        };

        private static readonly CompareInfo Collation = CultureInfo.InvariantCulture.CompareInfo;
    }
}
