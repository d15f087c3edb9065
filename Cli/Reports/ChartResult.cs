using System.Collections.Generic;
using System.Linq;

namespace Taazeez.Crm.Cli.Reports;

/// <summary>One bar/pie of a chart: the group-by label and the aggregate.</summary>
public sealed record ChartPoint(string Category, double Value);

/// <summary>A solution chart evaluated on an organization service: the managers' KPI it shows.</summary>
public sealed record ChartResult(string Entity, string GroupBy, string EnglishName, string ArabicName, string Aggregate, IReadOnlyList<ChartPoint> Points)
{
    public double Total => Points.Sum(p => p.Value);
}
