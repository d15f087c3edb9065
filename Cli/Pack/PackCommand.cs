using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using Spectre.Console;
using Taazeez.Crm.Packer;

namespace Taazeez.Crm.Cli.Pack;

/// <summary>`taazeez pack [--configuration Release] [--no-build] [--out zip] [--allow-missing-assemblies]`.</summary>
public static class PackCommand
{
    public static Command Create(CliContext context)
    {
        var configuration = new Option<string>("--configuration", "-c") { Description = "إعداد البناء | Build configuration", DefaultValueFactory = _ => "Release" };
        configuration.AcceptOnlyFromAmong("Release", "Debug");
        var noBuild = new Option<bool>("--no-build") { Description = "استخدام التجميعات المبنية مسبقا | Use the assemblies already built" };
        var output = new Option<string?>("--out") { Description = "مسار الملف | Zip path (default artifacts/solution/Taazeez_<version>.zip)" };
        var allowMissing = new Option<bool>("--allow-missing-assemblies") { Description = "حزم بدون التجميعات غير الموجودة | Pack even when a registered assembly is missing" };
        var command = new Command("pack", "بناء الإضافات وحزم الحل القابل للاستيراد | Build the plugins and write the importable solution zip")
        {
            configuration, noBuild, output, allowMissing,
        };
        command.SetAction(parse =>
        {
            Run(context, parse.GetValue(configuration)!, !parse.GetValue(noBuild), parse.GetValue(output), parse.GetValue(allowMissing));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Builds (optionally), packs and prints the summary; returns the pack result for demo.</summary>
    public static PackResult Run(CliContext context, string configuration, bool build, string? output, bool allowMissingAssemblies)
    {
        var root = RepoPaths.FindRoot(context.WorkingDirectory);
        var src = Path.Combine(root, "Solution", "src");
        if (build) ProjectBuilder.Build(root, configuration, context.Output.WriteLine);
        PackResult result;
        try
        {
            var version = SolutionPacker.ReadVersion(src);
            var options = new PackOptions { Version = version, AllowMissingAssemblies = allowMissingAssemblies };
            foreach (var folder in PackOptions.ForConfiguration(configuration).AssemblyFolders) options.AssemblyFolders.Add(Path.Combine(root, folder));
            var zip = output is null
                ? Path.Combine(root, "artifacts", "solution", SolutionPacker.ZipFileName(version))
                : Path.GetFullPath(output, context.WorkingDirectory);
            result = SolutionPacker.Pack(src, zip, options);
        }
        catch (Exception ex) when (ex is PackException or IOException or System.Xml.XmlException)
        {
            throw new CliException($"تعذر حزم الحل من {src}", $"Cannot pack the solution from {src}: {ex.Message}", ExitCodes.UnreadableSolution, ex);
        }
        PrintSummary(context, result);
        return result;
    }

    private static void PrintSummary(CliContext context, PackResult result)
    {
        var components = SolutionPackage.Read(result.ZipPath).Components();
        var table = new Table().AddColumns("النوع | Kind", "العدد | Count");
        foreach (var group in components.GroupBy(c => c.Split(':', 2)[0]).OrderBy(g => g.Key, StringComparer.Ordinal))
            table.AddRow(Markup.Escape(group.Key), group.Count().ToString(CultureInfo.InvariantCulture));
        table.AddRow("[bold]المجموع | Total[/]", $"[bold]{components.Count}[/]");
        context.Console.Write(table);
        foreach (var skipped in result.SkippedAssemblies)
            context.Output.WriteLine($"تحذير: لم يحزم التجميع {skipped} | Warning: assembly not packed: {skipped}");
        foreach (var file in result.UnpackedFiles)
            context.Output.WriteLine($"تحذير: ملف لم يحزم {file} | Warning: file not packed: {file}");
        context.Output.WriteLine($"الحل المحزوم (الإصدار {result.Version}) | Packed solution (version {result.Version}): {result.ZipPath}");
    }
}
