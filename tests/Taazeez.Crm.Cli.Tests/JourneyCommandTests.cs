using System;
using System.IO;
using System.Linq;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Taazeez.Crm.Cli.Journeys;
using Taazeez.Crm.Cli.Simulation;
using Taazeez.Crm.Tests;

namespace Taazeez.Crm.Cli.Tests;

/// <summary>The repository's solution packed once (with the net462 assemblies the test project builds) for the journey tests.</summary>
public sealed class PackedSolution : IDisposable
{
    public PackedSolution()
    {
        Root = RepoPaths.FindRoot(AppContext.BaseDirectory);
        Zip = Path.Combine(Path.GetTempPath(), $"taazeez-journeys-{Guid.NewGuid():N}.zip");
        var (exit, _, error) = CliRunner.Run(Root, "pack", "--no-build", "--out", Zip);
        if (exit != 0) throw new InvalidOperationException("pack failed: " + error);
    }

    public string Root { get; }
    public string Zip { get; }

    public void Dispose() => File.Delete(Zip);
}

public sealed class JourneyCommandTests : IClassFixture<PackedSolution>
{
    private readonly PackedSolution _solution;

    public JourneyCommandTests(PackedSolution solution) => _solution = solution;

    [Fact]
    [PolicyClause("G5", "S5", "C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8")]
    public void Demo_runs_the_journeys_prints_the_kpis_and_writes_the_report()
    {
        var report = Path.Combine(Path.GetTempPath(), $"taazeez-demo-{Guid.NewGuid():N}.html");
        try
        {
            var (exit, output, error) = CliRunner.Run(_solution.Root, "demo", "--zip", _solution.Zip, "-n", "24", "--days", "10", "--report", report);

            Assert.True(exit == 0, error);
            Assert.Equal("", error);
            Assert.Contains("Plugin steps", output, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("Social researcher", output);
            Assert.Contains("Committee member", output);
            Assert.Contains(JourneyCommands.KpiHeading, output);
            Assert.Contains("Requests by channel", output);
            Assert.Contains("C7 Association website", output);
            Assert.Contains($"Report: {report}", output);
            var html = File.ReadAllText(report);
            Assert.Contains("<svg", html);
            Assert.Contains("Requests by status", html);
            Assert.Contains("C8 Branch office representatives", html);
        }
        finally
        {
            File.Delete(report);
        }
    }

    [Fact]
    [PolicyClause("G5", "S3", "S5", "S6", "S7", "C7")]
    public void The_kpis_agree_with_the_rows_the_journeys_left_in_the_emulator()
    {
        const int people = 34;
        var session = JourneySession.Run(_solution.Zip, people, days: 12, seed: 5);
        var emulator = session.Emulator;
        var manager = session.Staff.Manager.Service;
        var summary = session.Summary;

        Assert.Equal(people, summary.Journeys);
        Assert.Equal(people, summary.Delivered + summary.Rejected);
        Assert.Equal(people, emulator.Count("taz_supportrequest"));
        Assert.Equal(people, emulator.Count("taz_researchreferral"));
        Assert.Equal(people, emulator.Count("taz_committeedecision"));
        Assert.Equal(summary.Delivered, emulator.Count("taz_servicedelivery"));
        Assert.Equal(summary.Delivered, emulator.Count("taz_satisfactionsurvey"));

        ChartPointsOf(session, "Requests by channel", out var byChannel);
        Assert.Equal(8, byChannel.Points.Count);
        Assert.All(byChannel.Points, p => Assert.Equal(session.Population.Count(j => Label(session, "taz_channel", j.Channel) == p.Category), p.Value));
        ChartPointsOf(session, "Requests by governorate", out var byGovernorate);
        Assert.Equal(17, byGovernorate.Points.Count);
        Assert.Equal(people, byGovernorate.Total);

        ChartPointsOf(session, "Requests by status", out var byStatus);
        Assert.Equal(summary.Delivered, byStatus.Points.Single(p => p.Category.EndsWith("| Service delivered", StringComparison.Ordinal)).Value);
        Assert.Equal(summary.Rejected, byStatus.Points.Single(p => p.Category.EndsWith("| Rejected", StringComparison.Ordinal)).Value);

        // Researcher workload: every request went through social research (S3) and is still active.
        ChartPointsOf(session, "Researcher workload", out var workload);
        var requests = manager.RetrieveMultiple(new QueryExpression("taz_supportrequest") { ColumnSet = new ColumnSet("taz_researcherid", "statecode") }).Entities;
        Assert.Equal(requests.Count(r => r.GetAttributeValue<OptionSetValue>("statecode").Value == 0 && r.Contains("taz_researcherid")), workload.Total);
        var names = session.Staff.Researchers.Select(r => r.FullName).ToHashSet();
        Assert.All(workload.Points, p => Assert.Contains(p.Category, names));

        // Satisfaction per branch: the average of the answered surveys of each branch, as stored.
        ChartPointsOf(session, "Average satisfaction per branch", out var satisfaction);
        var surveys = manager.RetrieveMultiple(new QueryExpression("taz_satisfactionsurvey") { ColumnSet = new ColumnSet("taz_overallscore", "taz_branchofficeid") }).Entities
            .Where(s => s.Contains("taz_overallscore")).ToList();
        Assert.Equal(summary.SurveysAnswered, surveys.Count);
        foreach (var point in satisfaction.Points)
        {
            var branch = manager.RetrieveMultiple(new QueryExpression("taz_branchoffice") { ColumnSet = new ColumnSet("taz_name"), Criteria = { Conditions = { new ConditionExpression("taz_name", ConditionOperator.Equal, point.Category) } } }).Entities.Single();
            var scores = surveys.Where(s => s.GetAttributeValue<EntityReference>("taz_branchofficeid").Id == branch.Id).Select(s => s.GetAttributeValue<int>("taz_overallscore")).ToList();
            Assert.Equal(scores.Average(), point.Value, 6);
        }

        // S5 through the real SupportRequestPolicy plugin: every decision stamped, all within the committee's period.
        ChartPointsOf(session, "Committee SLA", out var sla);
        Assert.Equal(people, sla.Total);
        Assert.Equal(people, sla.Points.Single(p => p.Category == Reports.ChartQueryRunner.YesLabel).Value);
        // S2 and S4 stamps the plugin wrote: the verifying officer and the declaration's hash.
        var stamped = manager.RetrieveMultiple(new QueryExpression("taz_supportrequest") { ColumnSet = new ColumnSet("taz_verifiedby", "taz_declarationhash", "taz_channel") }).Entities;
        var officers = session.Staff.Officers.Select(o => o.Id).ToHashSet();
        Assert.All(stamped, r => Assert.Contains(r.GetAttributeValue<EntityReference>("taz_verifiedby").Id, officers));
        Assert.All(stamped, r => Assert.Equal(64, r.GetAttributeValue<string>("taz_declarationhash").Length));

        var headline = session.Headline();
        Assert.Contains(headline, h => h.English == "Committee decisions within the period" && h.Value.StartsWith("100.0%", StringComparison.Ordinal));
        Assert.Contains(headline, h => h.English == "Support requests" && h.Value == people.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Simulate_is_deterministic_per_seed_and_quiet_when_redirected()
    {
        string Kpis(string seed)
        {
            var (exit, output, error) = CliRunner.Run(_solution.Root, "simulate", "--zip", _solution.Zip, "-n", "30", "--days", "15", "--seed", seed);
            Assert.True(exit == 0, error);
            Assert.DoesNotContain("━", output); // no progress bar in redirected output
            var at = output.IndexOf(JourneyCommands.KpiHeading, StringComparison.Ordinal);
            Assert.True(at >= 0, output);
            return output[at..];
        }

        var first = Kpis("7");
        Assert.Equal(first, Kpis("7"));
        Assert.NotEqual(first, Kpis("8"));
    }

    [Theory]
    [InlineData("simulate", "-n", "0")]
    [InlineData("simulate", "--beneficiaries", "-3")]
    [InlineData("demo", "--days", "0")]
    [InlineData("simulate", "--seed", "abc")]
    [InlineData("simulate", "--seed", "-1")]
    public void Bad_arguments_exit_2_with_one_bilingual_line(params string[] args)
    {
        var (exit, _, error) = CliRunner.Run(_solution.Root, args.Concat(new[] { "--zip", _solution.Zip }).ToArray());

        Assert.Equal(ExitCodes.BadArguments, exit);
        AssertOneBilingualLine(error);
    }

    [Fact]
    public void An_unreadable_or_missing_zip_exits_3_with_one_bilingual_line()
    {
        var garbage = Path.Combine(Path.GetTempPath(), $"taazeez-garbage-{Guid.NewGuid():N}.zip");
        File.WriteAllText(garbage, "this is not a zip");
        try
        {
            foreach (var zip in new[] { garbage, garbage + ".missing" })
            {
                var (exit, output, error) = CliRunner.Run(_solution.Root, "simulate", "--zip", zip, "-n", "5");
                Assert.Equal(ExitCodes.UnreadableSolution, exit);
                AssertOneBilingualLine(error);
                Assert.Contains(zip, error);
                Assert.DoesNotContain(JourneyCommands.KpiHeading, output);
            }
        }
        finally
        {
            File.Delete(garbage);
        }
    }

    [Fact]
    [PolicyClause("S2")]
    public void A_step_the_plugins_refuse_stops_the_run_with_the_plugin_message_in_both_languages()
    {
        // The association caps financial aid at 100 SAR: the first submission of financial aid above it is refused (S2).
        var error = Assert.Throws<CliException>(() => JourneySession.Run(_solution.Zip, 20, days: 3, seed: 2,
            (emulator, _) => emulator.SetEnvironmentVariable("taz_SupportTypeCeilings", "{\"826000001\":100}")));

        Assert.Equal(ExitCodes.JourneyRejected, error.ExitCode);
        AssertOneBilingualLine(error.OneLine);
        Assert.Contains("يتجاوز الحد الأعلى لهذا النوع من الدعم (100 ريال)", error.Arabic);
        Assert.Contains("exceeds the ceiling for this type of support (100 SAR)", error.English);
        Assert.Matches("step '(submission|data verification)' of journey [0-9]+ \\(C[1-8]\\)", error.English);
        Assert.DoesNotContain("exceeds", error.Arabic);
    }

    [Fact]
    public void A_rejected_step_reads_as_one_line_with_the_plugin_message_in_each_language()
    {
        var journey = SamplePopulation.Generate(1, 1, seed: 3)[0];
        var fault = new FaultException<OrganizationServiceFault>(new OrganizationServiceFault
        {
            ErrorCode = unchecked((int)0x80040265),
            Message = "يجب توقيع الإقرار | The declaration must be signed",
        }, "plugin");

        var error = JourneyStepRejection.Create(journey, JourneyStep.Submission, ("نورة العريشي", "beneficiary relations officer"), fault);

        Assert.Equal(ExitCodes.JourneyRejected, error.ExitCode);
        AssertOneBilingualLine(error.OneLine);
        Assert.Contains("«تقديم الطلب»", error.Arabic);
        Assert.EndsWith("يجب توقيع الإقرار", error.Arabic);
        Assert.Contains("step 'submission' of journey 0", error.English);
        Assert.EndsWith("The declaration must be signed", error.English);
    }

    private static void AssertOneBilingualLine(string error)
    {
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, error);
        Assert.StartsWith("خطأ", lines[0]);
        Assert.Contains("| Error:", lines[0]);
    }

    private static void ChartPointsOf(JourneySession session, string englishStart, out Reports.ChartResult chart) =>
        chart = session.Charts.Single(c => c.EnglishName.StartsWith(englishStart, StringComparison.Ordinal));

    private static string Label(JourneySession session, string column, int value) =>
        Reports.ChartLabels.FromZip(session.ZipPath).Option("taz_supportrequest", column, value)!;
}
