using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Taazeez.Crm.Sdk.Tests
{
    /// <summary>-p:XrmSdk=Official swaps the stand-in for Microsoft's packages. Those cannot be restored here, so the
    /// switch is checked by evaluating the project (no restore): which references each mode would build against.</summary>
    public class OfficialSwitchTests
    {
        [Theory]
        [InlineData("Plugins/Taazeez.Crm.Plugins.csproj", "net462", "Microsoft.CrmSdk.CoreAssemblies")]
        [InlineData("WorkflowActivities/Taazeez.Crm.WorkflowActivities.csproj", "net462", "Microsoft.CrmSdk.CoreAssemblies,Microsoft.CrmSdk.Workflow")]
        [InlineData("Plugins/Taazeez.Crm.Plugins.csproj", "net10.0", "Microsoft.PowerPlatform.Dataverse.Client")]
        public void Official_uses_Microsofts_packages_and_no_stand_in(string project, string framework, string packages)
        {
            var (packageRefs, projectRefs) = Evaluate(project, framework, "Official");
            foreach (var package in packages.Split(','))
                Assert.Contains(package, packageRefs);
            Assert.DoesNotContain(projectRefs, p => p.Contains("build/Sdk"));
        }

        [Theory]
        [InlineData("Plugins/Taazeez.Crm.Plugins.csproj", "net462")]
        [InlineData("WorkflowActivities/Taazeez.Crm.WorkflowActivities.csproj", "net462")]
        public void Default_builds_against_the_stand_in(string project, string framework)
        {
            var (packageRefs, projectRefs) = Evaluate(project, framework, "StandIn");
            Assert.DoesNotContain(packageRefs, p => p.StartsWith("Microsoft.CrmSdk"));
            Assert.Contains(projectRefs, p => p.EndsWith("Microsoft.Xrm.Sdk.csproj"));
        }

        private static (string[] Packages, string[] Projects) Evaluate(string project, string framework, string sdk)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = Paths.RepoRoot,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var arg in new[] { "msbuild", project, "-getItem:PackageReference", "-getItem:ProjectReference",
                         $"-p:TargetFramework={framework}", $"-p:XrmSdk={sdk}" })
                start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, output + process.StandardError.ReadToEnd());
            using var json = JsonDocument.Parse(output);
            string[] Identities(string item) => json.RootElement.GetProperty("Items").TryGetProperty(item, out var items)
                ? items.EnumerateArray().Select(i => i.GetProperty("Identity").GetString()!.Replace('\\', '/')).ToArray()
                : new string[0];
            return (Identities("PackageReference"), Identities("ProjectReference"));
        }
    }
}
