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
                var numbers = coerced.ConvertAll(v => (decimal)v).ToArray();
                // Only a stored number can equal a decimal; any other shape is outside the set.
                if (numbers.Length <= ScanLimit) return stored => StoredValues.TryNumber(stored, out var x) && Array.IndexOf(numbers, x) >= 0;
                var set = new HashSet<decimal>(numbers);
                return stored => StoredValues.TryNumber(stored, out var x) && set.Contains(x);
            }
            if (coerced.TrueForAll(v => v is Guid))
            {
                var ids = coerced.ConvertAll(v => (Guid)v).ToArray();
                if (ids.Length <= ScanLimit) return stored => StoredValues.TryGuid(stored, out var x) && Array.IndexOf(ids, x) >= 0;
                var set = new HashSet<Guid>(ids);
                return stored => StoredValues.TryGuid(stored, out var x) && set.Contains(x);
            }
            var keys = new HashSet<object>();
            foreach (var v in coerced) keys.Add(Key(v));
            return stored => keys.Contains(Key(QueryValues.Normalize(stored)!));
        }

        // Up to this many values a linear scan beats hashing (a status list has a handful).
        private const int ScanLimit = 8;

        private static object Key(object value) => value is string s ? s.TrimEnd(' ').ToUpperInvariant() : value;
    }
}
