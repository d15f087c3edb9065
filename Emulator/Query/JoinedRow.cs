using Microsoft.Xrm.Sdk;

namespace Taazeez.Crm.Emulator.Query
{
    /// <summary>One row of the joined result before projection: the stored row of each source by slot (null for an
    /// outer link without a match). Holds stored instances, so it never leaves the engine.</summary>
    internal sealed class JoinedRow
    {
        public JoinedRow(Entity?[] slots) { Slots = slots; }

        public Entity?[] Slots { get; }

        public object? Value(BoundSource source, string column)
        {
            var row = Slots[source.Slot];
            return row == null ? null : QueryValues.Read(row, column, source.Table);
        }
    }
}
