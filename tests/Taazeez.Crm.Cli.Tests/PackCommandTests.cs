using System;
using System.IO;
using System.IO.Compression;
using System.Linq;

namespace Taazeez.Crm.Cli.Tests;

public sealed class PackCommandTests
{
    [Fact]
    public void Packs_the_repository_solution_and_prints_path_and_component_table()
    {
        var root = RepoPaths.FindRoot(AppContext.BaseDirectory);
        var zip = Path.Combine(Path.GetTempPath(), $"taazeez-pack-{Guid.NewGuid():N}.zip");
        try
        {
            // --no-build: the plugin builds are covered by their own projects; this checks the CLI ↔ packer wiring.
            var (exit, output, error) = CliRunner.Run(root, "pack", "--no-build", "--allow-missing-assemblies", "--out", zip);

            Assert.True(exit == 0, error);
            Assert.Contains($"Packed solution (version", output);
            Assert.Contains(zip, output);
            Assert.Contains("Entity", output);
            Assert.Contains("OptionSet", output);
            Assert.Contains("المجموع | Total", output);
            using var archive = ZipFile.OpenRead(zip);
            Assert.Contains(archive.Entries, e => e.FullName == "solution.xml");
            Assert.Contains(archive.Entries, e => e.FullName == "customizations.xml");
        }
        finally
        {
            File.Delete(zip);
        }
    }

    [Fact]
    public void An_unknown_configuration_is_an_argument_error()
    {
        using var repo = new FakeRepository();
        var (exit, _, error) = CliRunner.Run(repo.Root, "pack", "--no-build", "-c", "Fast");
        Assert.Equal(ExitCodes.BadArguments, exit);
        Assert.Contains("Error: invalid arguments", error);
    }

    [Fact]
    public void A_solution_folder_without_Solution_xml_is_an_unreadable_solution()
    {
        using var repo = new FakeRepository();
        var (exit, _, error) = CliRunner.Run(repo.Root, "pack", "--no-build");
        Assert.Equal(ExitCodes.UnreadableSolution, exit);
        Assert.StartsWith("خطأ: تعذر حزم الحل", error);
        Assert.Contains("| Error: Cannot pack the solution", error);
        Assert.False(Directory.Exists(Path.Combine(repo.Root, "artifacts")));
    }
}
