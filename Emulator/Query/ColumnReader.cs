using System;
using Microsoft.Xrm.Sdk;

namespace Taazeez.Crm.Emulator.Query
{
    /// <summary>One column of one source of a joined row, resolved once per query: a read is a slot index and one
    /// attribute lookup, returning the stored value as is (compare it through StoredValues).</summary>
    internal sealed class ColumnReader
    {
        private readonly int _slot;
        private readonly bool _isPrimaryKey;

        public ColumnReader(BoundSource source, string column)
        {
            _slot = source.Slot;
            Column = column;
            _isPrimaryKey = column == source.Table.PrimaryIdColumn;
        }

        public string Column { get; }

        public object? Read(JoinedRow row) => row.Slots[_slot] is { } stored ? Read(stored) : null;

        /// <summary>As QueryValues.Read: the primary key falls back to Entity.Id.</summary>
        public object? Read(Entity stored)
        {
            if (stored.Attributes.TryGetValue(Column, out var value) && value != null) return value;
            return _isPrimaryKey && stored.Id != Guid.Empty ? stored.Id : null;
        }
    }
}
