using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Taazeez.Crm.Emulator.Query
{
    /// <summary>Builds the returned rows: new Entity objects with copied values (never the stored instances),
    /// the root's requested columns plus its id, and linked columns as AliasedValue under "alias.column".
    /// Null values are left out, as Dataverse leaves them out.</summary>
    internal static class ResultProjection
    {
        public static Entity Project(BoundQuery query, JoinedRow row)
        {
            var root = query.Root;
            var stored = row.Slots[0]!;
            var id = QueryValues.IdOf(stored, root.Table);
            var pk = root.Table.PrimaryIdColumn;
            var columns = query.Query.ColumnSet;
            // A distinct query returns only what it asked for: the id would make every row distinct.
            var withId = !query.Query.Distinct || columns.AllColumns || columns.Columns.Contains(pk);
            var result = new Entity(root.Table.LogicalName, withId ? id : Guid.Empty);
            CopyColumns(stored, columns, result.Attributes, null);
            if (withId && id != Guid.Empty) result.Attributes[pk] = id;
            // Every returned row carries its version, as Dataverse's do, so a caller can update it optimistically.
            if (withId && stored.Attributes.TryGetValue("versionnumber", out var version) && version != null)
                result.RowVersion = Convert.ToString(version, System.Globalization.CultureInfo.InvariantCulture);

            for (var s = 1; s < query.Sources.Count; s++)
            {
                var source = query.Sources[s];
                if (source.IsRoot || row.Slots[source.Slot] is not { } linked) continue;
                CopyColumns(linked, source.Link!.Columns, result.Attributes, source);
            }
            for (var i = 0; i < query.ColumnAliases.Count; i++)
                if (query.ColumnAliases[i] is var (source, column, alias) && row.Slots[source.Slot] is { } owner && owner.Attributes.TryGetValue(column, out var value) && value != null)
                    result.Attributes[alias] = new AliasedValue(source.Table.LogicalName, column, QueryValues.Copy(value));
            return result;
        }

        /// <summary>The row's non-null requested columns, copied; a linked source's as AliasedValue under "alias.column".</summary>
        private static void CopyColumns(Entity stored, ColumnSet columns, AttributeCollection into, BoundSource? linked)
        {
            if (columns.AllColumns)
            {
                foreach (var pair in stored.Attributes)
                    if (pair.Value != null) Add(into, linked, pair.Key, pair.Value);
                return;
            }
            for (var i = 0; i < columns.Columns.Count; i++)
                if (columns.Columns[i] is var name && stored.Attributes.TryGetValue(name, out var value) && value != null) Add(into, linked, name, value);
        }

        private static void Add(AttributeCollection into, BoundSource? linked, string name, object value)
        {
            if (linked == null) into[name] = QueryValues.Copy(value);
            else into[linked.Alias + "." + name] = new AliasedValue(linked.Table.LogicalName, name, QueryValues.Copy(value));
        }

        /// <summary>A key equal for rows Distinct must fold: same attribute names with equal values.</summary>
        public static string DistinctKey(Entity projected)
        {
            var key = new StringBuilder();
            var names = new List<string>(projected.Attributes.Keys);
            names.Sort(StringComparer.Ordinal);
            foreach (var name in names)
            {
                var value = QueryValues.Normalize(projected.Attributes[name]);
                key.Append(name).Append('=').Append(value switch
                {
                    string s => "s:" + s.TrimEnd(' ').ToUpperInvariant(),
                    DateTime d => "t:" + d.Ticks.ToString(CultureInfo.InvariantCulture),
                    decimal m => "d:" + (m / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture), // 1.0 = 1
                    null => "null",
                    var other => other.GetType().Name + ":" + Convert.ToString(other, CultureInfo.InvariantCulture),
                }).Append('\u0001');
            }
            return key.ToString();
        }
    }
}
