using System;
using System.IO;

namespace Taazeez.Crm.Cli;

/// <summary>Locates the repository (the folder holding Taazeez.Crm.sln or Solution/src) from a start folder.</summary>
public static class RepoPaths
{
    public static string FindRoot(string? start = null)
    {
        var dir = new DirectoryInfo(start ?? Directory.GetCurrentDirectory());
        for (var d = dir; d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Taazeez.Crm.sln")) || Directory.Exists(Path.Combine(d.FullName, "Solution", "src")))
                return d.FullName;
        }
        // Fall back to where the tool itself lives (dotnet run from elsewhere).
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Taazeez.Crm.sln"))) return d.FullName;
        }
        throw new CliException(
            $"تعذر العثور على مستودع تعزيز انطلاقا من {dir.FullName}",
            $"Cannot find the Taazeez repository (Taazeez.Crm.sln or Solution/src) above {dir.FullName}",
            ExitCodes.UnreadableSolution);
    }
}
