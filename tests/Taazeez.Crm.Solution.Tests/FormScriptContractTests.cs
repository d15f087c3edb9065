using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Taazeez.Crm.Solution.Tests
{
    /// <summary>Main forms load the form script libraries and handlers listed in docs/contracts.md.</summary>
    public sealed class FormScriptContractTests
    {
        [Fact]
        public void Main_forms_register_the_contract_handlers_with_the_execution_context()
        {
            var rows = File.ReadAllLines(Path.Combine(Repo.Root, "docs", "contracts.md"))
                .Where(l => Regex.IsMatch(l, @"^\| `taz_[a-z]+` main \|")).ToList();
            Assert.Equal(3, rows.Count);
            foreach (var row in rows)
            {
                var cells = row.Split('|').Select(c => c.Trim()).ToArray();
                var table = Regex.Match(cells[1], "`([a-z_]+)`").Groups[1].Value;
                var library = cells[2].Trim('`');
                var form = MainForm(table);
                Assert.Contains(form.Descendants("Library"), l => l.Attribute("name")!.Value == library);
                foreach (var handler in cells[3].Split(';').Select(h => h.Trim()))
                {
                    var m = Regex.Match(handler, @"^(?:`(?<attr>[a-z_]+)` )?(?<event>OnLoad|OnSave|OnChange) `(?<fn>[A-Za-z.]+)`$");
                    Assert.True(m.Success, "cannot read handler " + handler);
                    var ev = form.Descendants("event").SingleOrDefault(e =>
                        string.Equals(e.Attribute("name")!.Value, m.Groups["event"].Value, StringComparison.OrdinalIgnoreCase)
                        && (e.Attribute("attribute")?.Value ?? "") == m.Groups["attr"].Value);
                    Assert.True(ev != null, $"{table}: no {handler}");
                    var h = ev!.Descendants("Handler").Single();
                    Assert.Equal(m.Groups["fn"].Value, h.Attribute("functionName")!.Value);
                    Assert.Equal(library, h.Attribute("libraryName")!.Value);
                    Assert.Equal("true", h.Attribute("passExecutionContext")!.Value);
                }
            }
        }

        [Fact]
        public void Support_request_main_form_shows_the_lifecycle_in_its_header_and_tabs()
        {
            var form = MainForm("taz_supportrequest");
            Assert.Contains(form.Descendants("header").Descendants("control"), c => c.Attribute("datafieldname")?.Value == "statuscode");
            Assert.Equal(new[] { "intake", "verification", "research", "committee", "delivery", "documents" },
                form.Descendants("tab").Select(t => t.Attribute("name")!.Value));
        }

        private static XElement MainForm(string table)
        {
            var folder = Path.Combine(Repo.SolutionSrc, "Entities", table, "FormXml", "main");
            return XDocument.Load(Directory.GetFiles(folder, "*.xml").Single()).Root!;
        }
    }
}
