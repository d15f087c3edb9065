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
    /// undoes it. Rows never leave the store: callers get copies. A stored value is never changed in place (an update
    /// puts a new value in the row), so rows and row versions share values (<see cref="RowValues"/>).</summary>
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

        /// <summary>Makes the values new rows hold, shared between rows.</summary>
        public RowValues Values { get; } = new();

        /// <summary>The writes of the open transaction, newest last, to undo on rollback. A write adds a row
        /// (Removed null), removes one (Added null), or (Changed) changed the stored row Added, whose earlier values
        /// Removed holds.</summary>
        private readonly List<(StoredTable Table, Entity? Added, Entity? Removed, bool Changed)> _journal = new();

        public bool InTransaction { get; private set; }

        /// <summary>Opens a transaction unless one is open; true when the caller owns it and must commit or roll back.</summary>
        public bool BeginTransaction()
        {
            if (InTransaction) return false;
            InTransaction = true;
            return true;
        }

        public void Commit()
        {
            _journal.Clear();
            InTransaction = false;
        }

        public void Rollback()
        {
            for (var i = _journal.Count - 1; i >= 0; i--)
            {
                var (table, added, removed, changed) = _journal[i];
                if (changed) Overwrite(table, added!, removed!);
                else if (added != null)
                {
                    table.RemoveFromIndexes(added);
                    table.Rows.Remove(added.Id);
                }
                else if (removed != null)
                {
                    table.Rows.Add(removed.Id, removed);
                    table.AddToIndexes(removed);
                }
            }
            Commit();
        }

        /// <summary>The row a Create or Update is building, reused: built here, starting from the stored version an
        /// Update changes, then copied by <see cref="Seal"/> into a row whose arrays are sized once (a row built in
        /// place regrows them as columns arrive). A new row reserves the store's version column for Insert.</summary>
        public Entity Draft(string logicalName, Guid id, Entity? from = null)
        {
            _draft.Attributes.Clear();
            _draft.LogicalName = logicalName;
            _draft.Id = id;
            if (from != null) _draft.Attributes.AddRange(from.Attributes);
            else _draft["versionnumber"] = null;
            return _draft;
        }

        public Entity Seal(Entity draft)
        {
            var row = new Entity(draft.LogicalName, draft.Id);
            row.Attributes.AddRange(draft.Attributes);
            return row;
        }

        private readonly Entity _draft = new();

        public TableMetadata? Table(string logicalName) => _metadata.Tables.TryGetValue(logicalName, out var t) ? t : null;

        public TableMetadata RequireTable(string logicalName) => Table(logicalName) ?? throw DataverseFaults.NoEntity(logicalName);

        public IEnumerable<Entity> Rows(string logicalName) => Stored(logicalName).Rows.Values;

        public IEnumerable<Entity>? RowsWhereEquals(string logicalName, string column, object value)
        {
            var table = Stored(logicalName);
            var key = IndexKey.Of(value);
            if (column == table.Metadata.PrimaryIdColumn)
                return key is Guid id && table.Rows.TryGetValue(id, out var row) ? new[] { row } : Array.Empty<Entity>();
            if (table.UniqueKeyOf(column) is { } unique)
                return key != null && unique.TryGetValue(UniqueKey(key), out var keyed) ? new[] { table.Rows[keyed] } : Array.Empty<Entity>();
            if (!table.Indexes.TryGetValue(column, out var index)) return null;
            if (key == null || !index.TryGetValue(key, out var ids)) return Array.Empty<Entity>();
            return ids is HashSet<Guid> many ? many.Select(i => table.Rows[i]).ToList() : new[] { table.Rows[(Guid)ids] };
        }

        public int? CountWhereEquals(string logicalName, string column, object value)
        {
            var table = Stored(logicalName);
            var key = IndexKey.Of(value);
            if (column == table.Metadata.PrimaryIdColumn) return key is Guid id && table.Rows.ContainsKey(id) ? 1 : 0;
            if (table.UniqueKeyOf(column) is { } unique) return key != null && unique.ContainsKey(UniqueKey(key)) ? 1 : 0;
            if (!table.Indexes.TryGetValue(column, out var index)) return null;
            return key == null || !index.TryGetValue(key, out var ids) ? 0 : ids is HashSet<Guid> many ? many.Count : 1;
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
            // each alternate key's entry is worked out once: checked for a duplicate, then added
            var keys = table.Metadata.AlternateKeys;
            string? first = null;
            string?[]? others = null;
            for (var k = 0; k < keys.Count; k++)
            {
                var composite = KeyOf(keys[k], row);
                if (composite != null && table.KeyIndexes[keys[k].LogicalName].ContainsKey(composite)) throw DuplicateKey(keys[k], row);
                if (k == 0) first = composite;
                else (others ??= new string?[keys.Count])[k] = composite;
            }
            table.Rows.Add(row.Id, row);
            table.AddToIndexes(row, withKeys: false);
            for (var k = 0; k < keys.Count; k++)
                if ((k == 0 ? first : others![k]) is { } composite) table.KeyIndexes[keys[k].LogicalName][composite] = row.Id;
            if (InTransaction) _journal.Add((table, row, null, false));
        }

        /// <summary>An Update: the stored row takes the values of the draft, in place. The row object stays, so a
        /// long-lived row does not leave a dead version behind in the oldest generation at every update (old versions
        /// filled the heap between full collections); the transaction keeps a short-lived copy of the old values.</summary>
        public void Update(Entity stored, Entity draft)
        {
            var table = Stored(stored.LogicalName);
            draft["versionnumber"] = ++_version;
            CheckAlternateKeys(table, draft, stored.Id);
            if (InTransaction) _journal.Add((table, stored, Seal(stored), true));
            Overwrite(table, stored, draft);
        }

        /// <summary>The stored row takes the values of another version of itself, and its index entries follow.</summary>
        private static void Overwrite(StoredTable table, Entity stored, Entity values)
        {
            table.MoveInIndexes(stored, values);
            stored.Attributes.Clear();
            stored.Attributes.AddRange(values.Attributes);
        }

        public void Remove(string logicalName, Guid id)
        {
            var table = Stored(logicalName);
            var old = table.Rows[id];
            table.RemoveFromIndexes(old);
            table.Rows.Remove(id);
            if (InTransaction) _journal.Add((table, null, old, false));
        }

        private void CheckAlternateKeys(StoredTable table, Entity row, Guid? self)
        {
            var keys = table.Metadata.AlternateKeys;
            for (var k = 0; k < keys.Count; k++)
            {
                if (KeyOf(keys[k], row) is not { } composite) continue;
                if (table.KeyIndexes[keys[k].LogicalName].TryGetValue(composite, out var existing) && existing != self)
                    throw DuplicateKey(keys[k], row);
            }
        }

        private static Exception DuplicateKey(AlternateKeyMetadata key, Entity row) =>
            DataverseFaults.Create(DataverseFaults.DuplicateRecordEntityKey,
                $"A record that has the attribute values {string.Join(", ", key.Columns.Select(c => Display(row.Attributes[c])))} already exists. " +
                $"The entity key {key.LogicalName} requires that this set of attributes contains unique values. Select unique values and try again.");

        private static string Display(object? value) => value switch
        {
            EntityReference r => r.Id.ToString(),
            OptionSetValue o => o.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
        };

        /// <summary>A one-column alternate key's entry for a value already in IndexKey form.</summary>
        private static string UniqueKey(object key) => Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture) ?? "";

        internal static string CompositeKey(IEnumerable<object?> values) =>
            string.Join("\u001f", values.Select(v => Convert.ToString(IndexKey.Of(v), System.Globalization.CultureInfo.InvariantCulture)));

        /// <summary>The row's entry in an alternate-key index (CompositeKey of its key columns), or null when one of
        /// them is empty. A one-column key, the common case, skips the list and the join.</summary>
        private static string? KeyOf(AlternateKeyMetadata key, Entity row)
        {
            if (key.Columns.Count == 1)
                return row.Attributes.TryGetValue(key.Columns[0], out var single) && !IsEmpty(single)
                    ? Convert.ToString(IndexKey.Of(single), System.Globalization.CultureInfo.InvariantCulture) ?? ""
                    : null;
            var values = new object?[key.Columns.Count];
            for (var i = 0; i < values.Length; i++)
                if (!row.Attributes.TryGetValue(key.Columns[i], out values[i]) || IsEmpty(values[i])) return null;
            return CompositeKey(values);
        }

        /// <summary>Dataverse saves an empty text as null, and a key holds no row whose key column is null: two files
        /// without a national id do not collide.</summary>
        private static bool IsEmpty(object? value) => value is null or string { Length: 0 };

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
                // statecode too: "open rows of this parent" is the commonest filter, and open rows are few; and
                // statuscode: a queue or a sweep selects rows in a step of their lifecycle ("awaiting committee"),
                // where a small share of the table waits at any time.
                foreach (var column in metadata.Columns.Values.Where(c => c.Type is "lookup" or "owner" or "customer" or "uniqueidentifier" or "state" or "status"
                             && !PlatformLookups.Contains(c.LogicalName)))
                    Indexes[column.LogicalName] = new Dictionary<object, object>();
                foreach (var key in metadata.AlternateKeys)
                {
                    var keyIndex = KeyIndexes[key.LogicalName] = new Dictionary<string, Guid>(StringComparer.Ordinal);
                    // a one-column key's own index answers equality on its column (a national id): no second index
                    if (key.Columns.Count == 1 && !Indexes.ContainsKey(key.Columns[0])) _uniqueKeys.TryAdd(key.Columns[0], keyIndex);
                    else foreach (var column in key.Columns) Indexes.TryAdd(column, new Dictionary<object, object>());
                }
            }

            private readonly Dictionary<string, Dictionary<string, Guid>> _uniqueKeys = new(StringComparer.Ordinal);

            /// <summary>The index of the one-column alternate key on this column, if there is one.</summary>
            public Dictionary<string, Guid>? UniqueKeyOf(string column) =>
                _uniqueKeys.Count > 0 && _uniqueKeys.TryGetValue(column, out var index) ? index : null;

            public TableMetadata Metadata { get; }
            public Dictionary<Guid, Entity> Rows { get; } = new();
            public Dictionary<string, Dictionary<object, object>> Indexes { get; } = new(StringComparer.Ordinal);
            public Dictionary<string, Dictionary<string, Guid>> KeyIndexes { get; } = new(StringComparer.Ordinal);

            public void AddToIndexes(Entity row, bool withKeys = true)
            {
                var boxedId = IdOf(row);
                foreach (var (column, index) in Indexes)
                    if (Key(row.Attributes.TryGetValue(column, out var v) ? v : null) is { } key)
                        Add(index, key, row.Id, boxedId);
                if (!withKeys) return;
                for (var k = 0; k < Metadata.AlternateKeys.Count; k++)
                    if (KeyOf(Metadata.AlternateKeys[k], row) is { } composite) KeyIndexes[Metadata.AlternateKeys[k].LogicalName][composite] = row.Id;
            }

            public void RemoveFromIndexes(Entity row)
            {
                foreach (var (column, index) in Indexes)
                    if (Key(row.Attributes.TryGetValue(column, out var v) ? v : null) is { } key)
                        Remove(index, key, row.Id);
                for (var k = 0; k < Metadata.AlternateKeys.Count; k++)
                    if (KeyOf(Metadata.AlternateKeys[k], row) is { } composite) KeyIndexes[Metadata.AlternateKeys[k].LogicalName].Remove(composite);
            }

            /// <summary>The same as RemoveFromIndexes(from) then AddToIndexes(to) for two versions of one row, touching
            /// only the entries whose value changed (an Update usually changes no indexed column).</summary>
            public void MoveInIndexes(Entity from, Entity to)
            {
                foreach (var (column, index) in Indexes)
                {
                    from.Attributes.TryGetValue(column, out var b);
                    to.Attributes.TryGetValue(column, out var a);
                    if (ReferenceEquals(a, b)) continue; // versions share the values an update did not touch
                    var before = Key(b);
                    var after = Key(a);
                    if (Equals(before, after)) continue;
                    if (before != null) Remove(index, before, from.Id);
                    if (after != null) Add(index, after, to.Id, IdOf(to));
                }
                for (var k = 0; k < Metadata.AlternateKeys.Count; k++)
                {
                    var key = Metadata.AlternateKeys[k];
                    var before = KeyOf(key, from);
                    var after = KeyOf(key, to);
                    if (before == after) continue;
                    var keyIndex = KeyIndexes[key.LogicalName];
                    if (before != null) keyIndex.Remove(before);
                    if (after != null) keyIndex[after] = to.Id;
                }
            }

            // An index entry is the one row's id (boxed) or, from the second row on, a set of ids: most values
            // (a national id, a request's own children) belong to one row or a few, and a set per value would
            // outweigh the row.
            /// <summary>The row's id as its primary-key column holds it, boxed once: a one-row index entry points at it.</summary>
            private object IdOf(Entity row) =>
                row.Attributes.TryGetValue(Metadata.PrimaryIdColumn, out var id) && id is Guid ? id : row.Id;

            /// <summary>IndexKey.Of, with the boxed integer of a choice value made once per value (state and status
            /// take a handful of values across the whole table).</summary>
            private object? Key(object? value)
            {
                if (value is not OptionSetValue option) return IndexKey.Of(value);
                if (!_choiceKeys.TryGetValue(option.Value, out var key)) _choiceKeys[option.Value] = key = option.Value;
                return key;
            }

            private readonly Dictionary<int, object> _choiceKeys = new();

            private static void Add(Dictionary<object, object> index, object key, Guid id, object boxedId)
            {
                if (!index.TryGetValue(key, out var ids)) index[key] = boxedId;
                else if (ids is HashSet<Guid> many) many.Add(id);
                else if ((Guid)ids != id) index[key] = new HashSet<Guid> { (Guid)ids, id };
            }

            private static void Remove(Dictionary<object, object> index, object key, Guid id)
            {
                if (!index.TryGetValue(key, out var ids)) return;
                if (ids is HashSet<Guid> many)
                {
                    many.Remove(id);
                    if (many.Count == 0) index.Remove(key);
                }
                else if ((Guid)ids == id) index.Remove(key);
            }
        }
    }
}
