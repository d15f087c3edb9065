using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;

namespace Taazeez.Crm.Cli.Reports;

/// <summary>
/// A self-contained HTML report (no scripts, no external files): one inline SVG bar chart and one table per
/// solution chart, Arabic first and right-to-left, with the English beside it for the IT partner.
/// </summary>
public static class HtmlReport
{
    private const int BarHeight = 22;
    private const int LabelWidth = 230;
    private const int PlotWidth = 360;

    public static string Write(string path, string titleArabic, string titleEnglish, IReadOnlyList<(string Arabic, string English, string Value)> headline, IReadOnlyList<ChartResult> charts)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, Render(titleArabic, titleEnglish, headline, charts), new UTF8Encoding(false));
        return Path.GetFullPath(path);
    }

    public static string Render(string titleArabic, string titleEnglish, IReadOnlyList<(string Arabic, string English, string Value)> headline, IReadOnlyList<ChartResult> charts)
    {
        var sb = new StringBuilder();
        sb.AppendLine("<!DOCTYPE html>");
        sb.AppendLine("<html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">");
        sb.AppendLine($"<title>{E(titleArabic)} | {E(titleEnglish)}</title>");
        sb.AppendLine("<style>body{font-family:Tahoma,'Segoe UI',Arial,sans-serif;margin:2rem;color:#222}h1,h2{color:#1f6e5a}" +
                      ".en{color:#555;font-size:.9em}section{margin-bottom:2rem}table{border-collapse:collapse}" +
                      "td,th{border:1px solid #ccc;padding:.25rem .6rem}th{background:#eef5f2}.kpis td:last-child{font-weight:bold}</style>");
        sb.AppendLine("</head><body>");
        sb.AppendLine($"<h1>{E(titleArabic)} <span class=\"en\" lang=\"en\" dir=\"ltr\">{E(titleEnglish)}</span></h1>");
        if (headline.Count > 0)
        {
            sb.AppendLine("<table class=\"kpis\"><tr><th>المؤشر</th><th lang=\"en\" dir=\"ltr\">Indicator</th><th>القيمة | Value</th></tr>");
            foreach (var (ar, en, value) in headline)
                sb.AppendLine($"<tr><td>{E(ar)}</td><td lang=\"en\" dir=\"ltr\">{E(en)}</td><td dir=\"ltr\">{E(value)}</td></tr>");
            sb.AppendLine("</table>");
        }
        foreach (var chart in charts)
        {
            sb.AppendLine("<section>");
            sb.AppendLine($"<h2>{E(chart.ArabicName)} <span class=\"en\" lang=\"en\" dir=\"ltr\">{E(chart.EnglishName)}</span></h2>");
            sb.AppendLine(Svg(chart));
            sb.AppendLine("<table><tr><th>الفئة | Category</th><th>القيمة | Value</th></tr>");
            foreach (var p in chart.Points)
                sb.AppendLine($"<tr><td>{E(p.Category)}</td><td dir=\"ltr\">{Format(p.Value)}</td></tr>");
            if (chart.Unavailable is { } why) sb.AppendLine($"<tr><td colspan=\"2\">{E(why)}</td></tr>");
            sb.AppendLine("</table></section>");
        }
        sb.AppendLine("</body></html>");
        return sb.ToString();
    }

    /// <summary>Horizontal bars drawn right to left, labels on the right, scaled to the largest value.</summary>
    private static string Svg(ChartResult chart)
    {
        var height = Math.Max(1, chart.Points.Count) * (BarHeight + 6) + 10;
        var width = LabelWidth + PlotWidth + 70;
        var max = chart.Points.Count == 0 ? 1 : Math.Max(chart.Points.Max(p => p.Value), double.Epsilon);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title>{E(chart.ArabicName)} | {E(chart.EnglishName)}</title>");
        var y = 5;
        foreach (var p in chart.Points)
        {
            var barWidth = (int)Math.Round(PlotWidth * Math.Max(0, p.Value) / max);
            var right = width - LabelWidth;
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{width - 4}\" y=\"{y + 16}\" text-anchor=\"start\" direction=\"rtl\" font-size=\"12\">{E(p.Category)}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{right - barWidth}\" y=\"{y}\" width=\"{barWidth}\" height=\"{BarHeight}\" fill=\"#1f6e5a\"><title>{E(p.Category)}: {Format(p.Value)}</title></rect>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{right - barWidth - 4}\" y=\"{y + 16}\" text-anchor=\"end\" direction=\"ltr\" font-size=\"12\">{Format(p.Value)}</text>");
            y += BarHeight + 6;
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    public static string Format(double value) =>
        value.ToString(Math.Abs(value % 1) < 1e-9 ? "0" : "0.00", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
