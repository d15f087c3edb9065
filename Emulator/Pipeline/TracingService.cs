using System;
using System.Globalization;
using System.Text;
using Microsoft.Xrm.Sdk;

namespace Taazeez.Crm.Emulator.Pipeline
{
    /// <summary>Collects one plugin execution's trace lines, formatted as Dataverse formats them.</summary>
    internal sealed class TracingService : ITracingService
    {
        private readonly StringBuilder _text = new();

        public void Trace(string format, params object[] args) =>
            _text.AppendLine(args is { Length: > 0 } ? string.Format(CultureInfo.InvariantCulture, format, args) : format);

        public string Text => _text.ToString();
    }
}
