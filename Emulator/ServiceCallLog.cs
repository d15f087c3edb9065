using System.Collections.Generic;
using System.Linq;

namespace Taazeez.Crm.Emulator
{
    /// <summary>One request a caller sent, with the service calls plugins made while handling it (synchronously, or
    /// later when RunAsyncSteps ran its queued steps: those count separately).</summary>
    public sealed class ServiceCall
    {
        internal ServiceCall(string message, string? entity, bool isAsync) { Message = message; Entity = entity; IsAsync = isAsync; }

        public string Message { get; }
        public string? Entity { get; }
        public bool IsAsync { get; }
        public int PluginCalls { get; internal set; }
        public IReadOnlyList<string> PluginCallMessages => _pluginCallMessages ?? (IReadOnlyList<string>)System.Array.Empty<string>();
        private List<string>? _pluginCallMessages;

        internal void AddPluginCall(string message)
        {
            PluginCalls++;
            (_pluginCallMessages ??= new List<string>()).Add(message);
        }
    }

    /// <summary>Service calls per top-level request, split into the caller's own calls and the calls plugins made.
    /// Totals count every call; the per-request records keep the latest 10,000 so a long simulation stays small.</summary>
    public sealed class ServiceCallLog
    {
        private const int Kept = 10_000;
        private readonly Queue<ServiceCall> _calls = new();

        public IReadOnlyList<ServiceCall> Requests => _calls.ToList();
        public long CallerCalls { get; private set; }
        public long PluginCalls { get; private set; }
        public ServiceCall? Last { get; private set; }
        internal ServiceCall? Current { get; set; }

        public void Clear()
        {
            _calls.Clear();
            Current = Last = null;
            CallerCalls = PluginCalls = 0;
        }

        internal ServiceCall Start(string message, string? entity, bool isAsync)
        {
            var call = new ServiceCall(message, entity, isAsync);
            if (_calls.Count == Kept) _calls.Dequeue();
            _calls.Enqueue(call);
            if (!isAsync) CallerCalls++;
            return Current = Last = call;
        }

        internal void PluginCall(string message)
        {
            if (Current is not { } current) return;
            current.AddPluginCall(message);
            PluginCalls++;
        }
    }
}
