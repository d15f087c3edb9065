using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Emulator.Faults;
using Taazeez.Crm.Emulator.Metadata;

namespace Taazeez.Crm.Emulator.Query
{
    /// <summary>How the engine reads and compares column values. Stored rows and query values come in several shapes
    /// for one column (OptionSetValue or int, EntityReference or Guid, Money or decimal, FetchXML strings), so both
    /// sides are reduced to one comparable form: decimal, string, bool, DateTime (UTC), Guid.</summary>
    internal static class QueryValues
    {
        /// <summary>The column's value in a stored row; the primary key falls back to Entity.Id.</summary>
        public static object? Read(Entity row, string column, TableMetadata table)
        {
            if (row.Attributes.TryGetValue(column, out var value) && value != null) return value;
            if (column == table.PrimaryIdColumn && row.Id != Guid.Empty) return row.Id;
            return null;
        }

        public static Guid IdOf(Entity row, TableMetadata table) =>
            row.Id != Guid.Empty ? row.Id : Read(row, table.PrimaryIdColumn, table) is Guid id ? id : Guid.Empty;

        /// <summary>The comparable form of a stored or query value (null stays null).</summary>
        public static object? Normalize(object? value) => value switch
        {
            null => null,
            string or decimal or Guid or bool => value, // already comparable: no new box
            AliasedValue aliased => Normalize(aliased.Value),
            OptionSetValue option => (decimal)option.Value,
            EntityReference reference => reference.Id,
            Money money => money.Value,
            int or long or short or byte or sbyte or uint or ushort or ulong or decimal => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
            double d when d >= (double)decimal.MinValue && d <= (double)decimal.MaxValue => (decimal)d,
            float f when f >= (float)decimal.MinValue && f <= (float)decimal.MaxValue => (decimal)f,
            DateTime date => date.Kind == DateTimeKind.Local ? date.ToUniversalTime() : DateTime.SpecifyKind(date, DateTimeKind.Utc),
            DateTimeOffset offset => offset.UtcDateTime,
            Enum e => Convert.ToDecimal(e, CultureInfo.InvariantCulture),
            _ => value,
        };

        /// <summary>A query value converted to the column's comparable form; strings from FetchXML are parsed by the
        /// column type. A value that cannot be the column's type is rejected as Dataverse rejects it.</summary>
        public static object? Coerce(object? value, ColumnMetadata column, string table)
        {
            var normalized = Normalize(value);
            if (normalized == null) return null;
            var kind = KindOf(column.Type);
            var text = normalized as string;
            try
            {
                switch (kind)
                {
                    case ValueKind.Number when text != null:
                        return decimal.Parse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture);
                    case ValueKind.Number when normalized is bool b:
                        return b ? 1m : 0m;
                    case ValueKind.Boolean when text != null:
                        return text.Trim() switch { "1" => true, "0" => false, var t => bool.Parse(t) };
                    case ValueKind.Boolean when normalized is decimal number:
                        return number != 0m;
                    case ValueKind.DateTime when text != null:
                        return DateTime.Parse(text.Trim(), CultureInfo.InvariantCulture,
                            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
                    case ValueKind.Guid when text != null:
                        return Guid.Parse(text.Trim());
                    case ValueKind.Text when normalized is not string:
                        return Convert.ToString(normalized, CultureInfo.InvariantCulture);
                }
            }
            catch (FormatException)
            {
                throw DataverseFaults.InvalidConditionValue(table, column.LogicalName, column.Type, text ?? "");
            }
            catch (OverflowException)
            {
                throw DataverseFaults.InvalidConditionValue(table, column.LogicalName, column.Type, text ?? "");
            }
            var fits = kind switch
            {
                ValueKind.Number => normalized is decimal or double,
                ValueKind.Boolean => normalized is bool,
                ValueKind.DateTime => normalized is DateTime,
                ValueKind.Guid => normalized is Guid,
                _ => true,
            };
            if (!fits)
                throw DataverseFaults.InvalidConditionValue(table, column.LogicalName, column.Type, Convert.ToString(normalized, CultureInfo.InvariantCulture) ?? "");
            return normalized;
        }

        public enum ValueKind { Text, Number, Boolean, DateTime, Guid, Other }

        public static ValueKind KindOf(string columnType) => columnType switch
        {
            "nvarchar" or "ntext" or "memo" or "string" or "email" or "phone" or "url" => ValueKind.Text,
            "int" or "integer" or "bigint" or "decimal" or "float" or "double" or "money"
                or "picklist" or "state" or "status" => ValueKind.Number,
            "bit" or "boolean" => ValueKind.Boolean,
            "datetime" or "date" => ValueKind.DateTime,
            "lookup" or "owner" or "customer" or "primarykey" or "uniqueidentifier" => ValueKind.Guid,
            _ => ValueKind.Other,
        };

        /// <summary>Dataverse compares text case-insensitively and, like SQL Server, ignores trailing spaces.</summary>
        public static bool AreEqual(object? left, object? right)
        {
            if (left == null || right == null) return false;
            if (left is string a && right is string b)
                return string.Equals(a.TrimEnd(' '), b.TrimEnd(' '), StringComparison.OrdinalIgnoreCase);
            var order = Compare(left, right);
            return order == 0;
        }

        /// <summary>Total order used for conditions and sorting: nulls first (SQL Server's ascending order),
        /// uniqueidentifiers in SQL Server's byte order so paging by id behaves like the server.</summary>
        public static int Compare(object? left, object? right)
        {
            if (left == null) return right == null ? 0 : -1;
            if (right == null) return 1;
            switch (left)
            {
                case decimal a when right is decimal b: return a.CompareTo(b);
                case decimal or double when right is decimal or double:
                    return Convert.ToDouble(left, CultureInfo.InvariantCulture).CompareTo(Convert.ToDouble(right, CultureInfo.InvariantCulture));
                case string a when right is string b:
                    return string.Compare(a.TrimEnd(' '), b.TrimEnd(' '), CultureInfo.InvariantCulture, CompareOptions.IgnoreCase);
                case DateTime a when right is DateTime b: return a.Ticks.CompareTo(b.Ticks);
                case Guid a when right is Guid b: return SqlGuidOrder.Of(a).CompareTo(SqlGuidOrder.Of(b));
                case bool a when right is bool b: return a.CompareTo(b);
            }
            // Different shapes (a wrongly typed stored value): order by type name so sorting stays total.
            var byType = string.CompareOrdinal(left.GetType().Name, right.GetType().Name);
            return byType != 0 ? byType : string.CompareOrdinal(left.ToString(), right.ToString());
        }

        /// <summary>Condition values as a flat list: `In` accepts both params values and one array/list value.</summary>
        public static List<object?> Flatten(IList<object> values)
        {
            var result = new List<object?>(values.Count);
            for (var i = 0; i < values.Count; i++)
            {
                var value = values[i];
                if (value is IEnumerable many and not string and not byte[] and not OptionSetValueCollection)
                    foreach (var item in many) result.Add(item);
                else result.Add(value);
            }
            return result;
        }

        /// <summary>A copy of a stored value for a result row, so callers cannot reach the store by reference.</summary>
        public static object? Copy(object? value) => value switch
        {
            EntityReference r => new EntityReference(r.LogicalName, r.Id) { Name = r.Name },
            OptionSetValue o => new OptionSetValue(o.Value),
            Money m => new Money(m.Value),
            OptionSetValueCollection c => new OptionSetValueCollection(CopyOptions(c)),
            byte[] bytes => (byte[])bytes.Clone(),
            _ => value,
        };

        private static List<OptionSetValue> CopyOptions(OptionSetValueCollection collection)
        {
            var list = new List<OptionSetValue>();
            foreach (var option in collection) list.Add(new OptionSetValue(option.Value));
            return list;
        }
    }
}
