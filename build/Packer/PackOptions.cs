using System;
using System.Collections.Generic;

namespace Taazeez.Crm.Packer
{
    /// <summary>Inputs of <see cref="SolutionPacker.Pack"/> besides the source folder and output path.</summary>
    public sealed class PackOptions
    {
        /// <summary>Version stamped into solution.xml; null keeps the Version in Other/Solution.xml.</summary>
        public string? Version { get; set; }

        /// <summary>Folders searched, in order, for each plugin assembly named by a PluginAssemblies/*.dll.data.xml
        /// (after the data.xml's own folder). Relative paths resolve against the repository root.</summary>
        public IList<string> AssemblyFolders { get; } = new List<string>();

        /// <summary>When true a registered assembly whose dll is not found is skipped instead of failing the pack
        /// (metadata-only packs for tests that do not build the net462 plugins).</summary>
        public bool AllowMissingAssemblies { get; set; }

        /// <summary>Timestamp written on every zip entry so the same input gives the same bytes.</summary>
        public DateTimeOffset EntryTimestamp { get; set; } = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

        /// <summary>The folders the build writes the deployable net462 assemblies to.</summary>
        public static PackOptions ForConfiguration(string configuration)
        {
            var options = new PackOptions();
            options.AssemblyFolders.Add($"Plugins/bin/{configuration}/net462");
            options.AssemblyFolders.Add($"WorkflowActivities/bin/{configuration}/net462");
            return options;
        }
    }
}
