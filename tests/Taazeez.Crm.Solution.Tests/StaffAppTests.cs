using System.IO;
using System.Linq;
using System.Xml.Linq;
using Taazeez.Crm.Tests;

namespace Taazeez.Crm.Solution.Tests
{
    /// <summary>The model-driven staff app: its site map areas, the reference tools T1–T4 and the roles that may open it.</summary>
    public sealed class StaffAppTests
    {
        private static XElement SiteMap => XDocument.Load(Path.Combine(Repo.SolutionSrc, "AppModuleSiteMaps", "taz_staffapp", "AppModuleSiteMap.xml")).Root!;
        private static XElement App => XDocument.Load(Path.Combine(Repo.SolutionSrc, "AppModules", "taz_staffapp", "AppModule.xml")).Root!;

        [Fact]
        public void Site_map_has_the_six_work_areas()
        {
            Assert.Equal(new[] { "intake", "research", "committee", "service", "quality", "reference" },
                SiteMap.Descendants("Area").Select(a => a.Attribute("Id")!.Value));
        }

        [Fact]
        [PolicyClause("T1", "T2", "T3", "T4")]
        public void Reference_area_offers_the_four_officer_tools()
        {
            var subs = SiteMap.Descendants("Area").Single(a => a.Attribute("Id")!.Value == "reference").Descendants("SubArea").ToList();
            Assert.Equal(4, subs.Count);
            for (var n = 1; n <= 3; n++)
                Assert.Equal($"$webresource:taz_/pages/reference.html?data=T{n}", subs[n - 1].Attribute("Url")!.Value);
            Assert.Equal("taz_supportrequest", subs[3].Attribute("Entity")!.Value);
            Assert.All(subs, s => Assert.StartsWith("T", s.Descendants("Title").First().Attribute("Title")!.Value));
        }

        [Fact]
        public void App_is_open_to_the_five_roles_and_lists_its_site_map_and_dashboards()
        {
            Assert.Equal(5, App.Descendants("Role").Count());
            Assert.Contains(App.Descendants("AppModuleComponent"), c => c.Attribute("type")!.Value == "62" && c.Attribute("schemaName")!.Value == "taz_staffapp");
            Assert.Equal(Directory.GetFiles(Path.Combine(Repo.SolutionSrc, "Dashboards"), "*.xml").Length,
                App.Descendants("AppModuleComponent").Count(c => c.Attribute("type")!.Value == "60"));
        }
    }
}
