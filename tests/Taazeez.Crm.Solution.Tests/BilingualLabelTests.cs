using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Taazeez.Crm.Tests;

namespace Taazeez.Crm.Solution.Tests
{
    /// <summary>Every label the staff or beneficiaries see exists in Arabic (1025) and English (1033).</summary>
    public sealed class BilingualLabelTests
    {
        private static readonly Regex Arabic = new("[\u0600-\u06FF]");
        // Label containers in solution XML and the element name of one label inside each.
        private static readonly (string Container, string Label)[] Containers =
        {
            ("displaynames", "displayname"), ("labels", "label"), ("LocalizedNames", "LocalizedName"),
            ("LocalizedCollectionNames", "LocalizedCollectionName"), ("Descriptions", "Description"),
            ("displayname", "label"), ("description", "label"), ("Titles", "Title"),
            ("steplabels", "label"), // a business process flow's stage and step names (Workflow/labels/steplabels)
        };
        // Every component folder of the solution, including those other engineers write (workflows, custom APIs, plugin registration).
        private static readonly string[] Folders =
            { "Entities", "OptionSets", "Other", "Roles", "Dashboards", "AppModules", "AppModuleSiteMaps", "environmentvariabledefinitions", "Workflows", "customapis", "PluginAssemblies", "SdkMessageProcessingSteps", "WebResources" };

        [Fact]
        [PolicyClause("G1", "G3")]
        public void Every_label_has_Arabic_and_English()
        {
            var missing = new List<string>();
            var checkedLabels = 0;
            foreach (var file in Folders.SelectMany(f => SolutionModel.Instance.Files(f, "*.xml")))
            {
                var root = XDocument.Load(file).Root!;
                foreach (var (container, label) in Containers)
                    foreach (var group in root.DescendantsAndSelf(container).Where(g => g.Elements(label).Any() || container is "steplabels" or "Titles"
                        || (container is "labels" && !g.Elements("steplabels").Any())))
                    {
                        checkedLabels++;
                        var byLanguage = group.Elements(label).ToLookup(Language, Text);
                        var ar = byLanguage["1025"].FirstOrDefault();
                        var en = byLanguage["1033"].FirstOrDefault();
                        if (string.IsNullOrWhiteSpace(ar) || !Arabic.IsMatch(ar)) missing.Add($"{SolutionModel.Relative(file)} {Where(group)}: Arabic (1025)");
                        if (string.IsNullOrWhiteSpace(en)) missing.Add($"{SolutionModel.Relative(file)} {Where(group)}: English (1033)");
                    }
            }
            Assert.True(checkedLabels > 1000, $"only {checkedLabels} label groups found");
            Assert.True(missing.Count == 0, $"{missing.Count} labels missing a language:\n" + string.Join("\n", missing.Take(100)));
        }

        [Fact]
        public void Role_and_profile_names_carry_both_languages()
        {
            // Roles and column security profiles have one name in Dataverse: "<Arabic> | <English>".
            var names = SolutionModel.Instance.Files("Roles", "*.xml").Select(f => XDocument.Load(f).Root!.Attribute("name")!.Value)
                .Concat(XDocument.Load(Path.Combine(Repo.SolutionSrc, "Other", "Customizations.xml")).Descendants("FieldSecurityProfile").Select(p => p.Attribute("name")!.Value))
                .ToList();
            Assert.Equal(7, names.Count);
            Assert.All(names, n =>
            {
                var parts = n.Split(" | ");
                Assert.Equal(2, parts.Length);
                Assert.True(Arabic.IsMatch(parts[0]) != Arabic.IsMatch(parts[1]), n);
            });
        }

        [Fact]
        public void The_check_reports_a_label_with_only_one_language()
        {
            var group = XElement.Parse("<displaynames><displayname description=\"Name\" languagecode=\"1033\" /></displaynames>");
            var byLanguage = group.Elements("displayname").ToLookup(Language, Text);
            Assert.Empty(byLanguage["1025"]);
            Assert.Equal("Name", byLanguage["1033"].Single());
        }

        private static string Language(XElement e) => e.Attribute("languagecode")?.Value ?? e.Attribute("LCID")?.Value ?? "";
        private static string Text(XElement e) => e.Attribute("description")?.Value ?? e.Attribute("Title")?.Value ?? "";

        private static string Where(XElement e)
        {
            var path = new List<string>();
            for (var x = e; x != null; x = x.Parent)
            {
                var id = x.Attribute("PhysicalName")?.Value ?? x.Attribute("Name")?.Value ?? x.Attribute("name")?.Value ?? x.Attribute("Id")?.Value ?? x.Attribute("value")?.Value;
                path.Add(id == null ? x.Name.LocalName : $"{x.Name.LocalName}[{id}]");
            }
            path.Reverse();
            return string.Join("/", path);
        }
    }
}
