namespace Taazeez.Crm.Emulator
{
    /// <summary>The organization's "Enable logging to plug-in trace log" setting (plugintracelogsetting), which decides
    /// which plug-in executions leave a trace record.</summary>
    public enum PluginTraceLogging
    {
        Off = 0,
        /// <summary>Only executions that throw: what a production organization usually keeps.</summary>
        Exception = 1,
        /// <summary>Every execution: what a development organization turns on, and the emulator's default, so tests
        /// can read what each step traced.</summary>
        All = 2,
    }
}
