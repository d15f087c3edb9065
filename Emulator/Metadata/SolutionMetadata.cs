using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace Taazeez.Crm.Emulator.Metadata
{
    /// <summary>The tables, option sets and relationships of a solution, read from SolutionPackager's unpacked folder
    /// or from a solution zip's customizations.xml. Both carry the same elements, so one reader serves both;
    /// elements it does not need are ignored.</summary>
    public sealed class SolutionMetadata
    {
        private SolutionMetadata(IEnumerable<TableMetadata> tables, IEnumerable<RelationshipMetadata> relationships,
            IReadOnlyDictionary<string, IReadOnlyCollection<int>> optionSets)
        {
            Tables = tables.ToDictionary(t => t.LogicalName, StringComparer.Ordinal);
            Relationships = relationships.ToList();
            GlobalOptionSets = optionSets;
        }

        public IReadOnlyDictionary<string, TableMetadata> Tables { get; }
        public IReadOnlyList<RelationshipMetadata> Relationships { get; }
        public IReadOnlyDictionary<string, IReadOnlyCollection<int>> GlobalOptionSets { get; }

        /// <summary>The same solution with these tables added or replacing those of the same name.</summary>
        public SolutionMetadata WithTables(IEnumerable<TableMetadata> tables)
        {
            var all = Tables.Values.ToDictionary(t => t.LogicalName, StringComparer.Ordinal);
            foreach (var table in tables) all[table.LogicalName] = table;
            return new SolutionMetadata(all.Values, Relationships, GlobalOptionSets);
        }

        public static SolutionMetadata FromFolder(string solutionSrcFolder)
        {
            if (!Directory.Exists(solutionSrcFolder))
                throw new DirectoryNotFoundException($"Solution folder not found: {solutionSrcFolder}");
            var documents = new List<XElement>();
            foreach (var pattern in new[] { "Entities/*/Entity.xml", "OptionSets/*.xml", "Other/Relationships/*.xml" })
            {
                var parts = pattern.Split('/');
                var folder = Path.Combine(solutionSrcFolder, Path.Combine(parts.Take(parts.Length - 1).Where(p => p != "*").ToArray()));
                if (!Directory.Exists(folder)) continue;
                var option = pattern.Contains("/*/") ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly;
                foreach (var file in Directory.GetFiles(folder, parts[^1], option).OrderBy(f => f, StringComparer.Ordinal))
                    documents.Add(XDocument.Load(file).Root!);
            }
            return Read(documents);
        }

        public static SolutionMetadata FromZip(string zipPath)
        {
            using var zip = ZipFile.OpenRead(zipPath);
            var entry = zip.Entries.FirstOrDefault(e => e.FullName.Equals("customizations.xml", StringComparison.OrdinalIgnoreCase))
                ?? throw new InvalidDataException($"{zipPath} has no customizations.xml");
            using var stream = entry.Open();
            return Read(new[] { XDocument.Load(stream).Root! });
        }

        private static SolutionMetadata Read(IReadOnlyList<XElement> roots)
        {
            var optionSets = roots.SelectMany(r => r.DescendantsAndSelf("optionset"))
                .Where(o => (string?)o.Element("IsGlobal") == "1" && o.Attribute("Name") != null)
                .GroupBy(o => (string)o.Attribute("Name")!)
                .ToDictionary(g => g.Key, g => (IReadOnlyCollection<int>)OptionValues(g.First()), StringComparer.Ordinal);

            var relationships = roots.SelectMany(r => r.DescendantsAndSelf("EntityRelationship")).Select(ReadRelationship).ToList();

            var tables = roots.SelectMany(r => r.DescendantsAndSelf("entity"))
                .Where(e => e.Parent?.Name.LocalName == "EntityInfo" && e.Attribute("Name") != null)
                .Select(e => ReadTable(e, optionSets, relationships))
                .ToList();
            return new SolutionMetadata(tables, relationships, optionSets);
        }

        private static TableMetadata ReadTable(XElement entity, IReadOnlyDictionary<string, IReadOnlyCollection<int>> optionSets,
            IReadOnlyList<RelationshipMetadata> relationships)
        {
            var name = ((string)entity.Attribute("Name")!).ToLowerInvariant();
            var stateOfStatus = new Dictionary<int, int>();
            var columns = new List<ColumnMetadata>();
            foreach (var attribute in entity.Element("attributes")?.Elements("attribute") ?? Enumerable.Empty<XElement>())
            {
                var logicalName = ((string?)attribute.Element("LogicalName") ?? (string)attribute.Attribute("PhysicalName")!).ToLowerInvariant();
                var type = ((string?)attribute.Element("Type") ?? "").ToLowerInvariant();
                var localOptions = attribute.Element("optionset");
                var optionSetName = (string?)attribute.Element("OptionSetName");
                IReadOnlyCollection<int> values = localOptions != null ? OptionValues(localOptions)
                    : optionSetName != null && optionSets.TryGetValue(optionSetName, out var global) ? global
                    : Array.Empty<int>();
                if (type == "status" && localOptions != null)
                    foreach (var status in localOptions.Descendants().Where(e => e.Name.LocalName is "status" or "statusoption"))
                        stateOfStatus[(int)status.Attribute("value")!] = (int)status.Attribute("state")!;
                var targets = relationships
                    .Where(r => !r.IsManyToMany && r.ReferencingEntity == name && r.ReferencingAttribute == logicalName)
                    .Select(r => r.ReferencedEntity)
                    .Concat(attribute.Element("LookupTypes")?.Elements("LookupType").Select(t => (string)t) ?? Enumerable.Empty<string>())
                    .Distinct()
                    .ToList();
                columns.Add(new ColumnMetadata(
                    logicalName, type, (string?)attribute.Element("RequiredLevel") ?? "none",
                    (int?)attribute.Element("MaxLength"), (decimal?)attribute.Element("MinValue"), (decimal?)attribute.Element("MaxValue"),
                    optionSetName, values, targets, (string?)attribute.Element("AutoNumberFormat")));
            }
            var keys = entity.Element("EntityKeys")?.Elements("EntityKey").Select(k => new AlternateKeyMetadata(
                (string)k.Element("LogicalName")!,
                k.Element("EntityKeyAttributes")!.Elements("AttributeName").Select(a => (string)a).ToList())) ?? Enumerable.Empty<AlternateKeyMetadata>();
            return new TableMetadata(name, columns, keys, stateOfStatus);
        }

        private static RelationshipMetadata ReadRelationship(XElement relationship)
        {
            var manyToMany = (string?)relationship.Element("EntityRelationshipType") == "ManyToMany";
            return new RelationshipMetadata(
                (string)relationship.Attribute("Name")!,
                manyToMany,
                ((string?)relationship.Element(manyToMany ? "SecondEntityName" : "ReferencingEntityName") ?? "").ToLowerInvariant(),
                ((string?)relationship.Element(manyToMany ? "FirstEntityName" : "ReferencedEntityName") ?? "").ToLowerInvariant(),
                ((string?)relationship.Element("ReferencingAttributeName"))?.ToLowerInvariant(),
                (string?)relationship.Element("CascadeDelete") ?? "NoCascade",
                (string?)relationship.Element("IntersectEntityName"));
        }

        private static int[] OptionValues(XElement optionSet) =>
            optionSet.Descendants().Where(e => e.Name.LocalName is "option" or "status" or "statusoption" or "state")
                .Select(e => (int)e.Attribute("value")!).Distinct().OrderBy(v => v).ToArray();
    }
}
