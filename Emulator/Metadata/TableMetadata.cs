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

        /// <summary>An activity table: primary key activityid, regarding object, party lists.</summary>
        public bool IsActivity { get; private init; }

        public TableMetadata AsActivity(IReadOnlyDictionary<int, int> stateOfStatus) =>
            new(LogicalName, Columns.Values, AlternateKeys, stateOfStatus) { IsActivity = true };

        /// <summary>The status a new row gets: the lowest status reason of the active/open state.</summary>
        public int DefaultStatus => StateOfStatus.Where(p => p.Value == 0).Select(p => p.Key).DefaultIfEmpty(1).Min();

        public string PrimaryIdColumn => Columns.Values.FirstOrDefault(c => c.Type == "primarykey")?.LogicalName ?? LogicalName + "id";
    }
}
