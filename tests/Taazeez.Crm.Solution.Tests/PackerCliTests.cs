using System.IO;
using Taazeez.Crm.Packer;

namespace Taazeez.Crm.Solution.Tests
{
    public sealed class PackerCliTests : IClassFixture<PackerFixture>
    {
        private readonly PackerFixture _fixture;

        public PackerCliTests(PackerFixture fixture) { _fixture = fixture; }

        [Fact]
        public void Cli_packs_the_folder_into_the_named_zip()
        {
            var zip = Path.Combine(_fixture.Folder, "cli", SolutionPacker.ZipFileName("1.0.0.0"));
            var code = Program.Main(new[] { "--src", Repo.SolutionSrc, "--out", zip, "--version", "1.0.0.0", "--allow-missing-assemblies" });
            Assert.Equal(0, code);
            Assert.Equal("Taazeez_1.0.0.0.zip", Path.GetFileName(zip));
            Assert.Equal("1.0.0.0", SolutionPackage.Read(zip).Version);
        }

        [Fact]
        public void Cli_rejects_unknown_options_and_reports_pack_failures()
        {
            Assert.Equal(2, Program.Main(new[] { "--no-such-option" }));
            Assert.Equal(1, Program.Main(new[] { "--src", Path.Combine(_fixture.Folder, "does-not-exist"), "--out", Path.Combine(_fixture.Folder, "x.zip") }));
        }
    }
}
