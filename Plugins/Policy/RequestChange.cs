using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace Taazeez.Crm.Policy
{
    /// <summary>One Create or Update of a support request as the rules see it: the target the caller sent (which the
    /// rules may amend: Dataverse saves the amended target), the row before the change (the pre-image; null on Create),
    /// who called, and "now" (the operation's creation time).</summary>
    internal sealed class RequestChange
    {
        private readonly Action<string> _trace;

        public RequestChange(Entity target, Entity? before, bool isCreate, bool isPortal, Guid callerId, DateTime now, Action<string> trace)
        {
            Target = target;
            Before = before;
            IsCreate = isCreate;
            IsPortal = isPortal;
            CallerId = callerId;
            // Dataverse keeps date-times to the second; the stamps and the declaration hash use the same precision.
            Now = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
            _trace = trace;
        }

        public Entity Target { get; }
        public Entity? Before { get; }
        public bool IsCreate { get; }
        public bool IsPortal { get; }
        public Guid CallerId { get; }
        public DateTime Now { get; }

        /// <summary>The row as it will be after the change (target over pre-image), rebuilt on each read.</summary>
        public Entity After => PolicyValues.Merge(Target, Before);

        public bool Changes(string column) => IsCreate ? Target.Contains(column) && !PolicyValues.Same(Target[column], null) : PolicyValues.Changes(Target, Before, column);

        public List<string> Changed(IEnumerable<string> columns)
        {
            var changed = new List<string>();
            foreach (var column in columns)
                if (Changes(column)) changed.Add(column);
            return changed;
        }

        public void Set(string column, object? value) => Target[column] = value;

        /// <summary>Sets the status reason and its statecode (a new row is always Active: only its status reason is set).</summary>
        public void SetStatus(int status)
        {
            Target[RequestColumns.StatusCode] = new OptionSetValue(status);
            if (!IsCreate) Target[RequestColumns.StateCode] = new OptionSetValue(RequestStatus.StateOf(status));
        }

        public void Trace(string message) => _trace(message);
    }
}
