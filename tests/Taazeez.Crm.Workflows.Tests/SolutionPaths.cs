using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Taazeez.Crm.Workflows.Tests
{
    internal static class SolutionPaths
    {
        public static string SolutionSrc
        {
            get
            {
                for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                {
                    var candidate = Path.Combine(dir.FullName, "Solution", "src");
                    if (Directory.Exists(Path.Combine(candidate, "Other"))) return candidate;
                }
                throw new DirectoryNotFoundException("Solution/src was not found above " + AppContext.BaseDirectory);
            }
        }

        public static string Net462ActivityAssembly =>
            typeof(SolutionPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "WorkflowActivitiesNet462Dll").Value!;

        public static string ActivityAssemblyFolder =>
            Directory.GetDirectories(Path.Combine(SolutionSrc, "PluginAssemblies"), "Taazeez.Crm.WorkflowActivities-*").Single();
    }
}
