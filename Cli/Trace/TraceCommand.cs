using System.CommandLine;
using System.IO;
using System.Linq;
using Spectre.Console;

namespace Taazeez.Crm.Cli.Trace;

/// <summary>`taazeez trace [--check] [--configuration Release] [--output docs/policy-traceability.md]`.</summary>
public static class TraceCommand
{
    public static Command Create(CliContext context)
    {
        var check = new Option<bool>("--check") { Description = "فشل عند وجود بند بلا مكون أو اختبار | Fail when a clause lacks a component or a test" };
        var configuration = new Option<string>("--configuration", "-c") { Description = "إعداد البناء | Build configuration of the assemblies to read", DefaultValueFactory = _ => "Release" };
        configuration.AcceptOnlyFromAmong("Release", "Debug");
        var output = new Option<string?>("--output", "-o") { Description = "ملف الناتج | Output file (default docs/policy-traceability.md)" };
        var command = new Command("trace", "مصفوفة تتبع بنود السياسة | Write the policy traceability matrix") { check, configuration, output };
        command.SetAction(parse => Run(context, parse.GetValue(check), parse.GetValue(configuration)!, parse.GetValue(output)));
        return command;
    }

    public static int Run(CliContext context, bool check, string configuration, string? output)
    {
        var root = RepoPaths.FindRoot(context.WorkingDirectory);
        var inputs = TraceInputs.FromRepository(root, configuration);
        if (inputs.TestAssemblies.Count == 0)
            throw new CliException(
                $"لا توجد تجميعات اختبار مبنية في tests/*/bin/{configuration}/net10.0 — شغّل dotnet build -c {configuration} أولا",
                $"No built test assemblies in tests/*/bin/{configuration}/net10.0 — run dotnet build -c {configuration} first",
                ExitCodes.BadArguments);
        var report = TraceReport.Build(inputs);
        var path = output is null ? Path.Combine(root, "docs", "policy-traceability.md") : Path.GetFullPath(output, context.WorkingDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, report.ToMarkdown(root));
        return Print(context, report, path, check);
    }

    private static int Print(CliContext context, TraceReport report, string path, bool check)
    {
        var table = new Table().AddColumns("البند | Clause", "المكونات | Components", "الاختبارات | Tests");
        foreach (var c in report.Clauses)
            table.AddRow(Markup.Escape(c.Clause.Id), c.Components.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Tests.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        context.Console.Write(table);
        context.Output.WriteLine($"كتبت مصفوفة التتبع في | Traceability matrix written to: {path}");
        if (!check) return ExitCodes.Ok;
        foreach (var gap in report.Gaps)
        {
            var missing = (gap.Components.Count == 0, gap.Tests.Count == 0) switch
            {
                (true, true) => "لا مكون ولا اختبار | no component and no test",
                (true, false) => "لا مكون | no component",
                _ => "لا اختبار | no test",
            };
            context.Error.WriteLine($"{gap.Clause.Id}: {missing}");
        }
        foreach (var unknown in report.UnknownIds) context.Error.WriteLine($"معرف بند غير معروف | unknown clause id: {unknown}");
        if (report.IsComplete) return ExitCodes.Ok;
        context.Error.WriteLine($"خطأ: {report.Gaps.Count()} بند غير متتبع بالكامل | Error: {report.Gaps.Count()} clause(s) not fully traced");
        return ExitCodes.TraceGaps;
    }
}
