using System.Collections.Generic;
using System.Linq;

namespace Taazeez.Crm.Cli.Reports;

/// <summary>One bar/pie of a chart: the group-by label and the aggregate.</summary>
public sealed record ChartPoint(string Category, double Value);

/// <summary>A solution chart evaluated on an organization service: the managers' KPI it shows.</summary>
public sealed record ChartResult(string Entity, string GroupBy, string EnglishName, string ArabicName, string Aggregate, IReadOnlyList<ChartPoint> Points)
{
    public double Total => Points.Sum(p => p.Value);

    /// <summary>Why the chart has no points although rows exist ("ar | en"), as a Dataverse dashboard says it:
    /// set when the rows it aggregates pass Dataverse's 50,000-record limit for aggregate queries.</summary>
    public string? Unavailable { get; init; }

    /// <summary>Dataverse's words on a chart over the aggregate limit.</summary>
    public const string LimitExceeded = "تجاوز عدد السجلات الحد الأقصى (50000) لاستعلامات التجميع؛ قلّل السجلات بعامل تصفية | " +
        "The maximum record limit (50,000) for aggregate queries is exceeded. Reduce the number of records with a filter.";
}
