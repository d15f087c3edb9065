using System;
using System.Globalization;
using Microsoft.Xrm.Sdk;

namespace Taazeez.Crm.Policy
{
    /// <summary>Typed reads of a row's columns for the rules. A value of the wrong type is a malformed request and is
    /// refused with the bilingual S2.InvalidValue message instead of an InvalidCastException.</summary>
    internal static class PolicyValues
    {
        public static T? Get<T>(Entity? row, string column) where T : class
        {
            if (row == null || !row.Attributes.TryGetValue(column, out var value) || value == null) return null;
            return value as T ?? throw Invalid(column);
        }

        public static int? Option(Entity? row, string column)
        {
            if (row == null || !row.Attributes.TryGetValue(column, out var value) || value == null) return null;
            return value is OptionSetValue option ? option.Value : throw Invalid(column);
        }

        public static int? Int(Entity? row, string column)
        {
            if (row == null || !row.Attributes.TryGetValue(column, out var value) || value == null) return null;
            return value is int number ? number : throw Invalid(column);
        }

        public static decimal? MoneyValue(Entity? row, string column)
        {
            if (row == null || !row.Attributes.TryGetValue(column, out var value) || value == null) return null;
            return value is Money money ? money.Value : throw Invalid(column);
        }

        public static bool? Bool(Entity? row, string column)
        {
            if (row == null || !row.Attributes.TryGetValue(column, out var value) || value == null) return null;
            return value is bool flag ? flag : throw Invalid(column);
        }

        public static DateTime? Date(Entity? row, string column)
        {
            if (row == null || !row.Attributes.TryGetValue(column, out var value) || value == null) return null;
            return value is DateTime date ? date : throw Invalid(column);
        }

        public static string? Text(Entity? row, string column) => Get<string>(row, column);

        public static EntityReference? Reference(Entity? row, string column) => Get<EntityReference>(row, column);

        /// <summary>The value after the change: the target's when it carries the column, else the row's before it.</summary>
        public static object? After(Entity target, Entity? before, string column) =>
            target.Attributes.TryGetValue(column, out var value) ? value : before != null && before.Attributes.TryGetValue(column, out var old) ? old : null;

        /// <summary>A row holding, for each column, its value after the change (target over pre-image).</summary>
        public static Entity Merge(Entity target, Entity? before)
        {
            var merged = new Entity(target.LogicalName, target.Id);
            if (before != null)
                foreach (var pair in before.Attributes) merged[pair.Key] = pair.Value;
            foreach (var pair in target.Attributes) merged[pair.Key] = pair.Value;
            return merged;
        }

        /// <summary>True when the target sets the column to a value other than the one the row had.</summary>
        public static bool Changes(Entity target, Entity? before, string column)
        {
            if (!target.Attributes.TryGetValue(column, out var value)) return false;
            object? old = null;
            if (before != null) before.Attributes.TryGetValue(column, out old);
            return !Same(value, old);
        }

        public static bool Same(object? a, object? b)
        {
            if (IsEmpty(a) || IsEmpty(b)) return IsEmpty(a) && IsEmpty(b);
            switch (a)
            {
                case EntityReference ra when b is EntityReference rb: return ra.Id == rb.Id && string.Equals(ra.LogicalName, rb.LogicalName, StringComparison.Ordinal);
                case OptionSetValue oa when b is OptionSetValue ob: return oa.Value == ob.Value;
                case Money ma when b is Money mb: return ma.Value == mb.Value;
                case string sa when b is string sb: return string.Equals(sa, sb, StringComparison.Ordinal);
                default: return a!.Equals(b);
            }
        }

        public static bool IsBlank(string? text) => string.IsNullOrWhiteSpace(text);

        public static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        private static bool IsEmpty(object? value) => value == null || (value is string text && text.Length == 0);

        private static InvalidPluginExecutionException Invalid(string column) =>
            new PolicyViolation(PolicyMessages.S2_InvalidValue, column).ToException();
    }
}
