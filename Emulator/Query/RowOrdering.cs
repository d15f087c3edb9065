using System;
using System.Collections.Generic;
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

            var computed = rows.Select(r => (Row: r, Keys: keys.Select(k => k.Key(r)).ToArray())).ToList();
            var descending = keys.Select(k => k.Descending).ToArray();
            computed.Sort((a, b) =>
            {
                for (var i = 0; i < descending.Length; i++)
                {
                    var c = QueryValues.Compare(a.Keys[i], b.Keys[i]);
                    if (c != 0) return descending[i] ? -c : c;
                }
                return 0;
            });
            return computed.Select(c => c.Row).ToList();
        }
    }
}
