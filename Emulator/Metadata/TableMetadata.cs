using System;
using System.Collections.Generic;
using System.Linq;

namespace Taazeez.Crm.Emulator.Metadata
{
    /// <summary>One table: its columns, alternate keys and which status reasons belong to which state.</summary>
    public sealed class TableMetadata
    {
        public TableMetadata(string logicalName, IEnumerable<ColumnMetadata> columns, IEnumerable<AlternateKeyMetadata> keys,
            IReadOnlyDictionary<int, int> stateOfStatus)
        {
            LogicalName = logicalName;
            Columns = columns.ToDictionary(c => c.LogicalName, StringComparer.Ordinal);
            AlternateKeys = keys.ToList();
            StateOfStatus = stateOfStatus;
        }

        public string LogicalName { get; }
        public IReadOnlyDictionary<string, ColumnMetadata> Columns { get; }
        public IReadOnlyList<AlternateKeyMetadata> AlternateKeys { get; }

        /// <summary>statuscode value → statecode value it belongs to.</summary>
        public IReadOnlyDictionary<int, int> StateOfStatus { get; }

        public string PrimaryIdColumn => Columns.Values.FirstOrDefault(c => c.Type == "primarykey")?.LogicalName ?? LogicalName + "id";
    }
}
