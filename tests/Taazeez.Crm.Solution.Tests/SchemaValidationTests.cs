using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Xml.Linq;

namespace Taazeez.Crm.Solution.Tests
{
    /// <summary>customizations.xml, every form, every FetchXML, every chart and the site map against Microsoft's schemas.</summary>
    public sealed class SchemaValidationTests : IClassFixture<PackerFixture>
    {
        private readonly PackerFixture _fixture;

        public SchemaValidationTests(PackerFixture fixture) { _fixture = fixture; }

        private XElement Customizations => _fixture.Package.Customizations.Root!;

        // Sections merged from folders other engineers own (Workflows, PluginAssemblies, SdkMessageProcessingSteps, WebResources).
        private static readonly string[] ComponentSections = { "Workflows", "WebResources", "SolutionPluginAssemblies", "SdkMessageProcessingSteps" };

        [Fact]
        public void Customizations_xml_validates_for_tables_option_sets_roles_dashboards_and_app()
        {
            var ours = new XElement(Customizations);
            ours.Elements().Where(e => ComponentSections.Contains(e.Name.LocalName)).Remove();
            var errors = SchemaSets.Validate("CustomizationsSolution.xsd", ours, "customizations.xml");
            Assert.True(errors.Count == 0, Report(errors));
        }

        [Fact]
        public void Customizations_xml_validates_as_a_whole_including_workflows_and_plugin_registration()
        {
            var errors = SchemaSets.Validate("CustomizationsSolution.xsd", Customizations, "customizations.xml");
            Assert.True(errors.Count == 0, "Fix the named Solution/src files (element order follows CustomizationsSolution.xsd).\n" + Report(errors));
        }

        [Fact]
        public void Every_form_and_dashboard_validates_against_FormXml_xsd()
        {
            var forms = Customizations.Descendants("form").Where(f => f.Parent?.Name.LocalName is "systemform" or "forms").ToList();
            Assert.True(forms.Count >= 22, $"expected the forms and dashboard, found {forms.Count}");
            var errors = forms.SelectMany(f => SchemaSets.Validate("FormXml.xsd", f, Owner(f))).ToList();
            Assert.True(errors.Count == 0, Report(errors));
        }

        [Fact]
        public void Every_view_fetch_validates_against_Fetch_xsd()
        {
            var fetches = Customizations.Descendants("savedquery").Select(q => (q, fetch: q.Element("fetchxml")?.Element("fetch"))).ToList();
            Assert.All(fetches, f => Assert.NotNull(f.fetch));
            var errors = fetches.SelectMany(f => SchemaSets.Validate("Fetch.xsd", f.fetch!, "view " + f.q.Element("savedqueryid")!.Value)).ToList();
            Assert.True(errors.Count == 0, Report(errors));
        }

        [Fact]
        public void Every_chart_data_description_and_its_fetch_validate()
        {
            var charts = Customizations.Descendants("visualization").ToList();
            Assert.True(charts.Count >= 8, "manager charts are present");
            var errors = new List<string>();
            foreach (var chart in charts)
            {
                var id = chart.Element("savedqueryvisualizationid")!.Value;
                var data = XElement.Parse(chart.Element("datadescription")!.Value);
                errors.AddRange(SchemaSets.Validate("VisualizationDataDescription.xsd", data, "chart " + id));
                foreach (var fetch in data.Descendants("fetch")) errors.AddRange(SchemaSets.Validate("Fetch.xsd", fetch, "chart fetch " + id));
                Assert.Equal("Chart", XElement.Parse(chart.Element("presentationdescription")!.Value).Name.LocalName);
            }
            Assert.True(errors.Count == 0, Report(errors));
        }

        [Fact]
        public void Site_map_validates_against_SiteMap_xsd()
        {
            var maps = Customizations.Descendants("AppModuleSiteMap").Select(m => m.Element("SiteMap")!).ToList();
            Assert.NotEmpty(maps);
            var errors = maps.SelectMany(m => SchemaSets.Validate("SiteMap.xsd", m, "sitemap")).ToList();
            Assert.True(errors.Count == 0, Report(errors));
        }

        [Fact]
        public void Only_documented_newer_constructs_are_tolerated_and_each_is_named_with_its_reason()
        {
            Assert.Equal(new[] { "AutoNumberFormat (attribute)", "IsRetrieveAuditEnabled (entity)", "headerdensity (form)", "SdkMessageId first in SdkMessageProcessingStep",
                "IsCustomProcessingStepAllowedForOtherPublishers (workflow)" },
                DocumentedNewerConstructs.All.Select(c => c.Name));
            Assert.All(DocumentedNewerConstructs.All, c => Assert.False(string.IsNullOrWhiteSpace(c.Reason)));
            // The tolerance is not blanket: an undocumented element still fails validation.
            var broken = new XElement(Customizations);
            broken.Descendants("attribute").First().Add(new XElement("SomethingNew", "1"));
            Assert.NotEmpty(SchemaSets.Validate("CustomizationsSolution.xsd", broken, "customizations.xml"));
            // And the documented one really is present in our solution (autonumber on the request number).
            Assert.Contains(Customizations.Descendants("AutoNumberFormat"), a => a.Value == "SR-{DATETIMEUTC:yyyy}-{SEQNUM:6}");
        }

        private static string Owner(XElement form)
        {
            var entity = form.Ancestors("Entity").FirstOrDefault()?.Element("Name")?.Value ?? "dashboard";
            var id = form.Parent?.Element("formid")?.Value ?? form.Ancestors("Dashboard").FirstOrDefault()?.Element("FormId")?.Value;
            return $"form {entity} {id}";
        }

        private static string Report(List<string> errors) =>
            $"{errors.Count} schema errors:\n" + string.Join("\n", errors.Take(40).Select(WebUtility.HtmlDecode));
    }
}
