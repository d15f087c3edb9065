using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace Taazeez.Crm.Solution.Tests
{
    /// <summary>
    /// The six custom APIs reach Dataverse through their customapis folder, in the layout Microsoft documents for solution files
    /// (customapis/&lt;uniquename&gt;/customapi.xml, customapirequestparameters/&lt;name&gt;/customapirequestparameter.xml,
    /// customapiresponseproperties/&lt;name&gt;/customapiresponseproperty.xml), and have no RootComponent line (docs/contracts.md).
    /// </summary>
    public sealed class CustomApiSolutionTests : IClassFixture<PackerFixture>
    {
        private static readonly string Folder = Path.Combine(Repo.SolutionSrc, "customapis");
        private readonly PackerFixture _fixture;

        public CustomApiSolutionTests(PackerFixture fixture) { _fixture = fixture; }

        private static string[] Apis() => Directory.GetDirectories(Folder).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray()!;

        [Fact]
        public void Every_custom_api_folder_is_in_the_documented_layout()
        {
            Assert.Equal(new[] { "taz_ComputeCommitteeDueDate", "taz_CreateSatisfactionSurvey", "taz_EscalateOverdueRequests", "taz_NotifyBeneficiary", "taz_ReferToResearcher", "taz_SendSurveyReminders" }, Apis());
            foreach (var name in Apis())
            {
                var api = XDocument.Load(Path.Combine(Folder, name, "customapi.xml")).Root!;
                Assert.Equal("customapi", api.Name.LocalName);
                Assert.Equal(name, api.Attribute("uniquename")!.Value);
                Assert.Equal(name, api.Element("name")!.Value);
                foreach (var (sub, file, root) in new[] { ("customapirequestparameters", "customapirequestparameter.xml", "customapirequestparameter"), ("customapiresponseproperties", "customapiresponseproperty.xml", "customapiresponseproperty") })
                {
                    var parts = Path.Combine(Folder, name, sub);
                    if (!Directory.Exists(parts)) continue;
                    foreach (var dir in Directory.GetDirectories(parts))
                    {
                        Assert.Equal(new[] { file }, Directory.GetFiles(dir).Select(Path.GetFileName));
                        var part = XDocument.Load(Path.Combine(dir, file)).Root!;
                        Assert.Equal(root, part.Name.LocalName);
                        Assert.Equal(Path.GetFileName(dir), part.Attribute("uniquename")!.Value);
                        Assert.Equal($"{name}.{Path.GetFileName(dir)}", part.Element("name")!.Value);
                        if (root == "customapiresponseproperty") Assert.Null(part.Element("isoptional")); // not valid on a response property: import fails
                    }
                }
                // Nothing else in the folder: anything the documented layout does not name would be ignored by import.
                Assert.All(Directory.GetFiles(Path.Combine(Folder, name), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Path.Combine(Folder, name), f).Replace('\\', '/')),
                    f => Assert.Matches("^(customapi\\.xml|customapirequestparameters/[^/]+/customapirequestparameter\\.xml|customapiresponseproperties/[^/]+/customapiresponseproperty\\.xml)$", f));
            }
        }

        [Fact]
        public void The_zip_holds_every_custom_api_file_byte_for_byte_under_customapis()
        {
            var files = Directory.GetFiles(Folder, "*", SearchOption.AllDirectories);
            Assert.True(files.Length == 6 + 8 + 10, $"only {files.Length} custom API files");
            foreach (var file in files)
            {
                var entry = Path.GetRelativePath(Repo.SolutionSrc, file).Replace('\\', '/');
                Assert.StartsWith("customapis/", entry, StringComparison.Ordinal);
                Assert.True(_fixture.Package.Entries.TryGetValue(entry, out var bytes), entry + " is not in the zip");
                Assert.Equal(File.ReadAllBytes(file), bytes);
            }
            var components = _fixture.Package.Components();
            Assert.All(Apis(), name => Assert.Contains("CustomApi:" + name, components));
            Assert.Contains("CustomApiPart:taz_NotifyBeneficiary/customapirequestparameters/Beneficiary", components);
            Assert.Contains("CustomApiPart:taz_ComputeCommitteeDueDate/customapiresponseproperties/HijriDueDate", components);
        }

        [Fact]
        public void Custom_apis_have_no_root_component_line()
        {
            // Their component type code is the organization's code for the customapi table (it differs between environments);
            // a guessed code fails the import, and import creates them from the folder without one.
            var solution = XDocument.Load(Path.Combine(Repo.SolutionSrc, "Other", "Solution.xml"));
            var names = Apis().ToHashSet(StringComparer.OrdinalIgnoreCase);
            Assert.DoesNotContain(solution.Descendants("RootComponent"), r => names.Contains(r.Attribute("schemaName")?.Value ?? ""));
            Assert.DoesNotContain(solution.Descendants("RootComponent"), r => int.Parse(r.Attribute("type")!.Value) >= 10000);
            Assert.DoesNotContain(_fixture.Package.Components(), c => c.StartsWith("RootComponent:", StringComparison.Ordinal) && names.Any(n => c.EndsWith(":" + n, StringComparison.OrdinalIgnoreCase)));
        }
    }
}
