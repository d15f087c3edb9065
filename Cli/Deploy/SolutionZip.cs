using System;
using System.IO;
using System.IO.Compression;
using System.Linq;

namespace Taazeez.Crm.Cli.Deploy;

/// <summary>Finds and validates the packed solution zip before anything is sent to an environment.</summary>
public static class SolutionZip
{
    /// <summary>The newest artifacts/solution/Taazeez_*.zip under the repository.</summary>
    public static string FindLatest(string repositoryRoot)
    {
        var folder = Path.Combine(repositoryRoot, "artifacts", "solution");
        var latest = Directory.Exists(folder)
            ? new DirectoryInfo(folder).GetFiles("Taazeez_*.zip").OrderByDescending(f => f.LastWriteTimeUtc).FirstOrDefault()
            : null;
        return latest?.FullName ?? throw new CliException(
            $"لا يوجد ملف حل محزوم في {folder} — شغّل taazeez pack أولا",
            $"No packed solution in {folder} — run taazeez pack first",
            ExitCodes.UnreadableSolution);
    }

    /// <summary>Reads the zip and checks it has the files Dataverse requires (solution.xml, customizations.xml).</summary>
    public static byte[] ReadValidated(string path)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"تعذرت قراءة ملف الحل {path}", $"Cannot read solution file {path}: {ex.Message}", ExitCodes.UnreadableSolution);
        }
        try
        {
            using var archive = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            foreach (var required in new[] { "solution.xml", "customizations.xml" })
            {
                if (!archive.Entries.Any(e => string.Equals(e.FullName, required, StringComparison.OrdinalIgnoreCase)))
                    throw new CliException($"ملف الحل {path} لا يحتوي {required}", $"Solution zip {path} has no {required}", ExitCodes.UnreadableSolution);
            }
        }
        catch (InvalidDataException ex)
        {
            throw new CliException($"ملف الحل {path} ليس ملف zip صالحا", $"Solution file {path} is not a valid zip: {ex.Message}", ExitCodes.UnreadableSolution);
        }
        return bytes;
    }
}
