using System;

namespace Taazeez.Crm.Emulator.Query
{
    /// <summary>SQL Server's uniqueidentifier sort order (bytes 10-15, 8-9, 6-7, 4-5, 0-3 of Guid.ToByteArray), packed
    /// into two integers once so sorting 100k ids does not allocate per comparison as SqlGuid does.</summary>
    internal readonly record struct SqlGuidOrder(ulong High, ulong Low) : IComparable<SqlGuidOrder>
    {
        private static readonly int[] ByteOrder = { 10, 11, 12, 13, 14, 15, 8, 9, 6, 7, 4, 5, 0, 1, 2, 3 };

        public static SqlGuidOrder Of(Guid id)
        {
            Span<byte> bytes = stackalloc byte[16];
            id.TryWriteBytes(bytes);
            ulong high = 0, low = 0;
            for (var i = 0; i < 8; i++) high = high << 8 | bytes[ByteOrder[i]];
            for (var i = 8; i < 16; i++) low = low << 8 | bytes[ByteOrder[i]];
            return new SqlGuidOrder(high, low);
        }

        public int CompareTo(SqlGuidOrder other)
        {
            var c = High.CompareTo(other.High);
            return c != 0 ? c : Low.CompareTo(other.Low);
        }
    }
}
