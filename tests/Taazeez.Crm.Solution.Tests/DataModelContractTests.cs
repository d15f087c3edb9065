using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Taazeez.Crm.Tests;

namespace Taazeez.Crm.Solution.Tests
{
    /// <summary>Solution/src implements docs/data-model.md: tables, columns, option values, statuses, env vars, roles.</summary>
    public sealed class DataModelContractTests
    {
        private static readonly SolutionModel Model = SolutionModel.Instance;
        private static readonly string[] Doc = File.ReadAllLines(Repo.DataModel);

        private static IEnumerable<string> Section(string headingPrefix)
        {
            var start = Array.FindIndex(Doc, l => l.StartsWith(headingPrefix, StringComparison.Ordinal));
            Assert.True(start >= 0, $"data-model.md has no '{headingPrefix}'");
            return Doc.Skip(start + 1).TakeWhile(l => !l.StartsWith("#", StringComparison.Ordinal));
        }

        [Fact]
        public void Every_global_option_set_value_and_English_label_in_the_data_model_exists()
        {
            var problems = new List<string>();
            var rows = Section("## Global option sets").Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToList();
            Assert.Equal(13, rows.Count);
            foreach (var row in rows)
            {
                var cells = row.Split('|');
                var name = Regex.Match(cells[1], "`([a-z_]+)`").Groups[1].Value;
                if (!Model.OptionSets.TryGetValue(name, out var set)) { problems.Add("missing option set " + name); continue; }
                foreach (var item in cells[2].Split('·'))
                {
                    var m = Regex.Match(item.Trim(), @"^(\d{9}) ([^\u0600-\u06FF]+?)\s*/?\s*[\u0600-\u06FF]");
                    Assert.True(m.Success, $"cannot read '{item}' in {name}");
                    var option = set.Descendants("option").FirstOrDefault(o => o.Attribute("value")!.Value == m.Groups[1].Value);
                    var en = option?.Descendants("label").Single(l => l.Attribute("languagecode")!.Value == "1033").Attribute("description")!.Value;
                    if (en != m.Groups[2].Value.Trim()) problems.Add($"{name} {m.Groups[1].Value}: '{en}' vs '{m.Groups[2].Value.Trim()}'");
                }
            }
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void Every_table_and_column_in_the_data_model_exists()
        {
            var problems = new List<string>();
            var headings = Doc.Select((l, i) => (l, i)).Where(x => Regex.IsMatch(x.l, "^### `taz_[a-z]+`")).ToList();
            Assert.Equal(11, headings.Count);
            foreach (var (line, index) in headings)
            {
                var table = Regex.Match(line, "`(taz_[a-z]+)`").Groups[1].Value;
                if (!Model.Columns.ContainsKey(table)) { problems.Add("missing table " + table); continue; }
                var body = string.Join("\n", Doc.Skip(index + 1).TakeWhile(l => !l.StartsWith("#", StringComparison.Ordinal)).Where(l => !l.StartsWith("|", StringComparison.Ordinal)));
                foreach (Match m in Regex.Matches(body, "`(taz_[a-z0-9_]+)`"))
                {
                    var column = m.Groups[1].Value;
                    if (column.StartsWith("taz_key_", StringComparison.Ordinal) || Model.Relationships.ContainsKey(column)) continue;
                    if (!Model.ColumnExists(table, column)) problems.Add($"{table}.{column}");
                }
                if (line.Contains("(audited)", StringComparison.Ordinal) || line.Contains("; audited)", StringComparison.Ordinal))
                    if (Model.Entities[table].Descendants("IsAuditEnabled").First(e => e.Parent!.Name.LocalName == "entity").Value != "1") problems.Add(table + " not audited");
            }
            Assert.True(problems.Count == 0, "missing:\n" + string.Join("\n", problems));
        }

        [Fact]
        [PolicyClause("S2", "S3", "S4", "S5", "S6", "S7")]
        public void Support_request_lifecycle_statuses_match_the_data_model()
        {
            var rows = Section("Lifecycle (statecode / statuscode)").Where(l => Regex.IsMatch(l, @"^\| \d")).ToList();
            Assert.Equal(12, rows.Count);
            var statuses = Model.Columns["taz_supportrequest"]["statuscode"].Descendants("status").ToList();
            Assert.Equal(rows.Count, statuses.Count);
            var state = "0";
            foreach (var row in rows)
            {
                var c = row.Split('|').Select(x => x.Trim()).ToArray();
                state = c[1].Split(' ')[0];
                var status = statuses.SingleOrDefault(s => s.Attribute("value")!.Value == c[2]);
                Assert.True(status != null, "missing status " + c[2]);
                Assert.Equal(state, status!.Attribute("state")!.Value);
                Assert.Equal(c[3], Label(status, "1033"));
                Assert.Equal(c[4], Label(status, "1025"));
            }
        }

        [Fact]
        [PolicyClause("S5", "T1", "T2", "T3", "S4", "S2", "G5")]
        public void Every_environment_variable_in_the_data_model_is_defined_with_its_type_and_default()
        {
            var types = new Dictionary<string, string> { ["string"] = "100000000", ["number"] = "100000001", ["JSON"] = "100000003" };
            var rows = Section("## Environment variables").Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToList();
            Assert.Equal(8, rows.Count);
            foreach (var row in rows)
            {
                var c = row.Split('|').Select(x => x.Trim()).ToArray();
                var schema = c[1].Trim('`');
                var file = Path.Combine(Repo.SolutionSrc, "environmentvariabledefinitions", schema, "environmentvariabledefinition.xml");
                Assert.True(File.Exists(file), "missing " + schema);
                var definition = XDocument.Load(file).Root!;
                Assert.Equal(schema, definition.Attribute("schemaname")!.Value);
                Assert.Equal(types[c[2]], definition.Element("type")!.Value);
                var expected = c[3].Trim('`');
                var actual = definition.Element("defaultvalue")?.Value ?? "";
                if (expected.StartsWith("(", StringComparison.Ordinal)) Assert.False(string.IsNullOrEmpty(actual), schema + " needs a default");
                else Assert.Equal(expected, actual);
            }
        }

        [Fact]
        public void Security_roles_have_the_fixed_ids_of_the_data_model()
        {
            var rows = Section("## Security roles").Where(l => Regex.IsMatch(l, "`[0-9a-f-]{36}`")).ToList();
            Assert.Equal(5, rows.Count);
            var roles = Model.Files("Roles", "*.xml").Select(f => XDocument.Load(f).Root!).ToDictionary(r => Guid.Parse(r.Attribute("id")!.Value));
            foreach (var row in rows)
            {
                var id = Guid.Parse(Regex.Match(row, "`([0-9a-f-]{36})`").Groups[1].Value);
                var names = row.Split('|')[1].Split(" / ").Select(n => n.Trim()).ToArray();
                Assert.True(roles.ContainsKey(id), "missing role " + id);
                Assert.Equal($"{names[1]} | {names[0]}", roles[id].Attribute("name")!.Value);
            }
        }

        [Fact]
        [PolicyClause("C1", "C2", "C4")]
        public void Standard_activities_record_the_channel()
        {
            foreach (var table in new[] { "phonecall", "letter", "appointment", "email" })
                Assert.Equal("taz_channel", Model.Columns[table]["taz_channel"].Element("OptionSetName")!.Value);
        }

        [Fact]
        [PolicyClause("T4")]
        public void Request_number_is_an_autonumber_and_keys_are_declared()
        {
            Assert.Equal("SR-{DATETIMEUTC:yyyy}-{SEQNUM:6}", Model.Columns["taz_supportrequest"]["taz_name"].Element("AutoNumberFormat")!.Value);
            Assert.Equal(new[] { "taz_nationalid" }, Key("taz_beneficiary", "taz_key_nationalid"));
            Assert.Equal(new[] { "taz_servicedeliveryid" }, Key("taz_satisfactionsurvey", "taz_key_servicedelivery"));
            Assert.Equal("True", Model.Entities["taz_supportrequest"].Descendants("HasRelatedNotes").Single().Value);
        }

        [Fact]
        public void National_id_and_income_are_column_secured_and_covered_by_profiles()
        {
            var secured = Model.Columns.SelectMany(t => t.Value.Values.Where(c => c.Element("IsSecured")?.Value == "1").Select(c => $"{t.Key}.{c.Element("LogicalName")!.Value}")).OrderBy(x => x).ToList();
            Assert.Equal(new[] { "taz_beneficiary.taz_monthlyincome", "taz_beneficiary.taz_nationalid" }, secured);
            var profiles = XDocument.Load(Path.Combine(Repo.SolutionSrc, "Other", "Customizations.xml")).Descendants("FieldSecurityProfile").ToList();
            Assert.Equal(2, profiles.Count);
            foreach (var profile in profiles)
                Assert.Equal(secured, profile.Descendants("FieldPermission").Select(p => $"{p.Element("EntityName")!.Value}.{p.Element("AttributeName")!.Value}").OrderBy(x => x));
            // One profile can edit (intake), the other only read (review).
            Assert.Equal(new[] { "0", "4" }, profiles.Select(p => p.Descendants("CanUpdate").First().Value).OrderBy(x => x));
        }

        private static string[] Key(string table, string key) =>
            Model.Entities[table].Descendants("EntityKey").Single(k => k.Element("LogicalName")!.Value == key).Descendants("AttributeName").Select(a => a.Value).ToArray();

        private static string Label(XElement e, string lcid) =>
            e.Descendants("label").Single(l => l.Attribute("languagecode")!.Value == lcid).Attribute("description")!.Value;
    }
}
