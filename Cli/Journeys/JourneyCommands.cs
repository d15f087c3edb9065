using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using Spectre.Console;
using Taazeez.Crm.Cli.Pack;
using Taazeez.Crm.Cli.Reports;
using Taazeez.Crm.Cli.Simulation;

namespace Taazeez.Crm.Cli.Journeys;

/// <summary>
/// `taazeez demo` (the README's first command) and `taazeez simulate`: the beneficiaries' journeys through the real
/// plugins and workflow activities on the embedded Dataverse emulator, then the managers' KPIs from the solution's charts.
/// </summary>
public static class JourneyCommands
{
    public const string KpiHeading = "مؤشرات الأداء للمدير | Manager KPIs";

    public static Command CreateDemo(CliContext context)
    {
        var o = new JourneyOptions(defaultBeneficiaries: 60, defaultDays: 30, withReport: true);
        var command = new Command("demo", "تشغيل رحلات المستفيدين على المحاكي وطباعة المؤشرات وكتابة التقرير | Run sample beneficiary journeys on the embedded emulator, print the KPIs and write the HTML report");
        o.AddTo(command);
        command.SetAction(parse => Run(context, o.Read(parse), demo: true));
        return command;
    }

    public static Command CreateSimulate(CliContext context)
    {
        var o = new JourneyOptions(defaultBeneficiaries: 1000, defaultDays: 90, withReport: false);
        var command = new Command("simulate", "محاكاة الرحلات على نطاق واسع (نتيجة ثابتة لكل بذرة) | Run the journeys at scale, deterministic per seed");
        o.AddTo(command);
        command.SetAction(parse => Run(context, o.Read(parse), demo: false));
        return command;
    }

    private static int Run(CliContext context, JourneyArguments args, bool demo)
    {
        JourneySession.Validate(args.Beneficiaries, args.Days, args.Seed);
        var zip = args.Zip is not null
            ? Path.GetFullPath(args.Zip, context.WorkingDirectory)
            : PackCommand.Run(context, args.Configuration, build: !args.NoBuild, output: null, allowMissingAssemblies: false).ZipPath;
        var console = context.Console;
        var interactive = console.Profile.Capabilities.Interactive;

        void Started(Taazeez.Crm.Emulator.DataverseEmulator emulator, StaffDirectory staff)
        {
            // Inside the live progress display only the console may write; redirected, one unwrapped line.
            Action<string> line = interactive ? text => console.MarkupLine(Markup.Escape(text)) : context.Output.WriteLine;
            line((string.Create(CultureInfo.InvariantCulture,
                $"المحاكي: {emulator.Steps.Count} خطوة إضافات و{emulator.CustomApis.Count} واجهة مخصصة من {Path.GetFileName(zip)} | Emulator: {emulator.Steps.Count} plugin steps and {emulator.CustomApis.Count} Custom APIs from {Path.GetFileName(zip)}")));
            if (!demo) return;
            var table = new Table().AddColumns("الموظف | Staff", "الدور | Role");
            foreach (var member in staff.Everyone) table.AddRow(Markup.Escape(member.FullName), Markup.Escape(member.RoleEnglish));
            console.Write(table);
        }

        JourneySession session;
        if (interactive)
        {
            JourneySession? result = null;
            console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .Start(progress =>
                {
                    ProgressTask? task = null;
                    result = JourneySession.Run(zip, args.Beneficiaries, args.Days, args.Seed,
                        (emulator, staff) => { Started(emulator, staff); task = progress.AddTask("رحلات المستفيدين | Journeys", maxValue: args.Beneficiaries); },
                        () => task?.Increment(1));
                });
            session = result!;
        }
        else
        {
            session = JourneySession.Run(zip, args.Beneficiaries, args.Days, args.Seed, Started);
        }

        PrintSummary(context, session);
        console.MarkupLine($"[bold]{Markup.Escape(KpiHeading)}[/]");
        KpiSummary.Print(console, session.Charts);
        if (args.Report is not null || demo)
        {
            var path = args.Report is not null
                ? Path.GetFullPath(args.Report, context.WorkingDirectory)
                : Path.Combine(RepoPaths.FindRoot(context.WorkingDirectory), "artifacts", "reports",
                    string.Create(CultureInfo.InvariantCulture, $"taazeez-demo-seed{args.Seed}.html"));
            try
            {
                path = HtmlReport.Write(path, "مؤشرات علاقات المستفيدين — تعزيز", "Beneficiary relations KPIs — Taazeez",
                    KpiSummary.Headline(session.Charts), session.Charts);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"تعذر كتابة التقرير في {path}", $"Cannot write the report to {path}: {ex.Message}", ExitCodes.BadArguments, ex);
            }
            context.Output.WriteLine($"التقرير | Report: {path}");
        }
        return ExitCodes.Ok;
    }

    private static void PrintSummary(CliContext context, JourneySession session)
    {
        var s = session.Summary;
        var table = new Table().AddColumns("الرحلات | Journeys", "العدد | Count");
        table.AddRow("المستفيدون | Beneficiaries", N(s.Journeys));
        table.AddRow("تم تقديم الخدمة | Service delivered", N(s.Delivered));
        table.AddRow("مرفوضة من اللجنة | Rejected by the committee", N(s.Rejected));
        table.AddRow("استبيانات مجابة | Surveys answered", N(s.SurveysAnswered));
        table.AddRow("تذكيرات الاستبيان | Survey reminders", N(s.RemindersSent));
        table.AddRow("طلبات مصعدة | Escalated requests", N(s.Escalated));
        table.AddRow("خطوات الرحلات | Journey steps", N(s.Steps));
        table.AddRow("طلبات الخدمة (مع الإضافات) | Service calls (with plugins)", s.ServiceCalls.ToString(CultureInfo.InvariantCulture));
        table.AddRow("الفترة | Period", $"{s.FirstIntake:yyyy-MM-dd} → {s.LastStep:yyyy-MM-dd}");
        context.Console.Write(table);
        // Wall time varies between runs; it is printed on its own line, outside the KPIs.
        context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"الزمن | Time: {session.Elapsed.TotalSeconds:0.00} s ({session.JourneysPerSecond:0} رحلة/ث | journeys/s)"));
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed record JourneyArguments(int Beneficiaries, int Days, int Seed, string? Zip, bool NoBuild, string Configuration, string? Report);

    private sealed class JourneyOptions
    {
        private readonly Option<int> _beneficiaries;
        private readonly Option<int> _days;
        private readonly Option<int> _seed;
        private readonly Option<string?> _zip;
        private readonly Option<bool> _noBuild;
        private readonly Option<string> _configuration;
        private readonly Option<string?> _report;

        public JourneyOptions(int defaultBeneficiaries, int defaultDays, bool withReport)
        {
            _beneficiaries = new Option<int>("--beneficiaries", "-n") { Description = "عدد المستفيدين | Number of beneficiaries", DefaultValueFactory = _ => defaultBeneficiaries };
            _days = new Option<int>("--days", "-d") { Description = "عدد الأيام التي ترد فيها الطلبات | Days over which requests arrive", DefaultValueFactory = _ => defaultDays };
            _seed = new Option<int>("--seed", "-s") { Description = "البذرة (نفس البذرة = نفس النتائج) | Seed (same seed, same results)", DefaultValueFactory = _ => 1 };
            _zip = new Option<string?>("--zip") { Description = "ملف حل محزوم بدلا من الحزم | Use this packed solution zip instead of packing" };
            _noBuild = new Option<bool>("--no-build") { Description = "الحزم بالتجميعات المبنية مسبقا | Pack with the assemblies already built" };
            _configuration = new Option<string>("--configuration", "-c") { Description = "إعداد البناء | Build configuration", DefaultValueFactory = _ => "Release" };
            _configuration.AcceptOnlyFromAmong("Release", "Debug");
            _report = new Option<string?>("--report") { Description = withReport ? "مسار تقرير HTML | HTML report path (default artifacts/reports/)" : "كتابة تقرير HTML | Write the HTML report to this path" };
        }

        public void AddTo(Command command)
        {
            command.Add(_beneficiaries);
            command.Add(_days);
            command.Add(_seed);
            command.Add(_zip);
            command.Add(_noBuild);
            command.Add(_configuration);
            command.Add(_report);
        }

        public JourneyArguments Read(ParseResult parse) => new(
            parse.GetValue(_beneficiaries), parse.GetValue(_days), parse.GetValue(_seed), parse.GetValue(_zip),
            parse.GetValue(_noBuild), parse.GetValue(_configuration)!, parse.GetValue(_report));
    }
}
