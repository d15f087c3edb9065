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
            // Computed once: the store and the service read these on every request.
            PrimaryIdColumn = Columns.Values.FirstOrDefault(c => c.Type == "primarykey")?.LogicalName ?? LogicalName + "id";
            DefaultStatus = DefaultStatusOf(0);
            AutoNumberColumns = Columns.Values.Where(c => c.AutoNumberFormat != null).ToList();
            SystemRequiredColumns = Columns.Values.Where(c => c.IsSystemRequired).ToList();
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
        public int DefaultStatus { get; }

        /// <summary>The status a row gets when only its state is set: the lowest status reason of that state
        /// (state + 1 when the table lists none, as the platform's Active/Inactive pairs are numbered).</summary>
        public int DefaultStatusOf(int state) =>
            StateOfStatus.Where(p => p.Value == state).Select(p => p.Key).DefaultIfEmpty(state + 1).Min();

        public string PrimaryIdColumn { get; }

        /// <summary>Columns with an autonumber format, in column order.</summary>
        internal IReadOnlyList<ColumnMetadata> AutoNumberColumns { get; }

        /// <summary>Columns whose required level is systemrequired, in column order.</summary>
        internal IReadOnlyList<ColumnMetadata> SystemRequiredColumns { get; }
    }
}
