using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Taazeez.Crm.Sdk.Tests
{
    /// <summary>Where the built assemblies and Microsoft's listings are.</summary>
    internal static class Paths
    {
        public static string RepoRoot { get; } = FindRepoRoot();

        public static string Configuration => Metadata("Configuration");

        public static string NetFxReferenceAssemblies => Metadata("NetFxReferenceAssemblies");

        public static string Listings => Path.Combine(RepoRoot, "..", "shared", "reference", "dataverse-sdk");

        public static string StandIn(string assembly) =>
            Path.Combine(RepoRoot, "build", "Sdk", assembly, "bin", Configuration, "net462", assembly + ".dll");

        public static string Deployable(string folder, string assembly) =>
            Path.Combine(RepoRoot, folder, "bin", Configuration, "net462", assembly + ".dll");

        /// <summary>Reads net462 assemblies against .NET Framework's reference assemblies and the stand-in.</summary>
        public static MetadataLoadContext NetFxLoadContext(params string[] extraAssemblies)
        {
            var framework = NetFxReferenceAssemblies;
            var files = Directory.GetFiles(framework, "*.dll")
                .Concat(Directory.GetFiles(Path.Combine(framework, "Facades"), "*.dll"))
                .Concat(new[] { "Microsoft.Xrm.Sdk", "Microsoft.Crm.Sdk.Proxy", "Microsoft.Xrm.Sdk.Workflow" }.Select(StandIn))
                .Concat(extraAssemblies);
            return new MetadataLoadContext(new PathAssemblyResolver(files), "mscorlib");
        }

        private static string Metadata(string key) =>
            typeof(Paths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value;

        private static string FindRepoRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Taazeez.Crm.sln"))) return dir.FullName;
            throw new InvalidOperationException("Taazeez.Crm.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
