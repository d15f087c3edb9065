using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Taazeez.Crm.Cli.Deploy;

/// <summary>What happened during an import, for the summary line.</summary>
public sealed record ImportOutcome(Guid ImportJobId, double Progress, TimeSpan Elapsed);

/// <summary>
/// Imports a solution through the Dataverse Web API: ImportSolution (synchronous action, with our ImportJobId so
/// the job can be read back), then importjobs(id) until it reports completion, then PublishAllXml.
/// </summary>
public sealed class DataverseImporter
{
    private readonly HttpClient http;
    private readonly Uri api;
    private readonly TimeSpan pollInterval;
    private readonly TimeSpan timeout;

    public DataverseImporter(HttpClient http, Uri environmentUrl, string accessToken, TimeSpan? pollInterval = null, TimeSpan? timeout = null)
    {
        this.http = http;
        api = new Uri(environmentUrl.GetLeftPart(UriPartial.Authority) + "/api/data/v9.2/");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        http.DefaultRequestHeaders.Add("OData-MaxVersion", "4.0");
        http.DefaultRequestHeaders.Add("OData-Version", "4.0");
        this.pollInterval = pollInterval ?? TimeSpan.FromSeconds(5);
        this.timeout = timeout ?? TimeSpan.FromMinutes(30);
    }

    public async Task<ImportOutcome> ImportAndPublishAsync(byte[] solutionZip, Action<string> progress, CancellationToken cancellation = default)
    {
        var started = DateTime.UtcNow;
        var jobId = Guid.NewGuid();
        var body = new JsonObject
        {
            ["OverwriteUnmanagedCustomizations"] = true,
            ["PublishWorkflows"] = true,
            ["CustomizationFile"] = Convert.ToBase64String(solutionZip),
            ["ImportJobId"] = jobId.ToString(),
        };
        progress($"استيراد الحل (مهمة {jobId}) | Importing solution (job {jobId})");
        using (var response = await PostAsync("ImportSolution", body, cancellation).ConfigureAwait(false))
        {
            if (!response.IsSuccessStatusCode)
            {
                var detail = await ErrorTextAsync(response, cancellation).ConfigureAwait(false);
                throw Failed($"رفضت البيئة الاستيراد: {detail}", $"the environment rejected the import: {detail}");
            }
        }

        var deadline = DateTime.UtcNow + timeout;
        double percent;
        while (true)
        {
            var job = await GetJobAsync(jobId, cancellation).ConfigureAwait(false);
            percent = job?["progress"]?.GetValue<double>() ?? 0;
            var data = job?["data"]?.GetValue<string>() ?? "";
            if (data.Contains("result=\"failure\"", StringComparison.Ordinal))
                throw Failed($"فشل الاستيراد حسب سجل المهمة: {FailureText(data)}", $"import job reports failure: {FailureText(data)}");
            if (job?["completedon"] is JsonValue) break;
            if (DateTime.UtcNow > deadline)
                throw Failed("انتهت مهلة انتظار الاستيراد", $"import did not complete within {timeout}");
            progress($"التقدم {percent:0}% | Progress {percent:0}%");
            await Task.Delay(pollInterval, cancellation).ConfigureAwait(false);
        }

        progress("نشر التخصيصات | Publishing customizations (PublishAllXml)");
        using (var publish = await PostAsync("PublishAllXml", new JsonObject(), cancellation).ConfigureAwait(false))
        {
            if (!publish.IsSuccessStatusCode)
            {
                var detail = await ErrorTextAsync(publish, cancellation).ConfigureAwait(false);
                throw Failed($"فشل النشر: {detail}", $"PublishAllXml failed: {detail}");
            }
        }
        return new ImportOutcome(jobId, percent, DateTime.UtcNow - started);
    }

    private async Task<JsonNode?> GetJobAsync(Guid jobId, CancellationToken cancellation)
    {
        using var response = await http.GetAsync(new Uri(api, $"importjobs({jobId})?$select=progress,completedon,data"), cancellation).ConfigureAwait(false);
        // The job row appears a moment after the synchronous action returns on busy environments.
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return null;
        if (!response.IsSuccessStatusCode)
        {
            var detail = await ErrorTextAsync(response, cancellation).ConfigureAwait(false);
            throw Failed($"تعذرت قراءة مهمة الاستيراد: {detail}", $"cannot read the import job: {detail}");
        }
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false));
    }

    private Task<HttpResponseMessage> PostAsync(string action, JsonObject body, CancellationToken cancellation) =>
        http.PostAsync(new Uri(api, action), new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), cancellation);

    private static async Task<string> ErrorTextAsync(HttpResponseMessage response, CancellationToken cancellation)
    {
        var text = await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false);
        try
        {
            var message = JsonNode.Parse(text)?["error"]?["message"]?.GetValue<string>();
            if (!string.IsNullOrWhiteSpace(message)) return $"HTTP {(int)response.StatusCode}: {message}";
        }
        catch (JsonException)
        {
            // Not OData JSON (proxy page, empty body): show the status and the start of the body.
        }
        var shortText = text.Length > 200 ? text[..200] : text;
        return $"HTTP {(int)response.StatusCode} {response.ReasonPhrase} {shortText}".Trim();
    }

    private static string FailureText(string data)
    {
        const string marker = "errortext=\"";
        var failure = data.IndexOf("result=\"failure\"", StringComparison.Ordinal);
        var elementStart = failure < 0 ? 0 : Math.Max(0, data.LastIndexOf('<', failure));
        var start = data.IndexOf(marker, elementStart, StringComparison.Ordinal);
        if (start < 0) return "(no error text)";
        start += marker.Length;
        var end = data.IndexOf('"', start);
        return System.Net.WebUtility.HtmlDecode(end < 0 ? data[start..] : data[start..end]);
    }

    private static CliException Failed(string arabic, string english) => new(arabic, english, ExitCodes.ImportFailed);
}
