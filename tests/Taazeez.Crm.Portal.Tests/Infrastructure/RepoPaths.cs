using System;
using System.IO;

namespace Taazeez.Crm.Portal.Tests.Infrastructure
{
    /// <summary>Finds the repository folders from the test's working directory.</summary>
    public static class RepoPaths
    {
        public static string Root { get; } = FindRoot();

        public static string Portal => Path.Combine(Root, "Portal");

        public static string SolutionSrc => Path.Combine(Root, "Solution", "src");

        public static string Screenshots => Path.Combine(Root, "artifacts", "portal-screenshots");

        private static string FindRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Taazeez.Crm.sln")) && Directory.Exists(Path.Combine(dir.FullName, "Portal")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Repository root (Taazeez.Crm.sln with Portal/) not found above " + AppContext.BaseDirectory);
        }
    }
}
