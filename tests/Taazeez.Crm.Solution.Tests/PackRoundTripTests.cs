using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Taazeez.Crm.Packer;

namespace Taazeez.Crm.Solution.Tests
{
    public sealed class PackRoundTripTests : IClassFixture<PackerFixture>
    {
        private readonly PackerFixture _fixture;

        public PackRoundTripTests(PackerFixture fixture) { _fixture = fixture; }

        [Fact]
        public void Zip_holds_the_same_components_as_the_folder()
        {
            var folder = SolutionComponents.FromFolder(Repo.SolutionSrc);
            var zip = _fixture.Package.Components();
            // Assemblies that were not built are skipped by design; everything else must survive the round trip.
            var skippedTypes = folder.Where(c => c.StartsWith("PluginAssembly:", StringComparison.Ordinal) || c.StartsWith("PluginType:", StringComparison.Ordinal))
                .Where(c => !zip.Contains(c) && _fixture.Result.SkippedAssemblies.Count > 0).ToHashSet();
            var missing = folder.Except(zip).Except(skippedTypes).ToList();
            var extra = zip.Except(folder).ToList();
            Assert.True(missing.Count == 0 && extra.Count == 0,
                $"missing from zip: {string.Join(", ", missing)}\nonly in zip: {string.Join(", ", extra)}");
            Assert.Contains("Entity:taz_supportrequest", zip);
            Assert.Contains("EnvironmentVariable:taz_CommitteeResponsePeriodDays", zip);
            foreach (var table in zip.Where(c => c.StartsWith("Entity:taz_", StringComparison.Ordinal)).Select(c => c["Entity:".Length..]))
                Assert.Contains(zip, c => c.StartsWith($"Form:{table}:main:", StringComparison.Ordinal));
        }

        [Fact]
        public void Every_file_under_the_solution_folder_is_packed()
        {
            // A component kind the packer does not know would otherwise vanish from the zip without a word.
            Assert.True(_fixture.Result.UnpackedFiles.Count == 0, "not packed: " + string.Join(", ", _fixture.Result.UnpackedFiles));
        }

        [Fact]
        public void An_unknown_file_is_reported_as_not_packed()
        {
            var copy = Path.Combine(_fixture.Folder, "src-unknown");
            CopyDirectory(Repo.SolutionSrc, copy);
            Directory.CreateDirectory(Path.Combine(copy, "Formulas"));
            File.WriteAllText(Path.Combine(copy, "Formulas", "taz_x-FormulaDefinitions.yaml"), "x: 1");
            var result = SolutionPacker.Pack(copy, Path.Combine(_fixture.Folder, "unknown.zip"), new PackOptions { AllowMissingAssemblies = true });
            Assert.Equal(new[] { "Formulas/taz_x-FormulaDefinitions.yaml" }, result.UnpackedFiles);
        }

        [Fact]
        public void Zip_starts_with_content_types_customizations_and_solution_then_sorted_entries()
        {
            var order = _fixture.Package.EntryOrder;
            Assert.Equal(new[] { "[Content_Types].xml", "customizations.xml", "solution.xml" }, order.Take(3));
            var rest = order.Skip(3).ToList();
            Assert.Equal(rest.OrderBy(e => e, StringComparer.Ordinal), rest);
            var types = XDocument.Parse(System.Text.Encoding.UTF8.GetString(_fixture.Package.Entries["[Content_Types].xml"]));
            var declared = types.Root!.Elements().Select(e => e.Attribute("Extension")!.Value).ToHashSet();
            foreach (var entry in order)
                Assert.Contains(Path.GetExtension(entry).TrimStart('.').ToLowerInvariant(), declared);
        }

        [Fact]
        public void Loose_files_are_copied_byte_for_byte_where_their_data_xml_says()
        {
            var checkedFiles = 0;
            foreach (var data in Directory.GetFiles(Path.Combine(Repo.SolutionSrc, "Workflows"), "*.xaml.data.xml"))
            {
                var declared = XDocument.Load(data).Root!.Element("XamlFileName")!.Value.TrimStart('/');
                Assert.Equal(File.ReadAllBytes(data[..^".data.xml".Length]), _fixture.Package.Entries[declared]);
                checkedFiles++;
            }
            var webResources = Path.Combine(Repo.SolutionSrc, "WebResources");
            if (Directory.Exists(webResources))
                foreach (var data in Directory.GetFiles(webResources, "*.data.xml", SearchOption.AllDirectories))
                {
                    var declared = XDocument.Load(data).Root!.Element("FileName")!.Value.TrimStart('/');
                    Assert.Equal(File.ReadAllBytes(data[..^".data.xml".Length]), _fixture.Package.Entries[declared]);
                    checkedFiles++;
                }
            foreach (var file in Directory.GetFiles(Path.Combine(Repo.SolutionSrc, "environmentvariabledefinitions"), "*", SearchOption.AllDirectories))
            {
                Assert.Equal(File.ReadAllBytes(file), _fixture.Package.Entries[Path.GetRelativePath(Repo.SolutionSrc, file).Replace('\\', '/')]);
                checkedFiles++;
            }
            Assert.True(checkedFiles >= 8);
        }

        [Fact]
        public void Packing_twice_gives_identical_bytes()
        {
            var second = Path.Combine(_fixture.Folder, "again.zip");
            var options = PackOptions.ForConfiguration("Release");
            options.AssemblyFolders.Add("Plugins/bin/Debug/net462");
            options.AssemblyFolders.Add("WorkflowActivities/bin/Debug/net462");
            options.AllowMissingAssemblies = true;
            SolutionPacker.Pack(Repo.SolutionSrc, second, options);
            Assert.Equal(File.ReadAllBytes(_fixture.ZipPath), File.ReadAllBytes(second));
        }

        [Fact]
        public void Requested_version_is_stamped_into_solution_xml()
        {
            var zip = Path.Combine(_fixture.Folder, "versioned.zip");
            var options = new PackOptions { Version = "1.2.3.4", AllowMissingAssemblies = true };
            var result = SolutionPacker.Pack(Repo.SolutionSrc, zip, options);
            Assert.Equal("1.2.3.4", result.Version);
            Assert.Equal("1.2.3.4", SolutionPackage.Read(zip).Version);
            Assert.Throws<PackException>(() => SolutionPacker.Pack(Repo.SolutionSrc, zip, new PackOptions { Version = "one", AllowMissingAssemblies = true }));
        }

        [Fact]
        public void A_registered_assembly_that_was_not_built_fails_the_pack_unless_allowed()
        {
            // Copy the folder and register an assembly that no build produces.
            var copy = Path.Combine(_fixture.Folder, "src-copy");
            CopyDirectory(Repo.SolutionSrc, copy);
            var folder = Path.Combine(copy, "PluginAssemblies", "Missing.Assembly-00000000-0000-0000-0000-000000000001");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "Missing.Assembly.dll.data.xml"),
                "<PluginAssembly FullName=\"Missing.Assembly, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null\" PluginAssemblyId=\"00000000-0000-0000-0000-000000000001\"><FileName>/PluginAssemblies/Missing.Assembly-00000000-0000-0000-0000-000000000001/Missing.Assembly.dll</FileName></PluginAssembly>");
            var zip = Path.Combine(_fixture.Folder, "missing.zip");
            var ex = Assert.Throws<PackException>(() => SolutionPacker.Pack(copy, zip, new PackOptions()));
            Assert.Contains("Missing.Assembly.dll", ex.Message);
            var result = SolutionPacker.Pack(copy, zip, new PackOptions { AllowMissingAssemblies = true });
            Assert.Contains("Missing.Assembly.dll", result.SkippedAssemblies);
        }

        [Fact]
        public void A_built_assembly_is_packed_at_the_path_its_data_xml_declares()
        {
            var copy = Path.Combine(_fixture.Folder, "src-with-dll");
            CopyDirectory(Repo.SolutionSrc, copy);
            var folder = Path.Combine(copy, "PluginAssemblies", "Fake.Plugins-00000000-0000-0000-0000-000000000002");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "Fake.Plugins.dll.data.xml"),
                "<PluginAssembly FullName=\"Fake.Plugins, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null\" PluginAssemblyId=\"00000000-0000-0000-0000-000000000002\"><FileName>/PluginAssemblies/Fake.Plugins-00000000-0000-0000-0000-000000000002/Fake.Plugins.dll</FileName><PluginTypes><PluginType Name=\"Fake.Plugins.Step\" /></PluginTypes></PluginAssembly>");
            var bin = Path.Combine(_fixture.Folder, "fake-bin");
            Directory.CreateDirectory(bin);
            var dll = new byte[] { 0x4d, 0x5a, 1, 2, 3 };
            File.WriteAllBytes(Path.Combine(bin, "Fake.Plugins.dll"), dll);
            var options = new PackOptions { AllowMissingAssemblies = true };
            options.AssemblyFolders.Add(bin);
            var zip = Path.Combine(_fixture.Folder, "withdll.zip");
            SolutionPacker.Pack(copy, zip, options);
            var package = SolutionPackage.Read(zip);
            Assert.Equal(dll, package.Entries["PluginAssemblies/Fake.Plugins-00000000-0000-0000-0000-000000000002/Fake.Plugins.dll"]);
            Assert.Contains("PluginType:Fake.Plugins.Step", package.Components());
        }

        [Fact]
        public void Solution_version_agrees_with_TaazeezVersion_in_Directory_Build_props()
        {
            var props = File.ReadAllText(Path.Combine(Repo.Root, "Directory.Build.props"));
            var match = Regex.Match(props, @"<TaazeezVersion>([^<]+)</TaazeezVersion>");
            Assert.True(match.Success, "Directory.Build.props defines TaazeezVersion");
            Assert.Equal(match.Groups[1].Value.Trim(), SolutionPacker.ReadVersion(Repo.SolutionSrc));
            Assert.Equal("Taazeez", _fixture.Package.UniqueName);
        }

        private static void CopyDirectory(string from, string to)
        {
            foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
                Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
            Directory.CreateDirectory(to);
            foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
                File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
        }
    }
}
