using System;
using System.IO;
using System.Linq;
using Taazeez.Crm.Portal.Tests.Infrastructure;
using Taazeez.Crm.Tests;

namespace Taazeez.Crm.Portal.Tests
{
    /// <summary>The pac pages records: every YAML file parses, ids are unique and every reference resolves.</summary>
    public class PortalRecordTests
    {
        private static readonly PortalSite Site = PortalSite.Current;

        [Fact]
        public void Every_yaml_file_parses_and_every_record_id_is_unique()
        {
            var files = Directory.EnumerateFiles(RepoPaths.Portal, "*.yml", SearchOption.AllDirectories).ToList();
            Assert.NotEmpty(files);
            Assert.Equal(files.Count, Site.Files.Count);
            var ids = Site.Files.Values.SelectMany(r => r).Select(r => r["adx_" + PrimaryKeyFor(r.File)]).ToList();
            Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.All(ids, id => Assert.True(Guid.TryParse(id, out _), id + " is not a GUID"));
        }

        [Fact]
        [PolicyClause("C7")]
        public void Arabic_is_the_default_language_and_english_is_available()
        {
            var codes = Site.LanguageCodes;
            Assert.Equal("ar-SA", codes[Site.Website["adx_defaultlanguage"]]);
            Assert.Equal("1025", Site.Website["adx_website_language"]);
            Assert.Equal(new[] { "ar-SA", "en-US" }, codes.Values.OrderBy(c => c, StringComparer.Ordinal));
        }

        [Fact]
        public void Every_page_has_an_arabic_and_an_english_content_page_and_a_renderable_template()
        {
            var codes = Site.LanguageCodes;
            var roots = Site.Under("web-pages", ".webpage.yml").Where(p => p.Flag("adx_isroot")).ToList();
            var contentPages = Site.Under("web-pages", ".webpage.yml").Where(p => !p.Flag("adx_isroot")).ToList();
            var pageTemplates = Site.Under("page-templates", ".pagetemplate.yml").ToDictionary(t => t["adx_pagetemplateid"]);
            var webTemplates = Site.Under("web-templates", ".webtemplate.yml").ToDictionary(t => t["adx_webtemplateid"]);
            Assert.Equal(9, roots.Count);
            foreach (var root in roots)
            {
                var languages = contentPages.Where(c => c["adx_rootwebpageid"] == root["adx_webpageid"]).Select(c => codes[c["adx_webpagelanguageid"]]).OrderBy(c => c, StringComparer.Ordinal);
                Assert.Equal(new[] { "ar-SA", "en-US" }, languages);
                var pageTemplate = pageTemplates[root["adx_pagetemplateid"]];
                Assert.True(webTemplates.ContainsKey(pageTemplate["adx_webtemplateid"]), root["adx_name"]);
                Assert.False(pageTemplate.Flag("adx_usewebsiteheaderandfooter"));
                if (root.Get("adx_parentpageid") is string parent)
                {
                    Assert.Contains(roots, r => r["adx_webpageid"] == parent);
                }
            }

            Assert.True(webTemplates.ContainsKey(Site.Website["adx_headerwebtemplateid"]));
            Assert.True(webTemplates.ContainsKey(Site.Website["adx_footerwebtemplateid"]));
        }

        [Fact]
        public void Every_snippet_exists_in_both_languages_with_text()
        {
            var snippets = Site.Snippets;
            Assert.All(snippets.GroupBy(s => s.Name), g => Assert.Equal(new[] { "ar-SA", "en-US" }, g.Select(s => s.LanguageCode).OrderBy(c => c, StringComparer.Ordinal)));
            Assert.All(snippets, s => Assert.False(string.IsNullOrWhiteSpace(s.Value), s.Name + " " + s.LanguageCode));
            Assert.All(snippets.Where(s => s.LanguageCode == "ar-SA"), s => Assert.Matches("[\u0600-\u06FF]|^[0-9 ]+$", s.Value));
        }

        [Fact]
        public void Every_snippet_a_template_names_literally_exists()
        {
            var names = Site.Snippets.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
            var used = Site.WebTemplates.Values
                .SelectMany(source => System.Text.RegularExpressions.Regex.Matches(source, @"snippets\['([^']+)'\]").Select(m => m.Groups[1].Value))
                .Distinct()
                .ToList();
            Assert.NotEmpty(used);
            Assert.All(used, name => Assert.Contains(name, names));
        }

        [Fact]
        public void Option_and_status_snippets_match_the_solution_option_sets()
        {
            var optionSets = Path.Combine(RepoPaths.SolutionSrc, "OptionSets");
            var snippets = Site.Snippets.Where(s => s.Name.StartsWith("Taz/Option/", StringComparison.Ordinal) && s.LanguageCode == "en-US").ToList();
            Assert.NotEmpty(snippets);
            foreach (var group in snippets.GroupBy(s => s.Name.Split('/')[2]))
            {
                var file = Path.Combine(optionSets, group.Key + ".xml");
                Assert.True(File.Exists(file), "option set " + group.Key + " not in the solution");
                var arabic = System.Xml.Linq.XDocument.Load(file).Descendants("option").ToDictionary(
                    o => (string)o.Attribute("value")!,
                    o => o.Descendants("label").Where(l => (string?)l.Attribute("languagecode") == "1025").Select(l => (string)l.Attribute("description")!).Single());
                Assert.Equal(arabic.Keys.OrderBy(v => v, StringComparer.Ordinal), group.Select(s => s.Name.Split('/')[3]).OrderBy(v => v, StringComparer.Ordinal));
                foreach (var snippet in Site.Snippets.Where(s => s.LanguageCode == "ar-SA" && s.Name.StartsWith("Taz/Option/" + group.Key + "/", StringComparison.Ordinal)))
                {
                    Assert.Equal(arabic[snippet.Name.Split('/')[3]], snippet.Value);
                }
            }
        }

        private static string PrimaryKeyFor(string file) => file switch
        {
            _ when file.EndsWith(".tablepermission.yml", StringComparison.Ordinal) => "entitypermissionid",
            _ when file.EndsWith(".webpage.yml", StringComparison.Ordinal) => "webpageid",
            _ when file.EndsWith(".contentsnippet.yml", StringComparison.Ordinal) => "contentsnippetid",
            _ when file.EndsWith(".webtemplate.yml", StringComparison.Ordinal) => "webtemplateid",
            _ when file.EndsWith(".pagetemplate.yml", StringComparison.Ordinal) => "pagetemplateid",
            "webrole.yml" => "webroleid",
            "sitesetting.yml" => "sitesettingid",
            "websitelanguage.yml" => "websitelanguageid",
            "website.yml" => "websiteid",
            "publishingstate.yml" => "publishingstateid",
            ".portalconfig/portallanguage.yml" => "portallanguageid",
            _ => throw new InvalidOperationException("unknown record kind " + file),
        };
    }
}
