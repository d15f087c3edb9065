using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Taazeez.Crm.Cli.Tests;

/// <summary>
/// A local stand-in for the Dataverse Web API endpoints deploy calls (ImportSolution, importjobs, PublishAllXml),
/// on 127.0.0.1, recording each request. <see cref="FailImport"/> / <see cref="FailJob"/> switch to the failure paths.
/// </summary>
internal sealed class DataverseStub : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task loop;
    private string? importJobId;
    private int jobPolls;

    public DataverseStub()
    {
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}";
        listener.Prefixes.Add(Url + "/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public string Url { get; }
    public bool FailImport { get; init; }
    public bool FailJob { get; init; }
    public ConcurrentQueue<(string Method, string Path, string Authorization, string Body)> Requests { get; } = new();

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException) { return; }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var path = context.Request.Url!.AbsolutePath;
            Requests.Enqueue((context.Request.HttpMethod, context.Request.Url.PathAndQuery, context.Request.Headers["Authorization"] ?? "", body));
            var (status, json) = Respond(context.Request.HttpMethod, path, body);
            context.Response.StatusCode = status;
            if (json is not null)
            {
                var bytes = Encoding.UTF8.GetBytes(json);
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(bytes);
            }
            context.Response.Close();
        }
    }

    private (int Status, string? Json) Respond(string method, string path, string body)
    {
        if (method == "POST" && path == "/api/data/v9.2/ImportSolution")
        {
            importJobId = JsonNode.Parse(body)?["ImportJobId"]?.GetValue<string>();
            return FailImport
                ? (400, """{"error":{"code":"0x80048060","message":"The import file is invalid. XSD validation failed"}}""")
                : (204, null);
        }
        if (method == "GET" && importJobId is not null && path == $"/api/data/v9.2/importjobs({importJobId})")
        {
            // First poll: still running; second poll: complete (or failed).
            jobPolls++;
            if (jobPolls == 1) return (200, """{"progress":40.0,"completedon":null,"data":"<importexportxml progress=\"40\"/>"}""");
            var result = FailJob
                ? "<result result=\\\"failure\\\" errorcode=\\\"0x80040216\\\" errortext=\\\"Plugin assembly is not signed\\\" />"
                : "<result result=\\\"success\\\" errorcode=\\\"0\\\" errortext=\\\"\\\" />";
            return (200, $$"""{"progress":100.0,"completedon":"2026-11-25T07:00:00Z","data":"<importexportxml>{{result}}</importexportxml>"}""");
        }
        if (method == "POST" && path == "/api/data/v9.2/PublishAllXml") return (204, null);
        return (404, """{"error":{"code":"0x80060888","message":"Resource not found"}}""");
    }

    private static int FreePort()
    {
        var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        var port = ((IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        return port;
    }

    public List<(string Method, string Path, string Authorization, string Body)> RequestList => new(Requests);

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        loop.Wait(TimeSpan.FromSeconds(5));
    }
}
