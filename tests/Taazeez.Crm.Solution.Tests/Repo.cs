using System;
using System.IO;

namespace Taazeez.Crm.Solution.Tests
{
    /// <summary>Paths of the repository the tests run in.</summary>
    internal static class Repo
    {
        public static string Root { get; } = FindRoot();
        public static string SolutionSrc => Path.Combine(Root, "Solution", "src");
        // Microsoft's schemas sit beside the repository (../shared/reference/schemas); TAAZEEZ_SCHEMAS overrides on other machines.
        public static string Schemas => Environment.GetEnvironmentVariable("TAAZEEZ_SCHEMAS") is { Length: > 0 } overridden
            ? overridden
            : Path.GetFullPath(Path.Combine(Root, "..", "shared", "reference", "schemas"));
        public static string DataModel => Path.Combine(Root, "docs", "data-model.md");

        private static string FindRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")) && Directory.Exists(Path.Combine(dir.FullName, "Solution", "src")))
                    return dir.FullName;
            throw new InvalidOperationException("Repository root (Directory.Build.props + Solution/src) not found above " + AppContext.BaseDirectory);
        }
    }
}
