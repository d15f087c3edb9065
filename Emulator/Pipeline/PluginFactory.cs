using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.Xrm.Sdk;

namespace Taazeez.Crm.Emulator.Pipeline
{
    /// <summary>Creates plugin instances the way Dataverse does: one instance per step, cached and reused for every
    /// execution (so instance state leaks between executions here as it does there), constructed with
    /// (unsecure, secure) configuration when the type has that constructor, else (unsecure), else none.</summary>
    internal sealed class PluginFactory
    {
        private readonly IReadOnlyList<Assembly> _assemblies;
        private readonly Dictionary<(string Type, string? Unsecure, string? Secure), IPlugin> _instances = new();

        public PluginFactory(IReadOnlyList<Assembly> assemblies) => _assemblies = assemblies;

        public bool CanLoad(string pluginTypeName) => FindType(pluginTypeName) != null;

        public IPlugin Get(string pluginTypeName, string? unsecure, string? secure)
        {
            var key = (pluginTypeName, unsecure, secure);
            if (_instances.TryGetValue(key, out var plugin)) return plugin;
            var type = FindType(pluginTypeName)
                ?? throw new InvalidOperationException($"Plugin type '{pluginTypeName}' is registered but none of the loaded assemblies ({string.Join(", ", _assemblies.Select(a => a.GetName().Name))}) defines it.");
            return _instances[key] = Construct(type, unsecure, secure);
        }

        private static IPlugin Construct(Type type, string? unsecure, string? secure)
        {
            var two = type.GetConstructor(new[] { typeof(string), typeof(string) });
            if (two != null) return (IPlugin)two.Invoke(new object?[] { unsecure, secure });
            var one = type.GetConstructor(new[] { typeof(string) });
            if (one != null) return (IPlugin)one.Invoke(new object?[] { unsecure });
            return (IPlugin)Activator.CreateInstance(type)!;
        }

        /// <summary>Registrations name the type assembly-qualified ("Ns.Type, Assembly, Version=…"); match on the type
        /// name within an assembly of that simple name, ignoring version so the test build and the signed build agree.</summary>
        private Type? FindType(string pluginTypeName)
        {
            var parts = pluginTypeName.Split(',', 3, StringSplitOptions.TrimEntries);
            var assemblyName = parts.Length > 1 ? parts[1] : null;
            return _assemblies
                .Where(a => assemblyName == null || a.GetName().Name == assemblyName)
                .Select(a => a.GetType(parts[0], throwOnError: false))
                .FirstOrDefault(t => t != null && typeof(IPlugin).IsAssignableFrom(t));
        }
    }
}
