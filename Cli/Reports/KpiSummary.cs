using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Spectre.Console;

namespace Taazeez.Crm.Cli.Reports;

/// <summary>The headline numbers managers ask first, derived only from the chart results (never a second query).</summary>
public static class KpiSummary
{
    public static IReadOnlyList<(string Arabic, string English, string Value)> Headline(IReadOnlyList<ChartResult> charts)
    {
        var lines = new List<(string, string, string)>();
        var byStatus = charts.FirstOrDefault(c => c.Entity == "taz_supportrequest" && c.GroupBy == "statuscode");
        if (byStatus is not null)
            lines.Add(("عدد الطلبات", "Support requests", HtmlReport.Format(byStatus.Total)));
        var sla = charts.FirstOrDefault(c => c.GroupBy == "taz_decidedwithinperiod");
        if (sla is not null && sla.Total > 0)
        {
            var within = sla.Points.Where(p => p.Category == ChartQueryRunner.YesLabel).Sum(p => p.Value);
            lines.Add(("الالتزام بمدة اللجنة", "Committee decisions within the period",
                string.Create(CultureInfo.InvariantCulture, $"{100 * within / sla.Total:0.0}% ({within:0}/{sla.Total:0})")));
        }
        return lines;
    }

    /// <summary>Prints every chart as a table, in the order the solution defines them.</summary>
    public static void Print(IAnsiConsole console, IReadOnlyList<ChartResult> charts)
    {
        foreach (var (ar, en, value) in Headline(charts))
            console.MarkupLine($"[bold]{Markup.Escape(ar)} | {Markup.Escape(en)}:[/] {Markup.Escape(value)}");
        foreach (var chart in charts)
        {
            var table = new Table { Title = new TableTitle(Markup.Escape($"{chart.ArabicName} | {chart.EnglishName}")) };
            table.AddColumns("الفئة | Category", $"{chart.Aggregate}");
            foreach (var p in chart.Points) table.AddRow(Markup.Escape(p.Category), HtmlReport.Format(p.Value));
            if (chart.Unavailable is { } why) table.AddRow(Markup.Escape(why), "—");
            console.Write(table);
        }
    }
}
