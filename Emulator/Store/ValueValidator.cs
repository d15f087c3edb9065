using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Emulator.Faults;
using Taazeez.Crm.Emulator.Metadata;

namespace Taazeez.Crm.Emulator.Store
{
    /// <summary>Checks every value written against its column as Dataverse does before it touches the database:
    /// the column exists, the value has the column's type, text fits, options belong to the option set, numbers sit
    /// in range and lookups point at rows that exist.</summary>
    internal static class ValueValidator
    {
        public static void Validate(TableMetadata table, Entity entity, EntityStore store)
        {
            foreach (var (name, value) in entity.Attributes)
            {
                if (!table.Columns.TryGetValue(name, out var column))
                    throw DataverseFaults.NoAttribute(table.LogicalName, name);
                if (value is null) continue;
                if (!HasColumnType(column, value))
                    throw DataverseFaults.Create(DataverseFaults.InvalidArgument,
                        $"Incorrect attribute value type {value.GetType().FullName} for attribute '{name}' of type {column.Type} on entity '{table.LogicalName}'.");
                CheckValue(table, column, value, store);
            }
        }

        private static bool HasColumnType(ColumnMetadata column, object value) => column.Type switch
        {
            "nvarchar" or "ntext" or "memo" or "string" => value is string,
            "int" or "integer" => value is int,
            "bigint" => value is long,
            "decimal" => value is decimal,
            "double" or "float" => value is double,
            "money" => value is Money,
            "bit" or "boolean" => value is bool,
            "datetime" => value is DateTime,
            "picklist" or "state" or "status" => value is OptionSetValue,
            "multiselectpicklist" => value is OptionSetValueCollection,
            "lookup" or "owner" or "customer" => value is EntityReference,
            "primarykey" or "uniqueidentifier" => value is Guid,
            "partylist" => value is EntityCollection,
            _ => true,
        };

        private static void CheckValue(TableMetadata table, ColumnMetadata column, object value, EntityStore store)
        {
            switch (value)
            {
                case string text when column.MaxLength is { } max && text.Length > max:
                    throw DataverseFaults.Create(DataverseFaults.StringLengthTooLong,
                        $"A validation error occurred. The length of the '{column.LogicalName}' attribute of the '{table.LogicalName}' entity exceeded the maximum allowed length of '{max}'.");
                case OptionSetValue option when column.Type is "picklist" or "status" && column.OptionValues.Count > 0:
                    CheckOption(table, column, option.Value);
                    break;
                case OptionSetValueCollection options when column.OptionValues.Count > 0:
                    foreach (var option in options) CheckOption(table, column, option.Value);
                    break;
                case int or decimal or double or long or Money:
                    var number = value is Money money ? money.Value : Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                    if (number < column.MinValue || number > column.MaxValue)
                        throw DataverseFaults.Create(DataverseFaults.ValueOutOfRange,
                            $"A validation error occurred. The value {number.ToString(CultureInfo.InvariantCulture)} of '{column.LogicalName}' on record of type '{table.LogicalName}' is outside the valid range ({column.MinValue?.ToString(CultureInfo.InvariantCulture)} to {column.MaxValue?.ToString(CultureInfo.InvariantCulture)}).");
                    break;
                case EntityReference reference:
                    CheckLookup(table, column, reference, store);
                    break;
                case EntityCollection parties:
                    foreach (var party in parties.Entities)
                        if (party.GetAttributeValue<EntityReference>("partyid") is { } partyId)
                            CheckLookup(table, column, partyId, store);
                    break;
            }
        }

        private static void CheckOption(TableMetadata table, ColumnMetadata column, int value)
        {
            if (!column.OptionValues.Contains(value))
                throw DataverseFaults.Create(DataverseFaults.InvalidOptionSetValue,
                    $"A validation error occurred. The value {value} of '{column.LogicalName}' on record of type '{table.LogicalName}' is outside the valid range. Accepted Values: {string.Join(",", column.OptionValues.OrderBy(v => v))}");
        }

        private static void CheckLookup(TableMetadata table, ColumnMetadata column, EntityReference reference, EntityStore store)
        {
            if (string.IsNullOrEmpty(reference.LogicalName))
                throw DataverseFaults.Create(DataverseFaults.InvalidArgument,
                    $"The lookup '{column.LogicalName}' of '{table.LogicalName}' needs the LogicalName of the referenced entity.");
            if (column.Targets.Count > 0 && !column.Targets.Contains(reference.LogicalName))
                throw DataverseFaults.Create(DataverseFaults.InvalidArgument,
                    $"The entity '{reference.LogicalName}' is not a valid target of the lookup '{column.LogicalName}' on '{table.LogicalName}'. Valid targets: {string.Join(",", column.Targets)}.");
            store.RequireTable(reference.LogicalName);
            if (!store.Exists(reference.LogicalName, reference.Id))
                throw DataverseFaults.DoesNotExist(reference.LogicalName, reference.Id);
        }

        /// <summary>System-required columns that the caller did not set and the platform does not fill.</summary>
        public static void CheckRequired(TableMetadata table, Entity row)
        {
            for (var c = 0; c < table.SystemRequiredColumns.Count; c++)
                if (table.SystemRequiredColumns[c] is var column && column.Type is not ("primarykey" or "state" or "status" or "owner") &&
                    (!row.Attributes.TryGetValue(column.LogicalName, out var value) || value is null || value is string { Length: 0 }))
                    throw DataverseFaults.Create(DataverseFaults.InvalidArgument,
                        $"A validation error occurred. A value for the '{column.LogicalName}' attribute of the '{table.LogicalName}' entity is required.");
        }
    }
}
