using System.IO;
using System.Linq;
using Taazeez.Crm.Cli.Trace;
using Taazeez.Crm.Tests;

namespace Taazeez.Crm.Cli.Tests;

public sealed class TraceCommandTests
{
    private static readonly string[] AllIds = PolicyCatalog.Clauses.Select(c => c.Id).ToArray();

    private const string ChannelXml = """
        <optionset Name="taz_channel"><options>
          <option value="826000001"><labels>
            <label description="المقابلة" languagecode="1025" />
            <label description="C1 In-person interview" languagecode="1033" />
          </labels></option>
        </options></optionset>
        """;

    // Preamble ids (context, not traced) so this sample never counts as evidence for a G/C/T/S clause.
    [PolicyClause("P1", "P2")]
    private sealed class MarkedSample;

    [Fact]
    public void Attribute_reader_finds_params_string_ids_on_this_test_method()
    {
        var markers = PolicyAttributeReader.Read(typeof(TraceCommandTests).Assembly.Location);
        var sample = Assert.Single(markers, m => m.Member == "Taazeez.Crm.Cli.Tests.TraceCommandTests+MarkedSample");
        Assert.Equal(new[] { "P1", "P2" }, sample.ClauseIds);
        Assert.False(sample.IsMethod);
        Assert.Equal("Taazeez.Crm.Cli.Tests", sample.Assembly);
    }

    [Fact]
    public void Solution_scanner_names_the_option_value_from_the_English_label()
    {
        using var repo = new FakeRepository();
        repo.WriteSolutionFile("OptionSets/taz_channel.xml", ChannelXml);
        var mention = Assert.Single(SolutionClauseScanner.Scan(Path.Combine(repo.Root, "Solution", "src")));
        Assert.Equal("C1", mention.ClauseId);
        Assert.Equal("OptionSets/taz_channel.xml (taz_channel) › option value=826000001", mention.Component);
    }

    [Fact]
    public void Portal_scanner_counts_only_Implements_comments_and_only_the_ids_before_the_colon()
    {
        using var repo = new FakeRepository();
        var folder = Path.Combine(repo.Root, "Portal", "web-templates", "taz-home");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "Taz-Home.webtemplate.source.html"), """
            {% comment %}Implements G6a, C7: the FAQ; unlike S5 this names only what it does{% endcomment %}
            {% comment %}Table permissions mention G4 but claim nothing{% endcomment %}
            <p>{{ snippets['Taz/Home/Intro'] }}</p>
            """);
        var mentions = PortalClauseScanner.Scan(Path.Combine(repo.Root, "Portal"));
        Assert.Equal(new[] { "C7", "G6a" }, mentions.Select(m => m.ClauseId));
        Assert.All(mentions, m => Assert.Equal("web-templates/taz-home", m.Component));
    }

    [Fact]
    public void Check_passes_and_writes_the_matrix_when_every_clause_has_a_component_and_a_test()
    {
        using var repo = new FakeRepository();
        repo.WriteSolutionFile("OptionSets/taz_channel.xml", ChannelXml);
        repo.WritePlugins(("Everything", AllIds.Where(id => id != "C1").ToArray()));
        repo.WriteTests(("Covers_all", AllIds));

        var (exit, output, error) = CliRunner.Run(repo.Root, "trace", "--check");

        Assert.True(exit == 0, error);
        var markdown = File.ReadAllText(Path.Combine(repo.Root, "docs", "policy-traceability.md"));
        Assert.Contains("| C1 | المقابلة | In-person interview | 1 | 1 | ✅", markdown);
        Assert.Contains("Solution: OptionSets/taz_channel.xml", markdown);
        Assert.Contains("Fake.Tests: `Fake.Tests.RuleTests.Covers_all`", markdown);
        Assert.Contains("policy-traceability.md", output);
    }

    [Fact]
    public void Check_fails_listing_each_clause_without_a_component_or_a_test()
    {
        using var repo = new FakeRepository();
        repo.WritePlugins(("Most", AllIds.Where(id => id != "S5").ToArray()));
        repo.WriteTests(("Most_tests", AllIds.Where(id => id != "G6b" && id != "S5").ToArray()));

        var (exit, _, error) = CliRunner.Run(repo.Root, "trace", "--check");

        Assert.Equal(ExitCodes.TraceGaps, exit);
        Assert.Contains("S5: لا مكون ولا اختبار | no component and no test", error);
        Assert.Contains("G6b: لا اختبار | no test", error);
        Assert.DoesNotContain("S4:", error);
        Assert.Contains("Error: 2 clause(s) not fully traced", error);
    }

    [Fact]
    public void A_part_of_G6_counts_for_G6_but_G6_does_not_count_for_its_parts()
    {
        using var repo = new FakeRepository();
        repo.WritePlugins(("Most", AllIds.Where(id => id is not ("G6" or "G6a")).ToArray()));
        repo.WriteTests(("Most_tests", AllIds.Where(id => id != "G6").ToArray()));

        var (exit, _, error) = CliRunner.Run(repo.Root, "trace", "--check");

        Assert.Equal(ExitCodes.TraceGaps, exit);
        Assert.DoesNotContain("G6:", error);
        Assert.Contains("G6a: لا مكون | no component", error);
        Assert.Contains("Error: 1 clause(s) not fully traced", error);
        Assert.Contains("(via G6b)", File.ReadAllText(Path.Combine(repo.Root, "docs", "policy-traceability.md")));
    }

    [Fact]
    public void Without_check_the_matrix_is_written_and_gaps_do_not_fail()
    {
        using var repo = new FakeRepository();
        repo.WriteTests(("Only_tests", new[] { "S1" }));
        var (exit, _, _) = CliRunner.Run(repo.Root, "trace");
        Assert.Equal(0, exit);
        Assert.Contains("**none / لا يوجد**", File.ReadAllText(Path.Combine(repo.Root, "docs", "policy-traceability.md")));
    }

    [Fact]
    public void Unknown_clause_ids_fail_the_check()
    {
        using var repo = new FakeRepository();
        repo.WritePlugins(("All", AllIds));
        repo.WriteTests(("All_tests", AllIds.Append("S8").ToArray()));
        var (exit, _, error) = CliRunner.Run(repo.Root, "trace", "--check");
        Assert.Equal(ExitCodes.TraceGaps, exit);
        Assert.Contains("unknown clause id: Fake.Tests.RuleTests.All_tests: \"S8\"", error);
    }

    [Fact]
    public void Bad_configuration_is_a_bilingual_argument_error()
    {
        using var repo = new FakeRepository();
        var (exit, _, error) = CliRunner.Run(repo.Root, "trace", "--configuration", "Fast");
        Assert.Equal(ExitCodes.BadArguments, exit);
        Assert.Contains("خطأ في الوسائط", error);
        Assert.Contains("Error: invalid arguments", error);
    }

    [Fact]
    public void Unreadable_solution_xml_is_reported_with_its_own_exit_code()
    {
        using var repo = new FakeRepository();
        repo.WriteTests(("T", new[] { "S1" }));
        repo.WriteSolutionFile("Other/Solution.xml", "<ImportExportXml><broken>");
        var (exit, _, error) = CliRunner.Run(repo.Root, "trace");
        Assert.Equal(ExitCodes.UnreadableSolution, exit);
        Assert.StartsWith("خطأ: تعذرت قراءة ملف الحل", error);
        Assert.Contains("| Error: Unreadable solution file", error);
    }

    [Fact]
    public void Missing_test_assemblies_tell_the_user_to_build_first()
    {
        using var repo = new FakeRepository();
        var (exit, _, error) = CliRunner.Run(repo.Root, "trace");
        Assert.Equal(ExitCodes.BadArguments, exit);
        Assert.Contains("run dotnet build -c Release first", error);
    }
}
