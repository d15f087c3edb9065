using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Cli.Reports;
using Taazeez.Crm.Packer;
using Taazeez.Crm.Tests;

namespace Taazeez.Crm.Cli.Tests;

public sealed class ReportTests
{
    private const string ByChannel = """
        <fetch aggregate="true"><entity name="taz_supportrequest">
          <attribute name="taz_channel" groupby="true" alias="groupby_column" />
          <attribute name="taz_supportrequestid" aggregate="count" alias="aggregate_column" />
        </entity></fetch>
        """;

    private static Entity Row(object? category, object measure, string? formatted = null)
    {
        var row = new Entity("taz_supportrequest");
        row["groupby_column"] = new AliasedValue("taz_supportrequest", "taz_channel", category!);
        row["aggregate_column"] = new AliasedValue("taz_supportrequest", "taz_supportrequestid", measure);
        if (formatted is not null) row.FormattedValues["groupby_column"] = formatted;
        return row;
    }

    [Fact]
    [PolicyClause("G6c")]
    public void A_chart_over_Dataverses_aggregate_limit_says_so_instead_of_failing_the_report()
    {
        var fault = new System.ServiceModel.FaultException<OrganizationServiceFault>(
            new OrganizationServiceFault { ErrorCode = ChartQueryRunner.AggregateQueryRecordLimit, Message = "AggregateQueryRecordLimit exceeded. Cannot perform this operation." },
            new System.ServiceModel.FaultReason("AggregateQueryRecordLimit exceeded."));
        var service = new RecordingOrganizationService(_ => throw fault);

        var chart = ChartQueryRunner.Run(service, "taz_supportrequest", "Requests by channel", "الطلبات حسب القناة", ByChannel);

        Assert.Empty(chart.Points);
        Assert.Equal(ChartResult.LimitExceeded, chart.Unavailable);
        Assert.Contains("50,000", HtmlReport.Render("تقرير", "Report", Array.Empty<(string, string, string)>(), new[] { chart }));
    }

    [Fact]
    public void Chart_rows_become_points_using_formatted_labels_and_merging_equal_categories()
    {
        var service = new RecordingOrganizationService(_ => new[]
        {
            Row(new OptionSetValue(826000001), 4, "المقابلة"),
            Row(new OptionSetValue(826000007), 3),
            Row(new OptionSetValue(826000007), 2),
            Row(new OptionSetValue(826000002), new Money(1.5m), "الاتصالات الهاتفية"),
        });

        var result = ChartQueryRunner.Run(service, "taz_supportrequest", "Requests by channel", "الطلبات حسب القناة", ByChannel);

        Assert.Equal(ByChannel, Assert.Single(service.Fetches));
        Assert.Equal("count", result.Aggregate);
        Assert.Equal(new[] { ("826000007", 5.0), ("الاتصالات الهاتفية", 1.5), ("المقابلة", 4.0) },
            result.Points.Select(p => (p.Category, p.Value)));
        Assert.Equal(10.5, result.Total);
    }

    [Fact]
    public void Every_chart_of_the_solution_is_run_with_its_own_fetchxml()
    {
        var src = Path.Combine(RepoPaths.FindRoot(AppContext.BaseDirectory), "Solution", "src");
        var expected = SolutionFetchQuery.FromFolder(src).Where(q => q.Kind == "chart").ToList();
        var service = new RecordingOrganizationService(_ => Array.Empty<Entity>());

        var results = ChartQueryRunner.RunAll(service, src);

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(q => q.FetchXml), service.Fetches);
        Assert.Equal(expected.Select(q => q.EnglishName), results.Select(r => r.EnglishName));
        Assert.All(results, r => Assert.Empty(r.Points));
    }

    [Fact]
    public void A_chart_without_aggregate_is_rejected_bilingually()
    {
        var service = new RecordingOrganizationService(_ => Array.Empty<Entity>());
        var ex = Assert.Throws<CliException>(() => ChartQueryRunner.Run(service, "taz_x", "Bad", "سيئ", "<fetch><entity name=\"taz_x\"><attribute name=\"taz_name\" /></entity></fetch>"));
        Assert.Contains("مخطط بلا تجميع", ex.OneLine);
        Assert.Equal(ExitCodes.UnreadableSolution, ex.ExitCode);
        Assert.Empty(service.Fetches);
    }

    [Fact]
    public void Html_report_is_rtl_arabic_with_one_svg_per_chart_scaled_to_the_largest_value()
    {
        var charts = new[]
        {
            new ChartResult("taz_supportrequest", "taz_channel", "Requests by channel", "الطلبات حسب القناة", "count",
                new[] { new ChartPoint("المقابلة", 10), new ChartPoint("<C2>", 5) }),
            new ChartResult("taz_satisfactionsurvey", "taz_branchofficeid", "Average satisfaction", "متوسط الرضا", "avg", new[] { new ChartPoint("جازان", 4.25) }),
        };
        var path = Path.Combine(Path.GetTempPath(), $"taazeez-report-{Guid.NewGuid():N}", "index.html");
        try
        {
            HtmlReport.Write(path, "تقرير تعزيز", "Taazeez report", new[] { ("الطلبات", "Requests", "15") }, charts);
            var html = File.ReadAllText(path);

            Assert.StartsWith("<!DOCTYPE html>", html);
            Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html);
            Assert.Equal(2, html.Split("<svg ").Length - 1);
            Assert.Contains("&lt;C2&gt;", html);
            Assert.DoesNotContain("<C2>", html);
            Assert.Contains("الطلبات حسب القناة", html);
            Assert.Contains("Requests by channel", html);
            Assert.Contains(">4.25<", html);
            var svg = XElement.Parse(html[html.IndexOf("<svg ", StringComparison.Ordinal)..(html.IndexOf("</svg>", StringComparison.Ordinal) + 6)]);
            var widths = svg.Elements("{http://www.w3.org/2000/svg}rect").Select(r => (int)r.Attribute("width")!).ToList();
            Assert.Equal(new[] { 360, 180 }, widths);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    [PolicyClause("S5")]
    public void Headline_counts_requests_and_committee_compliance_from_the_chart_results()
    {
        var charts = new[]
        {
            new ChartResult("taz_supportrequest", "statuscode", "Requests by status", "الطلبات حسب الحالة", "count",
                new[] { new ChartPoint("Approved", 6), new ChartPoint("Rejected", 2) }),
            new ChartResult("taz_supportrequest", "taz_decidedwithinperiod", "Committee SLA", "التزام اللجنة", "count",
                new[] { new ChartPoint(ChartQueryRunner.YesLabel, 3), new ChartPoint(ChartQueryRunner.NoLabel, 1) }),
        };
        var headline = KpiSummary.Headline(charts);
        Assert.Equal(("عدد الطلبات", "Support requests", "8"), headline[0]);
        Assert.Equal(("الالتزام بمدة اللجنة", "Committee decisions within the period", "75.0% (3/4)"), headline[1]);

        var output = new StringWriter();
        KpiSummary.Print(new CliContext(output, new StringWriter()).Console, charts);
        Assert.Contains("Committee decisions within the period: 75.0% (3/4)", output.ToString());
        Assert.Contains("Rejected", output.ToString());
    }

    [Fact]
    public void Boolean_group_by_values_get_the_bilingual_yes_no_labels()
    {
        const string fetch = """<fetch aggregate="true"><entity name="taz_supportrequest"><attribute name="taz_decidedwithinperiod" groupby="true" alias="g" /><attribute name="taz_supportrequestid" aggregate="count" alias="a" /></entity></fetch>""";
        var service = new RecordingOrganizationService(_ => new[] { Bool(true, 5), Bool(false, 2) });
        var result = ChartQueryRunner.Run(service, "taz_supportrequest", "SLA", "الالتزام", fetch);
        Assert.Equal("taz_decidedwithinperiod", result.GroupBy);
        Assert.Equal(new[] { (ChartQueryRunner.NoLabel, 2.0), (ChartQueryRunner.YesLabel, 5.0) }, result.Points.Select(p => (p.Category, p.Value)).OrderBy(p => p.Item2));

        static Entity Bool(bool value, int count)
        {
            var row = new Entity("taz_supportrequest");
            row["g"] = new AliasedValue("taz_supportrequest", "taz_decidedwithinperiod", value);
            row["a"] = new AliasedValue("taz_supportrequest", "taz_supportrequestid", count);
            return row;
        }
    }
}
