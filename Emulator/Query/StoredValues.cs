using System;
using System.Globalization;
using Microsoft.Xrm.Sdk;

namespace Taazeez.Crm.Emulator.Query
{
    /// <summary>Compares a stored value with an already normalised query value as QueryValues.AreEqual/Compare would
    /// compare Normalize(stored), but reads numbers, ids and dates out of the stored shapes (OptionSetValue, Money,
    /// EntityReference, int, DateTime) instead of boxing a normalised copy for every row a filter looks at. Shapes
    /// it does not know take the normalising path, so the answer is the same either way.</summary>
    internal static class StoredValues
    {
        /// <summary>True when Normalize(stored) is null (also an AliasedValue holding nothing).</summary>
        public static bool IsNull(object? stored) => stored == null || stored is AliasedValue aliased && QueryValues.Normalize(aliased.Value) == null;

        public static bool Equal(object stored, object value)
        {
            switch (value)
            {
                case Guid id when TryGuid(stored, out var x): return x == id;
                case decimal number when TryNumber(stored, out var x): return x == number;
                case string text when stored is string x: return TextEqual(x, text);
                case DateTime date when TryDate(stored, out var x): return x.Ticks == date.Ticks;
                case bool flag when stored is bool x: return x == flag;
            }
            return QueryValues.AreEqual(QueryValues.Normalize(stored), value);
        }

        public static int Compare(object stored, object value)
        {
            switch (value)
            {
                case decimal number when TryNumber(stored, out var x): return x.CompareTo(number);
                case DateTime date when TryDate(stored, out var x): return x.Ticks.CompareTo(date.Ticks);
                case string text when stored is string x:
                    return Collation.Compare(x.AsSpan().TrimEnd(' '), text.AsSpan().TrimEnd(' '), CompareOptions.IgnoreCase);
                case Guid id when TryGuid(stored, out var x): return SqlGuidOrder.Of(x).CompareTo(SqlGuidOrder.Of(id));
                case bool flag when stored is bool x: return x.CompareTo(flag);
            }
            return QueryValues.Compare(QueryValues.Normalize(stored), value);
        }

        /// <summary>Dataverse's text equality (case-insensitive, trailing spaces ignored) without trimming copies.</summary>
        public static bool TextEqual(string a, string b) =>
            a.AsSpan().TrimEnd(' ').Equals(b.AsSpan().TrimEnd(' '), StringComparison.OrdinalIgnoreCase);

        /// <summary>Normalize(stored) when that is a decimal; false for every shape Normalize does not turn into one.</summary>
        public static bool TryNumber(object? stored, out decimal number)
        {
            switch (stored)
            {
                case OptionSetValue option: number = option.Value; return true;
                case int i: number = i; return true;
                case decimal d: number = d; return true;
                case Money money: number = money.Value; return true;
                case long l: number = l; return true;
                case short s: number = s; return true;
                case byte b: number = b; return true;
                case sbyte sb: number = sb; return true;
                case uint ui: number = ui; return true;
                case ushort us: number = us; return true;
                case ulong ul: number = ul; return true;
                case double d when d >= (double)decimal.MinValue && d <= (double)decimal.MaxValue: number = (decimal)d; return true;
                case float f when f >= (float)decimal.MinValue && f <= (float)decimal.MaxValue: number = (decimal)f; return true;
                case Enum e: number = Convert.ToDecimal(e, CultureInfo.InvariantCulture); return true;
                case AliasedValue aliased: return TryNumber(aliased.Value, out number);
            }
            number = 0m;
            return false;
        }

        /// <summary>Normalize(stored) when that is a Guid (a key or a lookup's id).</summary>
        public static bool TryGuid(object? stored, out Guid id)
        {
            switch (stored)
            {
                case EntityReference reference: id = reference.Id; return true;
                case Guid g: id = g; return true;
                case AliasedValue aliased: return TryGuid(aliased.Value, out id);
            }
            id = Guid.Empty;
            return false;
        }

        /// <summary>Normalize(stored) when that is a DateTime (UTC).</summary>
        public static bool TryDate(object? stored, out DateTime date)
        {
            switch (stored)
            {
                case DateTime d: date = d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : DateTime.SpecifyKind(d, DateTimeKind.Utc); return true;
                case DateTimeOffset offset: date = offset.UtcDateTime; return true;
                case AliasedValue aliased: return TryDate(aliased.Value, out date);
            }
            date = default;
            return false;
        }

        private static readonly CompareInfo Collation = CultureInfo.InvariantCulture.CompareInfo;
    }
}
