using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Emulator.Faults;
using Taazeez.Crm.Emulator.Metadata;
using Taazeez.Crm.Emulator.Query;

namespace Taazeez.Crm.Emulator.Store
{
    /// <summary>The rows of every table, with indexes on primary keys, lookups and alternate keys. Writers hold the
    /// emulator's request lock, so the store itself keeps no locks; each write is journalled so a failed transaction
    /// undoes it. Rows never leave the store: callers get copies.</summary>
    internal sealed class EntityStore : IQuerySource
    {
        private readonly SolutionMetadata _metadata;
        private readonly Dictionary<string, StoredTable> _tables = new(StringComparer.Ordinal);
        private long _version;

        public EntityStore(SolutionMetadata metadata)
        {
            _metadata = metadata;
            foreach (var table in metadata.Tables.Values)
                _tables[table.LogicalName] = new StoredTable(table);
        }

        /// <summary>Undo actions of the open transaction, newest last; null when no transaction is open.</summary>
        public List<Action>? Journal { get; set; }

        public TableMetadata? Table(string logicalName) => _metadata.Tables.TryGetValue(logicalName, out var t) ? t : null;

        public TableMetadata RequireTable(string logicalName) => Table(logicalName) ?? throw DataverseFaults.NoEntity(logicalName);

        public IEnumerable<Entity> Rows(string logicalName) => Stored(logicalName).Rows.Values;

        public IEnumerable<Entity>? RowsWhereEquals(string logicalName, string column, object value)
        {
            var table = Stored(logicalName);
            var key = IndexKey.Of(value);
            if (column == table.Metadata.PrimaryIdColumn)
                return key is Guid id && table.Rows.TryGetValue(id, out var row) ? new[] { row } : Array.Empty<Entity>();
            if (!table.Indexes.TryGetValue(column, out var index)) return null;
            return key != null && index.TryGetValue(key, out var ids) ? ids.Select(i => table.Rows[i]).ToList() : Array.Empty<Entity>();
        }

        public int? CountWhereEquals(string logicalName, string column, object value)
        {
            var table = Stored(logicalName);
            var key = IndexKey.Of(value);
            if (column == table.Metadata.PrimaryIdColumn) return key is Guid id && table.Rows.ContainsKey(id) ? 1 : 0;
            if (!table.Indexes.TryGetValue(column, out var index)) return null;
            return key != null && index.TryGetValue(key, out var ids) ? ids.Count : 0;
        }

        public Entity? Find(string logicalName, Guid id) => Stored(logicalName).Rows.TryGetValue(id, out var row) ? row : null;

        public bool Exists(string logicalName, Guid id) => _tables.TryGetValue(logicalName, out var t) && t.Rows.ContainsKey(id);

        public int Count(string logicalName) => Stored(logicalName).Rows.Count;

        /// <summary>The row whose alternate-key columns hold these values, if any.</summary>
        public Guid? FindByKey(string logicalName, AlternateKeyMetadata key, IReadOnlyList<object?> values)
        {
            var table = Stored(logicalName);
            return table.KeyIndexes[key.LogicalName].TryGetValue(CompositeKey(values), out var id) ? id : null;
        }

        public void Insert(Entity row)
        {
            var table = Stored(row.LogicalName);
            row["versionnumber"] = ++_version;
            CheckAlternateKeys(table, row, null);
            table.Rows.Add(row.Id, row);
            table.AddToIndexes(row);
            Journal?.Add(() => { table.RemoveFromIndexes(row); table.Rows.Remove(row.Id); });
        }

        /// <summary>Replaces the stored row by a new instance (the old one stays intact for the journal).</summary>
        public void Replace(Entity row)
        {
            var table = Stored(row.LogicalName);
            var old = table.Rows[row.Id];
            row["versionnumber"] = ++_version;
            CheckAlternateKeys(table, row, row.Id);
            table.Rows[row.Id] = row;
            table.MoveInIndexes(old, row);
            Journal?.Add(() => { table.Rows[row.Id] = old; table.MoveInIndexes(row, old); });
        }

        public void Remove(string logicalName, Guid id)
        {
            var table = Stored(logicalName);
            var old = table.Rows[id];
            table.RemoveFromIndexes(old);
            table.Rows.Remove(id);
            Journal?.Add(() => { table.Rows.Add(id, old); table.AddToIndexes(old); });
        }

        private void CheckAlternateKeys(StoredTable table, Entity row, Guid? self)
        {
            foreach (var key in table.Metadata.AlternateKeys)
            {
                if (KeyOf(key, row) is not { } composite) continue;
                if (table.KeyIndexes[key.LogicalName].TryGetValue(composite, out var existing) && existing != self)
                {
                    var values = key.Columns.Select(c => row.Attributes[c]).ToList();
                    throw DataverseFaults.Create(DataverseFaults.DuplicateRecordEntityKey,
                        $"A record that has the attribute values {string.Join(", ", values.Select(Display))} already exists. " +
                        $"The entity key {key.LogicalName} requires that this set of attributes contains unique values. Select unique values and try again.");
                }
            }
        }

        private static string Display(object? value) => value switch
        {
            EntityReference r => r.Id.ToString(),
            OptionSetValue o => o.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
        };

        internal static string CompositeKey(IEnumerable<object?> values) =>
            string.Join("\u001f", values.Select(v => Convert.ToString(IndexKey.Of(v), System.Globalization.CultureInfo.InvariantCulture)));

        /// <summary>The row's entry in an alternate-key index (CompositeKey of its key columns), or null when one of
        /// them is empty. A one-column key, the common case, skips the list and the join.</summary>
        private static string? KeyOf(AlternateKeyMetadata key, Entity row)
        {
            if (key.Columns.Count == 1)
                return row.Attributes.TryGetValue(key.Columns[0], out var single) && single != null
                    ? Convert.ToString(IndexKey.Of(single), System.Globalization.CultureInfo.InvariantCulture) ?? ""
                    : null;
            var values = new object?[key.Columns.Count];
            for (var i = 0; i < values.Length; i++)
                if (!row.Attributes.TryGetValue(key.Columns[i], out values[i]) || values[i] == null) return null;
            return CompositeKey(values);
        }

        private StoredTable Stored(string logicalName) =>
            _tables.TryGetValue(logicalName, out var table) ? table : throw DataverseFaults.NoEntity(logicalName);

        private static readonly HashSet<string> PlatformLookups = new(StringComparer.Ordinal)
        {
            "ownerid", "owninguser", "owningteam", "owningbusinessunit", "createdby", "modifiedby",
            "createdonbehalfby", "modifiedonbehalfby", "transactioncurrencyid",
        };

        private sealed class StoredTable
        {
            public StoredTable(TableMetadata metadata)
            {
                Metadata = metadata;
                // Uniqueidentifier columns too: the intersect tables' ids are looked up on every N:N join and cascade.
                // The platform's ownership and audit lookups are not indexed: nearly every row shares one owner and
                // one creator, so their sets grow as large as the table for no selective query; those are scanned.
                // statecode too: "open rows of this parent" is the commonest filter, and open rows are few.
                foreach (var column in metadata.Columns.Values.Where(c => c.Type is "lookup" or "owner" or "customer" or "uniqueidentifier" or "state"
                             && !PlatformLookups.Contains(c.LogicalName)))
                    Indexes[column.LogicalName] = new Dictionary<object, HashSet<Guid>>();
                foreach (var key in metadata.AlternateKeys)
                {
                    KeyIndexes[key.LogicalName] = new Dictionary<string, Guid>(StringComparer.Ordinal);
                    foreach (var column in key.Columns) Indexes.TryAdd(column, new Dictionary<object, HashSet<Guid>>());
                }
            }

            public TableMetadata Metadata { get; }
            public Dictionary<Guid, Entity> Rows { get; } = new();
            public Dictionary<string, Dictionary<object, HashSet<Guid>>> Indexes { get; } = new(StringComparer.Ordinal);
            public Dictionary<string, Dictionary<string, Guid>> KeyIndexes { get; } = new(StringComparer.Ordinal);

            public void AddToIndexes(Entity row)
            {
                foreach (var (column, index) in Indexes)
                    if (IndexKey.Of(row.Attributes.TryGetValue(column, out var v) ? v : null) is { } key)
                        Add(index, key, row.Id);
                foreach (var key in Metadata.AlternateKeys)
                    if (KeyOf(key, row) is { } composite) KeyIndexes[key.LogicalName][composite] = row.Id;
            }

            public void RemoveFromIndexes(Entity row)
            {
                foreach (var (column, index) in Indexes)
                    if (IndexKey.Of(row.Attributes.TryGetValue(column, out var v) ? v : null) is { } key)
                        Remove(index, key, row.Id);
                foreach (var key in Metadata.AlternateKeys)
                    if (KeyOf(key, row) is { } composite) KeyIndexes[key.LogicalName].Remove(composite);
            }

            /// <summary>The same as RemoveFromIndexes(from) then AddToIndexes(to) for two versions of one row, touching
            /// only the entries whose value changed (an Update usually changes no indexed column).</summary>
            public void MoveInIndexes(Entity from, Entity to)
            {
                foreach (var (column, index) in Indexes)
                {
                    var before = IndexKey.Of(from.Attributes.TryGetValue(column, out var b) ? b : null);
                    var after = IndexKey.Of(to.Attributes.TryGetValue(column, out var a) ? a : null);
                    if (Equals(before, after)) continue;
                    if (before != null) Remove(index, before, from.Id);
                    if (after != null) Add(index, after, to.Id);
                }
                foreach (var key in Metadata.AlternateKeys)
                {
                    var before = KeyOf(key, from);
                    var after = KeyOf(key, to);
                    if (before == after) continue;
                    var keyIndex = KeyIndexes[key.LogicalName];
                    if (before != null) keyIndex.Remove(before);
                    if (after != null) keyIndex[after] = to.Id;
                }
            }

            private static void Add(Dictionary<object, HashSet<Guid>> index, object key, Guid id)
            {
                if (!index.TryGetValue(key, out var ids)) index[key] = ids = new HashSet<Guid>();
                ids.Add(id);
            }

            private static void Remove(Dictionary<object, HashSet<Guid>> index, object key, Guid id)
            {
                if (index.TryGetValue(key, out var ids)) ids.Remove(id);
            }
        }
    }
}
