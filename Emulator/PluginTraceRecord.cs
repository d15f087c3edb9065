using System;

namespace Taazeez.Crm.Emulator
{
    /// <summary>One plugin execution, like a row of Dataverse's plug-in trace log.</summary>
    public sealed record PluginTraceRecord(
        string PluginType,
        string MessageName,
        string? PrimaryEntity,
        int Stage,
        int Depth,
        bool IsAsync,
        string TraceText,
        Exception? Exception);
}
