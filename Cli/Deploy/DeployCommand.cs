using System;
using System.CommandLine;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Taazeez.Crm.Cli.Deploy;

/// <summary>`taazeez deploy --url https://org.crm4.dynamics.com [--solution zip] [--client-id] [--tenant] [--client-secret-env NAME] [--access-token]`.</summary>
public static class DeployCommand
{
    public const string DefaultSecretVariable = "TAAZEEZ_CLIENT_SECRET";

    public static Command Create(CliContext context)
    {
        var url = new Option<string>("--url") { Description = "عنوان بيئة Dataverse | Dataverse environment URL", Required = true };
        var solution = new Option<string?>("--solution") { Description = "ملف الحل المحزوم | Solution zip (default: newest artifacts/solution/Taazeez_*.zip)" };
        var clientId = new Option<string>("--client-id") { Description = "معرف التطبيق | Entra ID application (client) id", DefaultValueFactory = _ => TokenProvider.DefaultPublicClientId };
        var tenant = new Option<string>("--tenant") { Description = "المستأجر | Entra ID tenant id or domain", DefaultValueFactory = _ => "organizations" };
        var secretVariable = new Option<string>("--client-secret-env") { Description = "متغير البيئة الذي يحمل السر | Environment variable holding the client secret (client-credentials flow)", DefaultValueFactory = _ => DefaultSecretVariable };
        var token = new Option<string?>("--access-token") { Description = "رمز وصول جاهز | Ready access token (skips MSAL; for tests and pipelines)" };
        var poll = new Option<int>("--poll-seconds") { Description = "فاصل متابعة المهمة | Seconds between import job polls", DefaultValueFactory = _ => 5 };
        var command = new Command("deploy", "استيراد الحل ونشره في بيئة Dataverse | Import and publish the solution in a Dataverse environment")
        {
            url, solution, clientId, tenant, secretVariable, token, poll,
        };
        command.SetAction((parse, cancellation) => RunAsync(context,
            parse.GetValue(url)!, parse.GetValue(solution), parse.GetValue(poll),
            new DeployCredentials(parse.GetValue(token), parse.GetValue(clientId)!, parse.GetValue(tenant)!,
                Environment.GetEnvironmentVariable(parse.GetValue(secretVariable)!)),
            cancellation));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, string url, string? solutionPath, int pollSeconds, DeployCredentials credentials, CancellationToken cancellation)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var environment) || (environment.Scheme != Uri.UriSchemeHttps && !environment.IsLoopback))
            throw new CliException($"عنوان البيئة غير صالح: {url} (يجب أن يبدأ بـ https://)", $"Invalid environment URL: {url} (must be https://)", ExitCodes.BadArguments);
        if (pollSeconds < 0)
            throw new CliException("فاصل المتابعة يجب ألا يكون سالبا", "--poll-seconds must not be negative", ExitCodes.BadArguments);
        var zipPath = solutionPath is null
            ? SolutionZip.FindLatest(RepoPaths.FindRoot(context.WorkingDirectory))
            : Path.GetFullPath(solutionPath, context.WorkingDirectory);
        var zip = SolutionZip.ReadValidated(zipPath);
        var accessToken = await TokenProvider.AcquireAsync(environment, credentials, context.Output.WriteLine, cancellation).ConfigureAwait(false);

        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(30) };
        var importer = new DataverseImporter(http, environment, accessToken, TimeSpan.FromSeconds(pollSeconds));
        ImportOutcome outcome;
        try
        {
            outcome = await importer.ImportAndPublishAsync(zip, context.Output.WriteLine, cancellation).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new CliException($"تعذر الاتصال بالبيئة {environment.Host}", $"Cannot reach {environment.Host}: {ex.Message}", ExitCodes.ImportFailed, ex);
        }
        context.Output.WriteLine($"تم استيراد {Path.GetFileName(zipPath)} ونشره في {environment.Host} خلال {outcome.Elapsed.TotalSeconds:0.0} ث | Imported and published {Path.GetFileName(zipPath)} to {environment.Host} in {outcome.Elapsed.TotalSeconds:0.0}s (import job {outcome.ImportJobId})");
        return ExitCodes.Ok;
    }
}
