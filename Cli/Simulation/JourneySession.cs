using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Taazeez.Crm.Cli.Reports;
using Taazeez.Crm.Emulator;
using Taazeez.Crm.Plugins;
using Taazeez.Crm.WorkflowActivities;
using Taazeez.Crm.WorkflowActivities.CustomApis;

namespace Taazeez.Crm.Cli.Simulation;

/// <summary>
/// One run of the sample journeys: the packed solution loaded into the emulator with the real plugin and workflow
/// activity assemblies, the staff, the journeys, and the managers' KPIs computed with the solution's own chart FetchXML.
/// </summary>
public sealed class JourneySession
{
    private JourneySession(string zipPath, DataverseEmulator emulator, StaffDirectory staff, IReadOnlyList<SampleJourney> population,
        JourneyRunSummary summary, IReadOnlyList<ChartResult> charts, TimeSpan elapsed)
    {
        ZipPath = zipPath;
        Emulator = emulator;
        Staff = staff;
        Population = population;
        Summary = summary;
        Charts = charts;
        Elapsed = elapsed;
    }

    public string ZipPath { get; }
    public DataverseEmulator Emulator { get; }
    public StaffDirectory Staff { get; }
    public IReadOnlyList<SampleJourney> Population { get; }
    public JourneyRunSummary Summary { get; }
    public IReadOnlyList<ChartResult> Charts { get; }

    /// <summary>Wall time of the journeys alone (not loading, not the KPIs).</summary>
    public TimeSpan Elapsed { get; }

    public static void Validate(int beneficiaries, int days, int seed)
    {
        if (beneficiaries < 1)
            throw new CliException($"عدد المستفيدين يجب أن يكون 1 على الأقل (القيمة {beneficiaries})",
                $"--beneficiaries must be at least 1 (got {beneficiaries})", ExitCodes.BadArguments);
        if (days < 1)
            throw new CliException($"عدد الأيام يجب أن يكون 1 على الأقل (القيمة {days})", $"--days must be at least 1 (got {days})", ExitCodes.BadArguments);
        if (seed < 0)
            throw new CliException($"البذرة يجب أن تكون عددا صحيحا غير سالب (القيمة {seed})", $"--seed must be a non-negative integer (got {seed})", ExitCodes.BadArguments);
    }

    /// <summary>The packed solution in the emulator with the plugins and the workflow activities / Custom APIs (net10.0 builds).</summary>
    public static DataverseEmulator Load(string zipPath, int seed)
    {
        if (!File.Exists(zipPath))
            throw new CliException($"ملف الحل غير موجود: {zipPath}", $"Solution zip not found: {zipPath}", ExitCodes.UnreadableSolution);
        try
        {
            var emulator = DataverseEmulator.FromSolutionZip(zipPath, seed, typeof(PluginBase).Assembly, typeof(CustomApiPlugin).Assembly);
            // the association's organization logs plug-in traces for failures only: a year of journeys would otherwise
            // churn through millions of trace records
            emulator.TraceLogging = PluginTraceLogging.Exception;
            return emulator;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or System.Xml.XmlException or NullReferenceException or InvalidOperationException or UnauthorizedAccessException)
        {
            throw new CliException($"تعذر قراءة ملف الحل {zipPath}", $"Cannot read the solution zip {zipPath}: {ex.Message}", ExitCodes.UnreadableSolution, ex);
        }
    }

    /// <param name="started">called once with the number of journeys, before the first step</param>
    /// <param name="journeyFinished">called after each journey ends</param>
    public static JourneySession Run(string zipPath, int beneficiaries, int days, int seed, Action<DataverseEmulator, StaffDirectory>? started = null, Action? journeyFinished = null)
    {
        Validate(beneficiaries, days, seed);
        var emulator = Load(zipPath, seed);
        var staff = StaffDirectory.Create(emulator);
        var officer = staff.Officers[0].Service;
        // The declaration text in force (S4) is what the officer's form shows: the environment variable.
        var declarationVersion = EnvironmentSettings.Load(officer, "taz_DeclarationTextVersion").GetString("taz_DeclarationTextVersion");
        if (string.IsNullOrWhiteSpace(declarationVersion))
            throw new CliException("الحل لا يحدد نسخة نص الإقرار (taz_DeclarationTextVersion)",
                "The solution defines no declaration text version (taz_DeclarationTextVersion)", ExitCodes.UnreadableSolution);
        var population = SamplePopulation.Generate(beneficiaries, days, seed);
        started?.Invoke(emulator, staff);

        var clock = Stopwatch.StartNew();
        var summary = new JourneyDriver(emulator, staff, population, seed, declarationVersion).Run(journeyFinished);
        clock.Stop();

        var manager = staff.Manager.Service;
        var labels = ChartLabels.FromZip(zipPath);
        var charts = labels.Apply(ChartQueryRunner.RunAllFromZip(manager, zipPath), manager,
            (entity, column) => emulator.Metadata.Tables.TryGetValue(entity, out var table) && table.Columns.TryGetValue(column, out var c)
                ? (c.Type, c.Targets) : null);
        return new JourneySession(zipPath, emulator, staff, population, summary, charts, clock.Elapsed);
    }

    public double JourneysPerSecond => Elapsed.TotalSeconds > 0 ? Summary.Journeys / Elapsed.TotalSeconds : 0;

    /// <summary>The charts with the lines managers read first: totals, committee SLA, satisfaction.</summary>
    public IReadOnlyList<(string Arabic, string English, string Value)> Headline() => KpiSummary.Headline(Charts);

    public static IEnumerable<string> ChartNames(IReadOnlyList<ChartResult> charts) => charts.Select(c => c.EnglishName);
}
