using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Taazeez.Crm.Packer;

namespace Taazeez.Crm.Cli.Reports;

/// <summary>
/// Computes the managers' KPIs with the very FetchXML of the solution's charts (Visualizations), so the CLI
/// report and the dashboards in Dataverse can never disagree about what a number means.
/// </summary>
public static class ChartQueryRunner
{
    public const string YesLabel = "نعم | Yes";
    public const string NoLabel = "لا | No";

    /// <summary>Dataverse's fault code when an aggregate query would read more than 50,000 rows.</summary>
    public const int AggregateQueryRecordLimit = unchecked((int)0x8004E023);

    public static IReadOnlyList<ChartResult> RunAll(IOrganizationService service, string solutionFolder) =>
        SolutionFetchQuery.FromFolder(solutionFolder)
            .Where(q => q.Kind == "chart")
            .Select(q => Run(service, q.Entity, q.EnglishName, q.ArabicName, q.FetchXml))
            .ToList();

    /// <summary>Every chart of a packed solution (the visualizations in its customizations.xml), in document order.</summary>
    public static IReadOnlyList<ChartResult> RunAllFromZip(IOrganizationService service, string zipPath)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(zipPath);
        var entry = zip.GetEntry("customizations.xml") ?? throw new CliException(
            $"الملف customizations.xml غير موجود في {zipPath}", $"customizations.xml is missing from {zipPath}", ExitCodes.UnreadableSolution);
        XElement root;
        using (var stream = entry.Open()) root = XDocument.Load(stream).Root!;
        var results = new List<ChartResult>();
        foreach (var chart in root.Descendants("visualization"))
        {
            var data = chart.Element("datadescription")?.Value;
            if (string.IsNullOrWhiteSpace(data)) continue;
            string Name(string language) => (string?)chart.Element("LocalizedNames")?.Elements("LocalizedName")
                .FirstOrDefault(n => (string?)n.Attribute("languagecode") == language)?.Attribute("description") ?? "";
            foreach (var fetch in XElement.Parse(data).Descendants("fetch"))
                results.Add(Run(service, (string)fetch.Element("entity")!.Attribute("name")!, Name("1033"), Name("1025"), fetch.ToString(SaveOptions.DisableFormatting)));
        }
        return results;
    }

    public static ChartResult Run(IOrganizationService service, string entity, string englishName, string arabicName, string fetchXml)
    {
        var fetch = XElement.Parse(fetchXml);
        var attributes = fetch.Descendants("attribute").ToList();
        var groupBy = attributes.FirstOrDefault(a => (string?)a.Attribute("groupby") == "true");
        var measure = attributes.FirstOrDefault(a => a.Attribute("aggregate") is not null);
        if (groupBy is null || measure is null)
            throw new CliException($"مخطط بلا تجميع: {englishName}", $"Chart '{englishName}' has no group-by or aggregate attribute", ExitCodes.UnreadableSolution);
        var categoryAlias = (string?)groupBy.Attribute("alias") ?? (string)groupBy.Attribute("name")!;
        var measureAlias = (string?)measure.Attribute("alias") ?? (string)measure.Attribute("name")!;

        DataCollection<Entity> rows;
        try { rows = service.RetrieveMultiple(new FetchExpression(fetchXml)).Entities; }
        catch (System.ServiceModel.FaultException<OrganizationServiceFault> fault) when (fault.Detail.ErrorCode == AggregateQueryRecordLimit)
        {
            // A dashboard in Dataverse shows this chart as "maximum record limit exceeded"; so does the report.
            return new ChartResult(entity, (string)groupBy.Attribute("name")!, englishName, arabicName, (string)measure.Attribute("aggregate")!,
                Array.Empty<ChartPoint>()) { Unavailable = ChartResult.LimitExceeded };
        }
        var points = rows
            .Select(row => new ChartPoint(Label(row, categoryAlias), Number(row, measureAlias)))
            .GroupBy(p => p.Category, StringComparer.Ordinal)
            .Select(g => new ChartPoint(g.Key, g.Sum(p => p.Value)))
            .OrderBy(p => p.Category, StringComparer.Ordinal)
            .ToList();
        return new ChartResult(entity, (string)groupBy.Attribute("name")!, englishName, arabicName, (string)measure.Attribute("aggregate")!, points);
    }

    private static string Label(Entity row, string alias)
    {
        if (row.FormattedValues.ContainsKey(alias)) return row.FormattedValues[alias];
        if (!row.Attributes.ContainsKey(alias)) return "(فارغ | empty)";
        var value = row[alias] is AliasedValue aliased ? aliased.Value : row[alias];
        return value switch
        {
            null => "(فارغ | empty)",
            OptionSetValue o => o.Value.ToString(CultureInfo.InvariantCulture),
            EntityReference r => string.IsNullOrEmpty(r.Name) ? r.Id.ToString() : r.Name,
            bool b => b ? YesLabel : NoLabel,
            DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
    }

    private static double Number(Entity row, string alias)
    {
        if (!row.Attributes.ContainsKey(alias)) return 0;
        var value = row[alias] is AliasedValue aliased ? aliased.Value : row[alias];
        return value switch
        {
            null => 0,
            int i => i,
            long l => l,
            decimal m => (double)m,
            double d => d,
            Money money => (double)money.Value,
            _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        };
    }
}
