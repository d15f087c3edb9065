using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Taazeez.Crm.Cli.Reports;

/// <summary>
/// Turns the raw categories of a chart evaluated on the emulator (choice values, lookup ids) into what the
/// dashboard shows: "المقابلة | C1 In-person interview", a branch's name, a researcher's full name. Choice labels
/// come from the packed solution's customizations.xml; names from the rows themselves.
/// </summary>
public sealed class ChartLabels
{
    private readonly Dictionary<string, Dictionary<int, string>> _optionSets;

    private static readonly string[] ArabicMonths =
        { "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر" };

    private ChartLabels(Dictionary<string, Dictionary<int, string>> optionSets) => _optionSets = optionSets;

    /// <summary>Every option set (global and local, status reasons included) of the solution zip.</summary>
    public static ChartLabels FromZip(string zipPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        var entry = zip.GetEntry("customizations.xml") ?? throw new InvalidOperationException("customizations.xml is missing from " + zipPath);
        XElement root;
        using (var stream = entry.Open()) root = XDocument.Load(stream).Root!;
        var sets = new Dictionary<string, Dictionary<int, string>>(StringComparer.Ordinal);
        foreach (var set in root.Descendants("optionset").Where(o => o.Attribute("Name") != null))
        {
            var labels = new Dictionary<int, string>();
            foreach (var option in set.Descendants().Where(e => e.Name.LocalName is "option" or "status" && e.Attribute("value") != null))
            {
                var value = (int)option.Attribute("value")!;
                var texts = option.Element("labels")?.Elements("label").ToList() ?? new List<XElement>();
                var ar = (string?)texts.FirstOrDefault(l => (string?)l.Attribute("languagecode") == "1025")?.Attribute("description");
                var en = (string?)texts.FirstOrDefault(l => (string?)l.Attribute("languagecode") == "1033")?.Attribute("description");
                if (ar != null || en != null) labels[value] = ar != null && en != null ? $"{ar} | {en}" : ar ?? en!;
            }
            sets[(string)set.Attribute("Name")!] = labels;
        }
        return new ChartLabels(sets);
    }

    /// <summary>The label of a choice value of a column: the column's own option set, then the global one of the same name.</summary>
    public string? Option(string entity, string column, int value)
    {
        foreach (var name in new[] { $"{entity}_{column}", column })
            if (_optionSets.TryGetValue(name, out var set) && set.TryGetValue(value, out var label)) return label;
        return null;
    }

    /// <summary>Relabels every chart's categories, keeping the order of the raw values (choice values in option
    /// order, months in calendar order); lookup ids become the row's primary name, read through <paramref name="service"/>.</summary>
    /// <param name="column">the column's metadata type and lookup targets, by table and column</param>
    public IReadOnlyList<ChartResult> Apply(IReadOnlyList<ChartResult> charts, IOrganizationService service, Func<string, string, (string Type, IReadOnlyList<string> Targets)?> column)
    {
        var names = new Dictionary<Guid, string>();
        return charts.Select(chart =>
        {
            var info = column(chart.Entity, chart.GroupBy);
            var points = chart.Points
                .Select(p => (Raw: p.Category, Point: p with { Category = Relabel(chart, p.Category, info, service, names) }))
                .OrderBy(p => int.TryParse(p.Raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue)
                .ThenBy(p => p.Point.Category, StringComparer.Ordinal)
                .Select(p => p.Point)
                .ToList();
            return chart with { Points = points };
        }).ToList();
    }

    private string Relabel(ChartResult chart, string category, (string Type, IReadOnlyList<string> Targets)? column, IOrganizationService service, Dictionary<Guid, string> names)
    {
        if (int.TryParse(category, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            // A date grouped by month comes back as the month number.
            if (column?.Type == "datetime" && value is >= 1 and <= 12)
                return string.Create(CultureInfo.InvariantCulture, $"{ArabicMonths[value - 1]} | {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(value)}");
            // A group-by on a linked table (governorate of the beneficiary) names the column only: try the global set.
            return Option(chart.Entity, chart.GroupBy, value) ?? category;
        }
        if (!Guid.TryParse(category, out var id)) return category;
        if (names.TryGetValue(id, out var known)) return known;
        foreach (var target in column?.Targets ?? Array.Empty<string>())
        {
            var nameColumn = target == "systemuser" ? "fullname" : target == "contact" ? "fullname" : "taz_name";
            var query = new QueryExpression(target) { ColumnSet = new ColumnSet(nameColumn), TopCount = 1 };
            query.Criteria.AddCondition(target + "id", ConditionOperator.Equal, id);
            var row = service.RetrieveMultiple(query).Entities.FirstOrDefault();
            if (row?.GetAttributeValue<string>(nameColumn) is { } name)
                return names[id] = name;
        }
        return names[id] = category;
    }
}
