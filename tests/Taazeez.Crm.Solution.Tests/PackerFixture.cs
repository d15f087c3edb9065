using System;
using System.IO;
using Taazeez.Crm.Packer;

namespace Taazeez.Crm.Solution.Tests
{
    /// <summary>Packs Solution/src once per test class into a temporary zip and reads it back.</summary>
    public sealed class PackerFixture : IDisposable
    {
        public PackerFixture()
        {
            Folder = Path.Combine(Path.GetTempPath(), "taazeez-pack-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Folder);
            ZipPath = Path.Combine(Folder, "Taazeez.zip");
            // The net462 assemblies are built by the full build, not by this test project: take them when present.
            var options = PackOptions.ForConfiguration("Release");
            options.AssemblyFolders.Add("Plugins/bin/Debug/net462");
            options.AssemblyFolders.Add("WorkflowActivities/bin/Debug/net462");
            options.AllowMissingAssemblies = true;
            Result = SolutionPacker.Pack(Repo.SolutionSrc, ZipPath, options);
            Package = SolutionPackage.Read(ZipPath);
        }

        public string Folder { get; }
        public string ZipPath { get; }
        public PackResult Result { get; }
        public SolutionPackage Package { get; }

        public void Dispose()
        {
            try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
