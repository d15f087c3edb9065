using System.Linq;

namespace Taazeez.Crm.Cli.Tests;

public sealed class RootCommandTests
{
    [Fact]
    public void Help_lists_every_command_with_bilingual_descriptions()
    {
        using var repo = new FakeRepository();
        var (exit, output, _) = CliRunner.Run(repo.Root, "--help");
        Assert.Equal(0, exit);
        foreach (var command in new[] { "trace", "pack", "deploy" }) Assert.Contains(command, output);
        Assert.Contains("حزم الحل", output);
        Assert.Contains("Write the policy traceability matrix", output);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("trace", "--no-such-option")]
    public void Unknown_commands_and_options_give_one_bilingual_line_per_error_and_exit_2(params string[] args)
    {
        using var repo = new FakeRepository();
        var (exit, output, error) = CliRunner.Run(repo.Root, args);
        Assert.Equal(ExitCodes.BadArguments, exit);
        var lines = error.Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, l => Assert.Matches("^خطأ في الوسائط: .+ \\| Error: invalid arguments: .+", l));
        Assert.Contains(lines, l => l.Contains(args.Last(), System.StringComparison.Ordinal));
        Assert.Equal("", output);
    }
}
