using System.Collections.Generic;

namespace Taazeez.Crm.Packer
{
    /// <summary>What a pack wrote: the zip path, its version and entry names in zip order.</summary>
    public sealed class PackResult
    {
        public PackResult(string zipPath, string version, IReadOnlyList<string> entries, IReadOnlyList<string> skippedAssemblies,
            IReadOnlyList<string> unpackedFiles)
        {
            UnpackedFiles = unpackedFiles;
            ZipPath = zipPath;
            Version = version;
            Entries = entries;
            SkippedAssemblies = skippedAssemblies;
        }

        public string ZipPath { get; }
        public string Version { get; }
        public IReadOnlyList<string> Entries { get; }
        public IReadOnlyList<string> SkippedAssemblies { get; }
        /// <summary>Files under the source folder that no packing rule took (paths relative to it).</summary>
        public IReadOnlyList<string> UnpackedFiles { get; }
    }
}
