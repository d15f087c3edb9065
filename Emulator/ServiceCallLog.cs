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
        public List<string> PluginCallMessages { get; } = new();
    }

    /// <summary>Service calls per top-level request, split into the caller's own calls and the calls plugins made.</summary>
    public sealed class ServiceCallLog
    {
        private readonly List<ServiceCall> _calls = new();

        public IReadOnlyList<ServiceCall> Requests => _calls;
        public int CallerCalls => _calls.Count(c => !c.IsAsync);
        public int PluginCalls => _calls.Sum(c => c.PluginCalls);
        public ServiceCall? Last => _calls.Count == 0 ? null : _calls[^1];
        internal ServiceCall? Current { get; set; }

        public void Clear() { _calls.Clear(); Current = null; }

        internal ServiceCall Start(string message, string? entity, bool isAsync)
        {
            var call = new ServiceCall(message, entity, isAsync);
            _calls.Add(call);
            return Current = call;
        }
    }
}
