using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Xrm.Sdk.Query;

namespace Taazeez.Crm.Emulator.Query
{
    /// <summary>Sorts joined rows by the query's orders (root orders, then each link's), then by every source's
    /// primary key so the order is total and paging never repeats or skips a row.</summary>
    internal static class RowOrdering
    {
        /// <summary>The rows in query order. With a limit (a top count, or the last row a page without a cookie can
        /// reach) only that many leading rows come back: the order is total, so they are the same rows in the same
        /// order as the head of a full sort, found without sorting the rest.</summary>
        public static List<JoinedRow> Sort(BoundQuery query, List<JoinedRow> rows, int? limit = null)
        {
            if (rows.Count <= 1) return rows;
            var keys = new List<(Func<JoinedRow, object?> Key, bool Descending)>();
            foreach (var source in query.Sources)
                foreach (var order in source.IsRoot ? query.Query.Orders : source.Link!.Orders)
                {
                    if (string.IsNullOrEmpty(order.AttributeName)) continue; // alias orders belong to aggregate queries
                    var target = query.Resolve(order.EntityName, source);
                    var reader = new ColumnReader(target, target.Column(order.AttributeName).LogicalName);
                    keys.Add((row => QueryValues.Normalize(reader.Read(row)), order.OrderType == OrderType.Descending));
                }
            foreach (var source in query.Sources)
            {
                var reader = new ColumnReader(source, source.Table.PrimaryIdColumn);
                keys.Add((row => QueryValues.Normalize(reader.Read(row)), false));
            }

            var descending = new bool[keys.Count];
            for (var k = 0; k < descending.Length; k++) descending[k] = keys[k].Descending;
            var computed = new Keyed[rows.Count];
            for (var i = 0; i < rows.Count; i++)
            {
                var forms = new object?[keys.Count];
                for (var k = 0; k < forms.Length; k++) forms[k] = SortForm(keys[k].Key(rows[i]));
                computed[i] = new Keyed(rows[i], forms);
            }
            var comparer = new KeyComparer(descending);
            var head = limit is { } n && n < computed.Length ? Smallest(computed, Math.Max(n, 0), comparer) : computed;
            Array.Sort(head, comparer);
            var result = new List<JoinedRow>(head.Length);
            foreach (var keyed in head) result.Add(keyed.Row);
            return result;
        }

        private readonly record struct Keyed(JoinedRow Row, object?[] Keys);

        /// <summary>The count smallest rows, unordered: a bounded max-heap whose top is the largest kept row.</summary>
        private static Keyed[] Smallest(Keyed[] rows, int count, KeyComparer comparer)
        {
            if (count == 0) return Array.Empty<Keyed>();
            var heap = new PriorityQueue<Keyed, Keyed>(count, Comparer<Keyed>.Create((a, b) => comparer.Compare(b, a)));
            foreach (var row in rows)
            {
                if (heap.Count < count) heap.Enqueue(row, row);
                else if (comparer.Compare(row, heap.Peek()) < 0) heap.DequeueEnqueue(row, row);
            }
            var kept = new Keyed[heap.Count];
            var i = 0;
            foreach (var (row, _) in heap.UnorderedItems) kept[i++] = row;
            return kept;
        }

        private sealed class KeyComparer : IComparer<Keyed>
        {
            private readonly bool[] _descending;

            public KeyComparer(bool[] descending) { _descending = descending; }

            public int Compare(Keyed a, Keyed b)
            {
                for (var i = 0; i < _descending.Length; i++)
                {
                    var c = CompareSortForms(a.Keys[i], b.Keys[i]);
                    if (c != 0) return _descending[i] ? -c : c;
                }
                return 0;
            }
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
