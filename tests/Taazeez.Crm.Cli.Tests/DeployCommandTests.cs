using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json.Nodes;

namespace Taazeez.Crm.Cli.Tests;

public sealed class DeployCommandTests
{
    private static string WriteSolutionZip(FakeRepository repo, bool valid = true)
    {
        var folder = Path.Combine(repo.Root, "artifacts", "solution");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "Taazeez_1_0_0_0.zip");
        using (var archive = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            foreach (var name in valid ? new[] { "solution.xml", "customizations.xml", "[Content_Types].xml" } : new[] { "readme.txt" })
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open());
                writer.Write($"<{Path.GetFileNameWithoutExtension(name).Trim('[', ']')} />");
            }
        }
        return path;
    }

    [Fact]
    public void Imports_polls_the_job_then_publishes_with_the_bearer_token()
    {
        using var repo = new FakeRepository();
        var zip = WriteSolutionZip(repo);
        using var stub = new DataverseStub();

        var (exit, output, error) = CliRunner.Run(repo.Root, "deploy", "--url", stub.Url, "--access-token", "stub-token", "--poll-seconds", "0");

        Assert.True(exit == 0, error);
        var requests = stub.RequestList;
        Assert.Equal(new[] { "POST /api/data/v9.2/ImportSolution", "GET", "GET", "POST /api/data/v9.2/PublishAllXml" },
            requests.Select(r => r.Method == "GET" ? "GET" : $"{r.Method} {r.Path}"));
        Assert.All(requests, r => Assert.Equal("Bearer stub-token", r.Authorization));
        var body = JsonNode.Parse(requests[0].Body)!;
        Assert.Equal(File.ReadAllBytes(zip), Convert.FromBase64String(body["CustomizationFile"]!.GetValue<string>()));
        Assert.True(body["PublishWorkflows"]!.GetValue<bool>());
        Assert.True(body["OverwriteUnmanagedCustomizations"]!.GetValue<bool>());
        var jobId = Guid.Parse(body["ImportJobId"]!.GetValue<string>());
        Assert.StartsWith($"/api/data/v9.2/importjobs({jobId})", requests[1].Path);
        Assert.Contains("Imported and published Taazeez_1_0_0_0.zip", output);
        Assert.Contains("تم استيراد", output);
    }

    [Fact]
    public void A_rejected_import_exits_non_zero_with_the_server_message_and_does_not_publish()
    {
        using var repo = new FakeRepository();
        WriteSolutionZip(repo);
        using var stub = new DataverseStub { FailImport = true };

        var (exit, _, error) = CliRunner.Run(repo.Root, "deploy", "--url", stub.Url, "--access-token", "t", "--poll-seconds", "0");

        Assert.Equal(ExitCodes.ImportFailed, exit);
        Assert.Contains("رفضت البيئة الاستيراد", error);
        Assert.Contains("Error: the environment rejected the import: HTTP 400: The import file is invalid. XSD validation failed", error);
        Assert.DoesNotContain(stub.RequestList, r => r.Path.Contains("PublishAllXml", StringComparison.Ordinal));
    }

    [Fact]
    public void A_failed_import_job_exits_non_zero_with_the_job_error_text()
    {
        using var repo = new FakeRepository();
        WriteSolutionZip(repo);
        using var stub = new DataverseStub { FailJob = true };

        var (exit, _, error) = CliRunner.Run(repo.Root, "deploy", "--url", stub.Url, "--access-token", "t", "--poll-seconds", "0");

        Assert.Equal(ExitCodes.ImportFailed, exit);
        Assert.Contains("import job reports failure: Plugin assembly is not signed", error);
        Assert.DoesNotContain(stub.RequestList, r => r.Path.Contains("PublishAllXml", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("http://contoso.crm4.dynamics.com")]
    public void An_invalid_or_insecure_url_is_a_bilingual_argument_error(string url)
    {
        using var repo = new FakeRepository();
        WriteSolutionZip(repo);
        var (exit, _, error) = CliRunner.Run(repo.Root, "deploy", "--url", url, "--access-token", "t");
        Assert.Equal(ExitCodes.BadArguments, exit);
        Assert.Contains("عنوان البيئة غير صالح", error);
        Assert.Contains("Invalid environment URL", error);
    }

    [Fact]
    public void Missing_url_option_is_an_argument_error()
    {
        using var repo = new FakeRepository();
        var (exit, _, error) = CliRunner.Run(repo.Root, "deploy");
        Assert.Equal(ExitCodes.BadArguments, exit);
        Assert.Contains("--url", error);
    }

    [Fact]
    public void A_zip_without_solution_xml_is_an_unreadable_solution_and_nothing_is_sent()
    {
        using var repo = new FakeRepository();
        WriteSolutionZip(repo, valid: false);
        using var stub = new DataverseStub();
        var (exit, _, error) = CliRunner.Run(repo.Root, "deploy", "--url", stub.Url, "--access-token", "t");
        Assert.Equal(ExitCodes.UnreadableSolution, exit);
        Assert.Contains("has no solution.xml", error);
        Assert.Empty(stub.RequestList);
    }

    [Fact]
    public void No_packed_solution_tells_the_user_to_pack_first()
    {
        using var repo = new FakeRepository();
        var (exit, _, error) = CliRunner.Run(repo.Root, "deploy", "--url", "https://contoso.crm4.dynamics.com", "--access-token", "t");
        Assert.Equal(ExitCodes.UnreadableSolution, exit);
        Assert.Contains("run taazeez pack first", error);
    }
}
