using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace Taazeez.Crm.Packer
{
    /// <summary>One FetchXML query the solution ships: a view (savedquery) or a chart (visualization).</summary>
    public sealed class SolutionFetchQuery
    {
        public SolutionFetchQuery(string kind, Guid id, string entity, string englishName, string arabicName, string fetchXml, string file)
        {
            Kind = kind;
            Id = id;
            Entity = entity;
            EnglishName = englishName;
            ArabicName = arabicName;
            FetchXml = fetchXml;
            File = file;
        }

        /// <summary>"view" or "chart".</summary>
        public string Kind { get; }
        public Guid Id { get; }
        public string Entity { get; }
        public string EnglishName { get; }
        public string ArabicName { get; }
        /// <summary>The &lt;fetch&gt; element as text, ready for FetchExpression / an emulator.</summary>
        public string FetchXml { get; }
        public string File { get; }

        public override string ToString() => $"{Kind} {Entity} '{EnglishName}' ({Id})";

        /// <summary>Every view and chart query under Solution/src/Entities/*/SavedQueries and Visualizations.</summary>
        public static IReadOnlyList<SolutionFetchQuery> FromFolder(string solutionSrc)
        {
            var result = new List<SolutionFetchQuery>();
            var entities = Path.Combine(solutionSrc, "Entities");
            if (!Directory.Exists(entities)) return result;
            foreach (var folder in Directory.GetDirectories(entities).OrderBy(d => d, StringComparer.Ordinal))
            {
                var entity = Path.GetFileName(folder);
                foreach (var file in Sorted(Path.Combine(folder, "SavedQueries")))
                    foreach (var query in XmlFiles.Load(file).Root!.DescendantsAndSelf("savedquery"))
                    {
                        var fetch = query.Element("fetchxml")?.Element("fetch");
                        if (fetch == null) continue;
                        result.Add(new SolutionFetchQuery("view", Guid.Parse(query.Element("savedqueryid")!.Value), entity,
                            Name(query, "1033"), Name(query, "1025"), fetch.ToString(SaveOptions.DisableFormatting), file));
                    }
                foreach (var file in Sorted(Path.Combine(folder, "Visualizations")))
                {
                    var chart = XmlFiles.Load(file).Root!;
                    var data = chart.Element("datadescription")?.Value;
                    if (string.IsNullOrWhiteSpace(data)) continue;
                    foreach (var fetch in XElement.Parse(data).Descendants("fetch"))
                        result.Add(new SolutionFetchQuery("chart", Guid.Parse(chart.Element("savedqueryvisualizationid")!.Value), entity,
                            Name(chart, "1033"), Name(chart, "1025"), fetch.ToString(SaveOptions.DisableFormatting), file));
                }
            }
            return result;
        }

        private static string Name(XElement component, string language) =>
            component.Element("LocalizedNames")?.Elements("LocalizedName").FirstOrDefault(n => n.Attribute("languagecode")?.Value == language)
                ?.Attribute("description")?.Value ?? "";

        private static IEnumerable<string> Sorted(string folder) =>
            Directory.Exists(folder) ? Directory.GetFiles(folder, "*.xml").OrderBy(f => f, StringComparer.Ordinal) : Enumerable.Empty<string>();
    }
}
