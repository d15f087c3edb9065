using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace Taazeez.Crm.Solution.Tests
{
    /// <summary>The tables, columns, relationships and option sets declared in Solution/src, read straight from the XML.</summary>
    internal sealed class SolutionModel
    {
        // Platform tables our lookups, sitemap and roles may point at without the solution declaring them.
        public static readonly IReadOnlyCollection<string> PlatformTables = new HashSet<string>(StringComparer.Ordinal)
        {
            "systemuser", "contact", "businessunit", "organization", "team", "annotation", "activitypointer",
            "phonecall", "letter", "appointment", "email", "transactioncurrency",
        };

        public static SolutionModel Instance { get; } = new SolutionModel(Repo.SolutionSrc);

        private SolutionModel(string src)
        {
            Src = src;
            foreach (var file in Directory.GetFiles(Path.Combine(src, "Entities"), "Entity.xml", SearchOption.AllDirectories))
            {
                var entity = XDocument.Load(file).Root!;
                var name = entity.Element("Name")!.Value;
                EntityFiles[name] = file;
                var columns = new Dictionary<string, XElement>(StringComparer.Ordinal);
                foreach (var attribute in entity.Descendants("attribute")) columns[attribute.Element("LogicalName")!.Value] = attribute;
                Columns[name] = columns;
                Entities[name] = entity;
            }
            foreach (var file in Directory.GetFiles(Path.Combine(src, "Other", "Relationships"), "*.xml"))
                foreach (var r in XDocument.Load(file).Root!.Elements("EntityRelationship")) Relationships[r.Attribute("Name")!.Value] = r;
            foreach (var file in Directory.GetFiles(Path.Combine(src, "OptionSets"), "*.xml"))
            {
                var set = XDocument.Load(file).Root!;
                OptionSets[set.Attribute("Name")!.Value] = set;
            }
        }

        public string Src { get; }
        public Dictionary<string, XElement> Entities { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, string> EntityFiles { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, Dictionary<string, XElement>> Columns { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, XElement> Relationships { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, XElement> OptionSets { get; } = new(StringComparer.Ordinal);

        /// <summary>Custom tables are declared in full; extended platform tables (phonecall...) only carry our columns.</summary>
        public bool IsCustomTable(string name) => name.StartsWith("taz_", StringComparison.Ordinal);

        public bool TableExists(string name) => Entities.ContainsKey(name) || PlatformTables.Contains(name);

        public bool ColumnExists(string table, string column) =>
            Columns.TryGetValue(table, out var cols) && cols.ContainsKey(column);

        public static string Relative(string path) => Path.GetRelativePath(Repo.Root, path).Replace('\\', '/');

        public IEnumerable<string> Files(string folder, string pattern) =>
            Directory.Exists(Path.Combine(Src, folder))
                ? Directory.GetFiles(Path.Combine(Src, folder), pattern, SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal)
                : Enumerable.Empty<string>();
    }
}
