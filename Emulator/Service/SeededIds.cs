using System;

namespace Taazeez.Crm.Emulator.Service
{
    /// <summary>Version-4 shaped Guids from a seeded SplitMix64 sequence: a run with the same seed writes the same ids,
    /// and no Guid.NewGuid (a read of the OS's random source per id). SplitMix64 fills a Guid with two steps, where
    /// System.Random's seeded generator takes sixteen.</summary>
    internal sealed class SeededIds
    {
        private ulong _state;

        public SeededIds(long seed) => _state = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + 0xD1B54A32D192ED03UL);

        public Guid Next()
        {
            var high = Step();
            var low = Step();
            // version 4 in the high nibble of the 7th byte, RFC 4122 variant in the 9th
            high = (high & 0xFFFFFFFFFFFF0FFFUL) | 0x0000000000004000UL;
            low = (low & 0x3FFFFFFFFFFFFFFFUL) | 0x8000000000000000UL;
            return new Guid((uint)(high >> 32), (ushort)(high >> 16), (ushort)high,
                (byte)(low >> 56), (byte)(low >> 48), (byte)(low >> 40), (byte)(low >> 32),
                (byte)(low >> 24), (byte)(low >> 16), (byte)(low >> 8), (byte)low);
        }

        private ulong Step()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
