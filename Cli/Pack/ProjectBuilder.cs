using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace Taazeez.Crm.Cli.Pack;

/// <summary>Runs `dotnet build` on the deployable projects so the pack always holds freshly built net462 assemblies.</summary>
public static class ProjectBuilder
{
    public static readonly string[] DeployableProjects =
    {
        "Plugins/Taazeez.Crm.Plugins.csproj",
        "WorkflowActivities/Taazeez.Crm.WorkflowActivities.csproj",
    };

    public static void Build(string repositoryRoot, string configuration, Action<string> progress)
    {
        foreach (var project in DeployableProjects)
        {
            progress($"بناء {project} | Building {project} ({configuration})");
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = repositoryRoot,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in new[] { "build", project, "-c", configuration, "-nologo", "-v", "quiet" }) start.ArgumentList.Add(a);
            using var process = Process.Start(start)
                ?? throw new CliException("تعذر تشغيل dotnet", "Cannot start dotnet", ExitCodes.BuildFailed);
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                var errors = (stdout + "\n" + stderr.Result).Split('\n')
                    .Where(l => l.Contains(" error ", StringComparison.Ordinal)).Distinct().Take(5).ToList();
                var detail = errors.Count > 0 ? string.Join(" / ", errors.Select(e => e.Trim())) : $"exit code {process.ExitCode}";
                throw new CliException($"فشل بناء {project}", $"Build of {project} failed: {detail}", ExitCodes.BuildFailed);
            }
        }
    }
}
