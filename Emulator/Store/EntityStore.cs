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
            table.RemoveFromIndexes(old);
            table.Rows[row.Id] = row;
            table.AddToIndexes(row);
            Journal?.Add(() => { table.RemoveFromIndexes(row); table.Rows[row.Id] = old; table.AddToIndexes(old); });
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
                var values = key.Columns.Select(c => row.Attributes.TryGetValue(c, out var v) ? v : null).ToList();
                if (values.Any(v => v is null)) continue;
                if (table.KeyIndexes[key.LogicalName].TryGetValue(CompositeKey(values), out var existing) && existing != self)
                    throw DataverseFaults.Create(DataverseFaults.DuplicateRecordEntityKey,
                        $"A record that has the attribute values {string.Join(", ", values.Select(Display))} already exists. " +
                        $"The entity key {key.LogicalName} requires that this set of attributes contains unique values. Select unique values and try again.");
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

        private StoredTable Stored(string logicalName) =>
            _tables.TryGetValue(logicalName, out var table) ? table : throw DataverseFaults.NoEntity(logicalName);

        private sealed class StoredTable
        {
            public StoredTable(TableMetadata metadata)
            {
                Metadata = metadata;
                // Uniqueidentifier columns too: the intersect tables' ids are looked up on every N:N join and cascade.
                foreach (var column in metadata.Columns.Values.Where(c => c.Type is "lookup" or "owner" or "customer" or "uniqueidentifier"))
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
                    {
                        if (!index.TryGetValue(key, out var ids)) index[key] = ids = new HashSet<Guid>();
                        ids.Add(row.Id);
                    }
                foreach (var key in Metadata.AlternateKeys)
                {
                    var values = key.Columns.Select(c => row.Attributes.TryGetValue(c, out var v) ? v : null).ToList();
                    if (values.All(v => v != null)) KeyIndexes[key.LogicalName][CompositeKey(values)] = row.Id;
                }
            }

            public void RemoveFromIndexes(Entity row)
            {
                foreach (var (column, index) in Indexes)
                    if (IndexKey.Of(row.Attributes.TryGetValue(column, out var v) ? v : null) is { } key && index.TryGetValue(key, out var ids))
                        ids.Remove(row.Id);
                foreach (var key in Metadata.AlternateKeys)
                {
                    var values = key.Columns.Select(c => row.Attributes.TryGetValue(c, out var v) ? v : null).ToList();
                    if (values.All(v => v != null)) KeyIndexes[key.LogicalName].Remove(CompositeKey(values));
                }
            }
        }
    }
}
