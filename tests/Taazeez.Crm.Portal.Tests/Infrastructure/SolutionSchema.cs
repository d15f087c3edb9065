using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace Taazeez.Crm.Portal.Tests.Infrastructure
{
    /// <summary>A 1:N relationship: the referencing table's lookup column points at the referenced table.</summary>
    public sealed record Relationship(string Name, string ReferencedEntity, string ReferencingEntity, string ReferencingAttribute, string? LookupNavigationProperty);

    /// <summary>A table of the solution: its columns (logical name → type), entity set name and whether it has notes.</summary>
    public sealed record TableSchema(string LogicalName, IReadOnlyDictionary<string, string> Columns, string? EntitySetName, bool HasNotes);

    /// <summary>
    /// Tables, columns and relationships read from the SolutionPackager layout in Solution/src
    /// (Entities/*/Entity.xml and Other/Relationships/*.xml), plus the platform columns every table has,
    /// which the unpacked layout does not list.
    /// </summary>
    public sealed class SolutionSchema
    {
        private static readonly Lazy<SolutionSchema> Instance = new(() => Load(RepoPaths.SolutionSrc));

        // Standard tables the portal uses without customizing them: the columns it relies on.
        private static readonly IReadOnlyDictionary<string, TableSchema> StandardTables = new Dictionary<string, TableSchema>(StringComparer.Ordinal)
        {
            ["contact"] = new("contact", Columns("contactid", "fullname", "firstname", "lastname", "emailaddress1", "mobilephone", "statecode", "statuscode", "createdon"), "contacts", true),
            ["annotation"] = new("annotation", Columns("annotationid", "subject", "notetext", "filename", "mimetype", "documentbody", "objectid", "objecttypecode", "isdocument", "createdon"), "annotations", false),
        };

        private static readonly string[] PlatformColumns = { "statecode", "statuscode", "createdon", "modifiedon", "createdby", "modifiedby", "ownerid", "owninguser", "owningteam" };

        private SolutionSchema(IReadOnlyDictionary<string, TableSchema> tables, IReadOnlyDictionary<string, Relationship> relationships)
        {
            Tables = tables;
            Relationships = relationships;
        }

        public static SolutionSchema Current => Instance.Value;

        public IReadOnlyDictionary<string, TableSchema> Tables { get; }

        public IReadOnlyDictionary<string, Relationship> Relationships { get; }

        public bool HasColumn(string table, string column) => Tables.TryGetValue(table, out var t) && t.Columns.ContainsKey(column);

        public static SolutionSchema Load(string solutionSrc)
        {
            var entitiesFolder = Path.Combine(solutionSrc, "Entities");
            if (!Directory.Exists(entitiesFolder))
            {
                throw new DirectoryNotFoundException("Solution tables not found: " + entitiesFolder);
            }

            var tables = new Dictionary<string, TableSchema>(StandardTables, StringComparer.Ordinal);
            foreach (var file in Directory.EnumerateFiles(entitiesFolder, "Entity.xml", SearchOption.AllDirectories))
            {
                var entity = XDocument.Load(file).Descendants("EntityInfo").Elements("entity").Single();
                var name = (string?)entity.Attribute("Name") ?? throw new InvalidDataException(file + ": entity without Name");
                if (tables.ContainsKey(name))
                {
                    continue;
                }

                var columns = entity.Element("attributes")?.Elements("attribute")
                    .ToDictionary(a => (string?)a.Element("LogicalName") ?? throw new InvalidDataException(file + ": attribute without LogicalName"), a => (string?)a.Element("Type") ?? string.Empty, StringComparer.Ordinal)
                    ?? new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var platform in PlatformColumns.Append(name + "id"))
                {
                    columns.TryAdd(platform, "platform");
                }

                var hasNotes = string.Equals((string?)entity.Element("HasRelatedNotes"), "true", StringComparison.OrdinalIgnoreCase)
                    || (string?)entity.Element("HasRelatedNotes") == "1";
                tables[name] = new TableSchema(name, columns, (string?)entity.Element("EntitySetName"), hasNotes);
            }

            var relationships = new Dictionary<string, Relationship>(StringComparer.Ordinal);
            var relationshipFiles = Directory.Exists(Path.Combine(solutionSrc, "Other", "Relationships"))
                ? Directory.EnumerateFiles(Path.Combine(solutionSrc, "Other", "Relationships"), "*.xml")
                : Enumerable.Empty<string>();
            foreach (var element in relationshipFiles.SelectMany(f => XDocument.Load(f).Descendants("EntityRelationship")))
            {
                if ((string?)element.Element("EntityRelationshipType") != "OneToMany")
                {
                    continue;
                }

                var name = (string)element.Attribute("Name")!;
                var lookupNavigation = element.Descendants("EntityRelationshipRole")
                    .Where(r => (string?)r.Element("RelationshipRoleType") == "1")
                    .Select(r => (string?)r.Element("NavigationPropertyName"))
                    .FirstOrDefault();
                relationships[name] = new Relationship(name, (string)element.Element("ReferencedEntityName")!, (string)element.Element("ReferencingEntityName")!, (string)element.Element("ReferencingAttributeName")!, lookupNavigation);
            }

            // Notes relationships are system ones (<table>_Annotations), present for every table with notes.
            foreach (var table in tables.Values.Where(t => t.HasNotes && !StandardTables.ContainsKey(t.LogicalName)))
            {
                var name = table.LogicalName + "_Annotations";
                relationships[name] = new Relationship(name, table.LogicalName, "annotation", "objectid", "objectid_" + table.LogicalName);
            }

            return new SolutionSchema(tables, relationships);
        }

        private static IReadOnlyDictionary<string, string> Columns(params string[] names) => names.ToDictionary(n => n, _ => "standard", StringComparer.Ordinal);
    }
}
