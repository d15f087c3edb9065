using System;

namespace Taazeez.Crm.Emulator
{
    /// <summary>The emulator's "now": createdon, OperationCreatedOn and date conditions read it, so tests move time
    /// (a committee period passing) instead of waiting for it.</summary>
    public sealed class EmulatorClock
    {
        public EmulatorClock(DateTime utcNow) => UtcNow = DateTime.SpecifyKind(utcNow, DateTimeKind.Utc);

        public DateTime UtcNow { get; private set; }

        public void Set(DateTime utc) => UtcNow = DateTime.SpecifyKind(utc, DateTimeKind.Utc);

        public void Advance(TimeSpan by) => UtcNow += by;
    }
}
