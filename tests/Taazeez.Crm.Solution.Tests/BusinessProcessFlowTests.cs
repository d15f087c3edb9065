using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Taazeez.Crm.Packer;
using Taazeez.Crm.Tests;

namespace Taazeez.Crm.Solution.Tests
{
    /// <summary>
    /// The support request business process flow: a Category 4 workflow whose stages name support request columns, its BPF
    /// table, its root components and the staff app, the data model's stage table, and the packed zip.
    /// </summary>
    public sealed class BusinessProcessFlowTests : IClassFixture<PackerFixture>
    {
        private const string Table = "taz_supportrequest";
        private const string BpfTable = "taz_supportrequestprocess";
        private static readonly XNamespace X = "http://schemas.microsoft.com/winfx/2006/xaml";
        private static readonly Regex Arabic = new("[\u0600-\u06FF]");
        private static readonly SolutionModel Model = SolutionModel.Instance;

        private readonly PackerFixture _fixture;

        public BusinessProcessFlowTests(PackerFixture fixture) { _fixture = fixture; }

        private sealed record Step(string Field, bool Required, string LabelId);
        private sealed record Stage(string Id, string? NextId, string Description, string Category, IReadOnlyList<Step> Steps);

        /// <summary>The one workflow with Category 4 (business process flow) in Workflows/.</summary>
        private static (string DataFile, XElement Data) Bpf()
        {
            var bpfs = Model.Files("Workflows", "*.xaml.data.xml").Select(f => (f, XDocument.Load(f).Root!))
                .Where(w => w.Item2.Element("Category")?.Value == "4").ToList();
            Assert.Single(bpfs);
            return bpfs[0];
        }

        private static XDocument Xaml() => XDocument.Load(Bpf().DataFile[..^".data.xml".Length]);

        private static string Argument(XElement activityReference, string key) =>
            activityReference.Elements().Where(e => e.Name.LocalName == "ActivityReference.Arguments").Elements()
                .SingleOrDefault(a => (string?)a.Attribute(X + "Key") == key)?.Value ?? "";

        private static IEnumerable<XElement> Composites(XContainer scope, string kind) =>
            scope.Descendants().Where(e => e.Name.LocalName == "ActivityReference"
                && ((string?)e.Attribute("AssemblyQualifiedName") ?? "").StartsWith("Microsoft.Crm.Workflow.Activities." + kind + ",", StringComparison.Ordinal));

        private static List<Stage> Stages() =>
            Composites(Xaml(), "StageComposite").Select(stage => new Stage(
                Argument(stage, "StageId"),
                Argument(stage, "NextStageId") is { Length: > 0 } next ? next : null,
                Argument(stage, "Description"),
                Argument(stage, "StageCategory"),
                Composites(stage, "StepComposite").Select(step => new Step(
                    (string)step.Descendants().Single(c => c.Name.LocalName == "Control").Attribute("DataFieldName")!,
                    Argument(step, "IsProcessRequired") == "True",
                    Argument(step, "ProcessStepLabelId"))).ToList())).ToList();

        private static Dictionary<Guid, (string? Ar, string? En)> StepLabels() =>
            Bpf().Data.Element("labels")!.Elements("steplabels").ToDictionary(
                l => Guid.Parse((string)l.Attribute("id")!),
                l => ((string?)l.Elements("label").SingleOrDefault(x => (string?)x.Attribute("languagecode") == "1025")?.Attribute("description"),
                      (string?)l.Elements("label").SingleOrDefault(x => (string?)x.Attribute("languagecode") == "1033")?.Attribute("description")));

        [Fact]
        public void The_process_is_an_activated_category_4_workflow_on_the_support_request_named_after_its_BPF_table()
        {
            var (file, data) = Bpf();
            Assert.Equal("/Workflows/" + Path.GetFileName(file)[..^".data.xml".Length], data.Element("XamlFileName")!.Value);
            Assert.Equal("1", data.Element("Type")!.Value);            // definition
            Assert.Equal("0", data.Element("BusinessProcessType")!.Value); // business flow (not task flow)
            Assert.Equal("1", data.Element("StateCode")!.Value);       // activated
            Assert.Equal("2", data.Element("StatusCode")!.Value);
            Assert.Equal(BpfTable, data.Element("UniqueName")!.Value);
            Assert.Equal(Table, data.Element("PrimaryEntity")!.Value);
            var entity = Composites(Xaml(), "EntityComposite").Single();
            Assert.Equal(Table, Argument(entity, "EntityName"));
            Assert.Contains(Guid.Parse(data.Attribute("WorkflowId")!.Value).ToString("N"), Xaml().Root!.Attribute(X + "Class")!.Value, StringComparison.Ordinal);
            Assert.True(Model.Entities[Table].Descendants("IsBusinessProcessEnabled").Single().Value == "1", "the support request must be enabled for process flows");
        }

        [Fact]
        [PolicyClause("S2", "S3", "S4", "S5", "S6", "S7")]
        public void Every_stage_names_only_columns_that_exist_on_the_support_request()
        {
            var stages = Stages();
            Assert.Equal(7, stages.Count);
            var problems = stages.SelectMany(s => s.Steps).Where(step => !Model.ColumnExists(Table, step.Field)).Select(s => s.Field).ToList();
            Assert.True(problems.Count == 0, "stage steps on missing columns: " + string.Join(", ", problems));
            Assert.All(stages, s => Assert.NotEmpty(s.Steps));
            Assert.All(stages, s => Assert.Contains(s.Steps, step => step.Required)); // each stage asks for at least one thing
            var fields = stages.SelectMany(s => s.Steps).Select(s => s.Field).ToList();
            Assert.Equal(fields.Distinct().Count(), fields.Count);
        }

        [Fact]
        [PolicyClause("G1", "G3")]
        public void Every_stage_and_step_has_an_Arabic_and_an_English_name()
        {
            var labels = StepLabels();
            var stages = Stages();
            var ids = stages.Select(s => s.Id).Concat(stages.SelectMany(s => s.Steps).Select(s => s.LabelId)).Select(Guid.Parse).ToList();
            var problems = new List<string>();
            foreach (var id in ids)
            {
                if (!labels.TryGetValue(id, out var label)) { problems.Add(id + ": no steplabels"); continue; }
                if (string.IsNullOrWhiteSpace(label.Ar) || !Arabic.IsMatch(label.Ar)) problems.Add(id + ": Arabic (1025)");
                if (string.IsNullOrWhiteSpace(label.En) || Arabic.IsMatch(label.En)) problems.Add(id + ": English (1033)");
            }
            Assert.True(problems.Count == 0, string.Join("\n", problems));
            Assert.Equal(ids.OrderBy(i => i), labels.Keys.OrderBy(i => i)); // no label for a stage or step that is gone
            Assert.All(stages, s => Assert.Equal(labels[Guid.Parse(s.Id)].En, s.Description));
            var names = Bpf().Data.Element("LocalizedNames")!.Elements("LocalizedName").ToDictionary(n => n.Attribute("languagecode")!.Value, n => n.Attribute("description")!.Value);
            Assert.Matches(Arabic, names["1025"]);
            Assert.False(string.IsNullOrWhiteSpace(names["1033"]));
        }

        [Fact]
        public void Stages_form_one_chain_with_unique_ids()
        {
            var stages = Stages();
            var all = stages.Select(s => s.Id).Concat(stages.SelectMany(s => s.Steps).Select(s => s.LabelId))
                .Concat(Composites(Xaml(), "StepComposite").Select(s => Argument(s, "ProcessStepId"))).ToList();
            Assert.All(all, id => Assert.True(Guid.TryParse(id, out _), id));
            Assert.Equal(all.Count, all.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            for (var i = 0; i < stages.Count - 1; i++) Assert.Equal(stages[i + 1].Id, stages[i].NextId);
            Assert.Null(stages[^1].NextId);
            // StageCategory is a processstage option: 0 Qualify ... 7 Approval.
            Assert.All(stages, s => Assert.InRange(int.Parse(s.Category), 0, 7));
        }

        [Fact]
        public void Stages_and_their_columns_match_the_data_model()
        {
            var doc = File.ReadAllLines(Repo.DataModel);
            var start = Array.FindIndex(doc, l => l.StartsWith("### Business process flow `" + BpfTable + "`", StringComparison.Ordinal));
            Assert.True(start >= 0, "data-model.md has no business process flow section");
            var rows = doc.Skip(start + 1).TakeWhile(l => !l.StartsWith("#", StringComparison.Ordinal))
                .Where(l => Regex.IsMatch(l, @"^\| [a-z]+ \|.*`"))  // stage rows (the header has no column names)
                .Select(l => l.Split('|').Select(c => c.Trim()).ToArray()).ToList();
            var stages = Stages();
            var labels = StepLabels();
            Assert.Equal(stages.Count, rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                var label = labels[Guid.Parse(stages[i].Id)];
                Assert.Equal(rows[i][2], label.En);
                Assert.Equal(rows[i][3], label.Ar);
                var documented = Regex.Matches(rows[i][5], @"`([a-z_]+)`(\*?)").Select(m => $"{m.Groups[1].Value}{m.Groups[2].Value}");
                Assert.Equal(documented, stages[i].Steps.Select(s => s.Field + (s.Required ? "*" : "")));
            }
        }

        [Fact]
        public void The_BPF_table_has_the_standard_process_columns()
        {
            Assert.True(Model.Entities.TryGetValue(BpfTable, out var entity), BpfTable + " is missing");
            var info = entity!.Element("EntityInfo")!.Element("entity")!;
            Assert.Equal("1", info.Element("IsBPFEntity")!.Value);
            Assert.Equal("OrgOwned", info.Element("OwnershipTypeMask")!.Value);
            var columns = Model.Columns[BpfTable];
            var expected = new Dictionary<string, string>
            {
                ["businessprocessflowinstanceid"] = "primarykey", ["bpf_name"] = "nvarchar", ["bpf_" + Table + "id"] = "lookup",
                ["processid"] = "lookup", ["activestageid"] = "lookup", ["activestagestartedon"] = "datetime", ["traversedpath"] = "nvarchar",
                ["completedon"] = "datetime", ["duration"] = "int", ["statecode"] = "state", ["statuscode"] = "status",
            };
            foreach (var (name, type) in expected)
            {
                Assert.True(columns.ContainsKey(name), BpfTable + "." + name + " is missing");
                Assert.Equal(type, columns[name].Element("Type")!.Value);
            }
            Assert.Contains("PrimaryName", columns["bpf_name"].Element("DisplayMask")!.Value, StringComparison.Ordinal);
            var link = Model.Relationships.Values.Single(r => r.Element("ReferencingEntityName")?.Value == BpfTable
                && r.Element("ReferencingAttributeName")?.Value == "bpf_" + Table + "id");
            Assert.Equal(Table, link.Element("ReferencedEntityName")!.Value);
            Assert.Equal(new[] { "1:0", "2:1", "3:1" }, columns["statuscode"].Descendants("status").Select(s => $"{s.Attribute("value")!.Value}:{s.Attribute("state")!.Value}"));
        }

        [Fact]
        public void Workflow_BPF_table_root_components_and_app_agree()
        {
            var data = Bpf().Data;
            var id = XmlFiles.NormalizeGuid(data.Attribute("WorkflowId")!.Value);
            var roots = XDocument.Load(Path.Combine(Repo.SolutionSrc, "Other", "Solution.xml")).Descendants("RootComponent").ToList();
            Assert.Single(roots, r => r.Attribute("type")!.Value == "29" && XmlFiles.NormalizeGuid(r.Attribute("id")!.Value) == id);
            Assert.Single(roots, r => r.Attribute("type")!.Value == "1" && r.Attribute("schemaName")?.Value == data.Element("UniqueName")!.Value);
            Assert.True(File.Exists(Path.Combine(Repo.SolutionSrc, "Entities", data.Element("UniqueName")!.Value, "Entity.xml")));
            var app = XDocument.Load(Path.Combine(Repo.SolutionSrc, "AppModules", "taz_staffapp", "AppModule.xml"));
            Assert.Single(app.Descendants("AppModuleComponent"), c => c.Attribute("type")!.Value == "29" && XmlFiles.NormalizeGuid(c.Attribute("id")!.Value) == id);
            // Staff can run it: every role reads the process definition and reads/writes the BPF table.
            foreach (var role in Model.Files("Roles", "*.xml").Select(f => XDocument.Load(f).Root!))
            {
                var privileges = role.Descendants("RolePrivilege").Select(p => p.Attribute("name")!.Value).ToHashSet();
                foreach (var needed in new[] { "prvReadWorkflow", "prvRead" + BpfTable, "prvWrite" + BpfTable, "prvCreate" + BpfTable })
                    Assert.True(privileges.Contains(needed), $"{role.Attribute("name")!.Value} lacks {needed}");
            }
        }

        [Fact]
        public void The_packed_zip_holds_the_process_its_XAML_and_its_table()
        {
            var data = Bpf();
            var id = XmlFiles.NormalizeGuid(data.Data.Attribute("WorkflowId")!.Value);
            var components = _fixture.Package.Components();
            Assert.Contains("Workflow:" + id, components);
            Assert.Contains("Entity:" + BpfTable, components);
            Assert.Contains("RootComponent:29:" + id, components);
            Assert.Contains("RootComponent:1:" + BpfTable, components);
            Assert.Contains("Relationship:bpf_" + Table + "_" + BpfTable, components);
            Assert.Contains(components, c => c.StartsWith($"Form:{BpfTable}:main:", StringComparison.Ordinal));
            var xamlEntry = data.Data.Element("XamlFileName")!.Value.TrimStart('/');
            Assert.Equal(File.ReadAllBytes(data.DataFile[..^".data.xml".Length]), _fixture.Package.Entries[xamlEntry]);
            var packed = _fixture.Package.Customizations.Root!.Element("Workflows")!.Elements("Workflow")
                .Single(w => XmlFiles.NormalizeGuid(w.Attribute("WorkflowId")!.Value) == id);
            Assert.Equal("4", packed.Element("Category")!.Value);
            Assert.Equal(StepLabels().Count, packed.Element("labels")!.Elements("steplabels").Count());
            var table = _fixture.Package.Customizations.Root!.Element("Entities")!.Elements("Entity").Single(e => e.Element("Name")!.Value == BpfTable);
            Assert.Equal("1", table.Descendants("IsBPFEntity").Single().Value);
        }
    }
}
