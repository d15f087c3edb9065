using System;
using Microsoft.Xrm.Sdk;

namespace Taazeez.Crm.WorkflowActivities
{
    /// <summary>Reads what an outer link-entity brought back (AliasedValue columns "alias.column"), so one query on a
    /// primary key can answer for the related rows too: "does the row a previous attempt wrote exist", "what are the
    /// related row's columns".</summary>
    public static class LinkedColumns
    {
        public static T? Value<T>(Entity row, string alias, string column) where T : class =>
            row.GetAttributeValue<AliasedValue>(alias + "." + column)?.Value as T;

        /// <summary>The linked row's id (its primary key must be among the link's columns); null when nothing matched.</summary>
        public static Guid? Id(Entity row, string alias, string primaryId) =>
            row.GetAttributeValue<AliasedValue>(alias + "." + primaryId)?.Value is Guid id ? id : (Guid?)null;

        /// <summary>The linked row rebuilt from its aliased columns; null when the outer link matched nothing.</summary>
        public static Entity? Row(Entity row, string alias, string logicalName, string primaryId)
        {
            if (!(Id(row, alias, primaryId) is Guid id)) return null;
            var linked = new Entity(logicalName, id);
            var prefix = alias + ".";
            foreach (var pair in row.Attributes)
                if (pair.Value is AliasedValue value && pair.Key.StartsWith(prefix, StringComparison.Ordinal))
                    linked[value.AttributeLogicalName] = value.Value;
            return linked;
        }

        /// <summary>The root row without the linked columns.</summary>
        public static Entity Root(Entity row)
        {
            var copy = new Entity(row.LogicalName, row.Id);
            foreach (var pair in row.Attributes)
                if (!(pair.Value is AliasedValue)) copy[pair.Key] = pair.Value;
            return copy;
        }
    }
}
