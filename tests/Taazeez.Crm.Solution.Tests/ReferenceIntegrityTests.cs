using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace Taazeez.Crm.Solution.Tests
{
    /// <summary>Forms, views, charts, dashboards, the site map and the app only point at tables and columns that exist.</summary>
    public sealed class ReferenceIntegrityTests
    {
        private static readonly SolutionModel Model = SolutionModel.Instance;

        [Fact]
        public void Form_fields_exist_on_their_table()
        {
            var problems = new List<string>();
            foreach (var (table, file) in Model.EntityFiles)
                foreach (var form in Model.Files(Path.Combine("Entities", Path.GetFileName(Path.GetDirectoryName(file))!, "FormXml"), "*.xml"))
                {
                    var root = XDocument.Load(form).Root!;
                    foreach (var control in root.Descendants("control").Where(c => c.Attribute("datafieldname") != null))
                        if (!Model.ColumnExists(table, control.Attribute("datafieldname")!.Value))
                            problems.Add($"{SolutionModel.Relative(form)}: {table}.{control.Attribute("datafieldname")!.Value}");
                    foreach (var ev in root.Descendants("event").Where(e => e.Attribute("attribute") != null))
                        if (!Model.ColumnExists(table, ev.Attribute("attribute")!.Value))
                            problems.Add($"{SolutionModel.Relative(form)}: onchange of {ev.Attribute("attribute")!.Value}");
                    problems.AddRange(Subgrids(root, SolutionModel.Relative(form)));
                }
            Assert.True(problems.Count == 0, "missing columns:\n" + string.Join("\n", problems));
        }

        [Fact]
        public void View_and_chart_fetches_and_layouts_use_existing_columns()
        {
            var problems = new List<string>();
            var count = 0;
            foreach (var table in Model.EntityFiles.Keys)
            {
                var folder = Path.Combine("Entities", table);
                foreach (var file in Model.Files(Path.Combine(folder, "SavedQueries"), "*.xml"))
                {
                    var query = XDocument.Load(file).Root!;
                    foreach (var fetch in query.Descendants("fetch")) { problems.AddRange(CheckFetch(fetch, SolutionModel.Relative(file))); count++; }
                    foreach (var cell in query.Descendants("cell"))
                        if (!Model.ColumnExists(table, cell.Attribute("name")!.Value)) problems.Add($"{SolutionModel.Relative(file)}: layout {cell.Attribute("name")!.Value}");
                }
                foreach (var file in Model.Files(Path.Combine(folder, "Visualizations"), "*.xml"))
                {
                    var data = XElement.Parse(XDocument.Load(file).Root!.Element("datadescription")!.Value);
                    foreach (var fetch in data.Descendants("fetch")) { problems.AddRange(CheckFetch(fetch, SolutionModel.Relative(file))); count++; }
                    var aliases = data.Descendants("attribute").Select(a => a.Attribute("alias")?.Value).ToHashSet();
                    foreach (var measure in data.Descendants("measure"))
                        if (!aliases.Contains(measure.Attribute("alias")!.Value)) problems.Add($"{SolutionModel.Relative(file)}: measure alias {measure.Attribute("alias")!.Value}");
                }
            }
            Assert.True(count >= 60, $"only {count} fetches found");
            Assert.True(problems.Count == 0, "bad references:\n" + string.Join("\n", problems));
        }

        [Fact]
        public void Every_custom_lookup_has_a_relationship_to_an_existing_table()
        {
            var problems = new List<string>();
            foreach (var (table, columns) in Model.Columns)
                foreach (var (name, column) in columns)
                {
                    if (column.Element("Type")!.Value != "lookup" || column.Element("IsCustomField")!.Value != "1") continue;
                    var relationships = Model.Relationships.Values.Where(r =>
                        r.Element("ReferencingEntityName")?.Value == table && r.Element("ReferencingAttributeName")?.Value == name).ToList();
                    if (relationships.Count != 1) problems.Add($"{table}.{name}: {relationships.Count} relationships");
                    else if (!Model.TableExists(relationships[0].Element("ReferencedEntityName")!.Value))
                        problems.Add($"{table}.{name} -> {relationships[0].Element("ReferencedEntityName")!.Value} does not exist");
                }
            foreach (var r in Model.Relationships.Values)
                foreach (var end in new[] { "ReferencingEntityName", "ReferencedEntityName", "FirstEntityName", "SecondEntityName" })
                    if (r.Element(end) is { } e && !Model.TableExists(e.Value)) problems.Add($"{r.Attribute("Name")!.Value}: {end} {e.Value} does not exist");
            Assert.True(problems.Count == 0, string.Join("\n", problems));
            Assert.Equal("taz_beneficiary", Model.Relationships.Values.Single(r =>
                r.Element("ReferencingEntityName")?.Value == "taz_supportrequest" && r.Element("ReferencingAttributeName")?.Value == "taz_beneficiaryid").Element("ReferencedEntityName")!.Value);
        }

        [Fact]
        public void Every_choice_column_uses_a_declared_global_option_set()
        {
            var problems = Model.Columns.SelectMany(t => t.Value.Values.Where(c => c.Element("Type")!.Value is "picklist" or "multiselectpicklist")
                    .Where(c => c.Element("OptionSetName") is not { } n || !Model.OptionSets.ContainsKey(n.Value))
                    .Select(c => $"{t.Key}.{c.Element("LogicalName")!.Value}")).ToList();
            Assert.True(problems.Count == 0, "choice columns without a global option set: " + string.Join(", ", problems));
        }

        [Fact]
        public void Dashboard_app_and_site_map_point_at_existing_components()
        {
            var problems = new List<string>();
            var views = Model.EntityFiles.Keys.SelectMany(t => Model.Files(Path.Combine("Entities", t, "SavedQueries"), "*.xml"))
                .Select(f => Guid.Parse(XDocument.Load(f).Root!.Descendants("savedqueryid").Single().Value)).ToHashSet();
            var charts = Model.EntityFiles.Keys.SelectMany(t => Model.Files(Path.Combine("Entities", t, "Visualizations"), "*.xml"))
                .Select(f => Guid.Parse(XDocument.Load(f).Root!.Element("savedqueryvisualizationid")!.Value)).ToHashSet();
            var dashboards = Model.Files("Dashboards", "*.xml").Select(f => XDocument.Load(f).Root!).ToList();
            Assert.NotEmpty(dashboards);
            foreach (var dashboard in dashboards)
            {
                foreach (var p in dashboard.Descendants("parameters"))
                {
                    if (p.Element("ViewId") is { } v && !views.Contains(Guid.Parse(v.Value))) problems.Add("dashboard view " + v.Value);
                    if (p.Element("VisualizationId") is { } c && !charts.Contains(Guid.Parse(c.Value))) problems.Add("dashboard chart " + c.Value);
                    if (!Model.TableExists(p.Element("TargetEntityType")!.Value)) problems.Add("dashboard table " + p.Element("TargetEntityType")!.Value);
                }
            }
            var dashboardIds = dashboards.Select(d => Guid.Parse(d.Element("FormId")!.Value)).ToHashSet();
            foreach (var app in Model.Files("AppModules", "AppModule.xml").Select(f => XDocument.Load(f).Root!))
                foreach (var c in app.Descendants("AppModuleComponent"))
                {
                    var type = c.Attribute("type")!.Value;
                    if (type == "1" && !Model.TableExists(c.Attribute("schemaName")!.Value)) problems.Add("app table " + c.Attribute("schemaName")!.Value);
                    if (type == "60" && !dashboardIds.Contains(Guid.Parse(c.Attribute("id")!.Value))) problems.Add("app dashboard " + c.Attribute("id")!.Value);
                }
            foreach (var map in Model.Files("AppModuleSiteMaps", "AppModuleSiteMap.xml").Select(f => XDocument.Load(f).Root!))
                foreach (var sub in map.Descendants("SubArea"))
                    if (sub.Attribute("Entity") is { } e && !Model.TableExists(e.Value)) problems.Add("sitemap table " + e.Value);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        private IEnumerable<string> Subgrids(XElement form, string where)
        {
            foreach (var p in form.Descendants("parameters").Where(p => p.Element("TargetEntityType") != null))
            {
                var target = p.Element("TargetEntityType")!.Value;
                if (!Model.TableExists(target)) yield return $"{where}: subgrid table {target}";
                var rel = p.Element("RelationshipName")?.Value;
                if (!string.IsNullOrEmpty(rel) && !Model.Relationships.ContainsKey(rel)) yield return $"{where}: subgrid relationship {rel}";
            }
        }

        private IEnumerable<string> CheckFetch(XElement fetch, string where)
        {
            foreach (var scope in fetch.Descendants().Where(e => e.Name.LocalName is "entity" or "link-entity"))
            {
                var table = scope.Attribute("name")!.Value;
                if (!Model.TableExists(table)) { yield return $"{where}: table {table}"; continue; }
                if (scope.Name.LocalName == "link-entity")
                {
                    var parent = scope.Parent!.Attribute("name")!.Value;
                    if (!Model.ColumnExists(table, scope.Attribute("from")!.Value)) yield return $"{where}: link from {table}.{scope.Attribute("from")!.Value}";
                    if (!Model.ColumnExists(parent, scope.Attribute("to")!.Value)) yield return $"{where}: link to {parent}.{scope.Attribute("to")!.Value}";
                }
                // Columns named directly under this scope or in its own filters (not in nested link-entities).
                var own = scope.Elements("attribute").Concat(scope.Elements("order"))
                    .Concat(scope.Elements("filter").DescendantsAndSelf().Elements("condition"));
                foreach (var column in own)
                {
                    var name = column.Attribute("attribute")?.Value ?? column.Attribute("name")!.Value;
                    if (!Model.ColumnExists(table, name)) yield return $"{where}: {table}.{name}";
                }
            }
        }
    }
}
