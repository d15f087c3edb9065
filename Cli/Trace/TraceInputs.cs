using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Taazeez.Crm.Cli.Trace;

/// <summary>What the trace reads: the unpacked solution, the rule assemblies, the test assemblies.</summary>
public sealed record TraceInputs(string SolutionFolder, IReadOnlyList<string> ComponentAssemblies, IReadOnlyList<string> TestAssemblies)
{
    /// <summary>The Power Pages site (pac pages layout); its Liquid templates name the clauses they implement.</summary>
    public string? PortalFolder { get; init; }

    private static readonly string[] ComponentProjects =
    {
        "Plugins/bin/{0}/net10.0/Taazeez.Crm.Plugins.dll",
        "Plugins/bin/{0}/net462/Taazeez.Crm.Plugins.dll",
        "WorkflowActivities/bin/{0}/net10.0/Taazeez.Crm.WorkflowActivities.dll",
        "WorkflowActivities/bin/{0}/net462/Taazeez.Crm.WorkflowActivities.dll",
    };

    /// <summary>The repository's built outputs for one configuration (Release or Debug).</summary>
    public static TraceInputs FromRepository(string root, string configuration)
    {
        var components = ComponentProjects
            .Select(p => Path.Combine(root, string.Format(System.Globalization.CultureInfo.InvariantCulture, p, configuration)))
            .Where(File.Exists)
            .ToList();
        var testsRoot = Path.Combine(root, "tests");
        var tests = Directory.Exists(testsRoot)
            ? Directory.EnumerateDirectories(testsRoot)
                .Select(d => Path.Combine(d, "bin", configuration, "net10.0"))
                .Where(Directory.Exists)
                .SelectMany(d => Directory.EnumerateFiles(d, "*.Tests.dll"))
                // A test project that references another copies its dll; read each test assembly once.
                .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
                .Select(g => g.Order(StringComparer.Ordinal).First())
                .Order(StringComparer.Ordinal)
                .ToList()
            : new List<string>();
        var portal = Path.Combine(root, "Portal");
        return new TraceInputs(Path.Combine(root, "Solution", "src"), components, tests) { PortalFolder = Directory.Exists(portal) ? portal : null };
    }
}
