using System;
using System.Collections.Generic;
using Taazeez.Crm.Emulator.Metadata;

namespace Taazeez.Crm.Emulator.Query
{
    /// <summary>The membership test of In/NotIn, built once per condition. Numbers (choices) and ids get a typed set
    /// read straight from the stored shape; other values a set keyed by Dataverse's text equality (case-insensitive,
    /// trailing spaces ignored).</summary>
    internal static class ValueSet
    {
        /// <summary>A test for a stored value that is not null.</summary>
        public static Func<object, bool> Of(List<object?> values, ColumnMetadata column, string table)
        {
            var coerced = new List<object>(values.Count);
            foreach (var value in values)
                if (QueryValues.Coerce(value, column, table) is { } v) coerced.Add(v);

            if (coerced.TrueForAll(v => v is decimal))
            {
                var numbers = new HashSet<decimal>();
                foreach (var v in coerced) numbers.Add((decimal)v);
                // Only a stored number can equal a decimal; any other shape is outside the set.
                return stored => StoredValues.TryNumber(stored, out var x) && numbers.Contains(x);
            }
            if (coerced.TrueForAll(v => v is Guid))
            {
                var ids = new HashSet<Guid>();
                foreach (var v in coerced) ids.Add((Guid)v);
                return stored => StoredValues.TryGuid(stored, out var x) && ids.Contains(x);
            }
            var keys = new HashSet<object>();
            foreach (var v in coerced) keys.Add(Key(v));
            return stored => keys.Contains(Key(QueryValues.Normalize(stored)!));
        }

        private static object Key(object value) => value is string s ? s.TrimEnd(' ').ToUpperInvariant() : value;
    }
}
