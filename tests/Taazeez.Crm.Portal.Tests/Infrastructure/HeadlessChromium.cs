using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace Taazeez.Crm.Portal.Tests.Infrastructure
{
    /// <summary>
    /// Debian's Chromium, headless, driven over the DevTools protocol on one WebSocket (flattened target session).
    /// Installs nothing: when Chromium is missing the tests fail and say how to install it.
    /// </summary>
    public sealed class HeadlessChromium : IAsyncDisposable
    {
        public const string InstallHint = "apt-get install -y chromium fonts-noto-core (.ci/run installs it)";

        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
        private readonly Process process;
        private readonly ClientWebSocket socket;
        private readonly string userDataDir;
        private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> pending = new();
        private readonly CancellationTokenSource stop = new();
        private readonly Task receiveLoop;
        private TaskCompletionSource loadFired = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private string? sessionId;
        private int nextId;

        private HeadlessChromium(Process process, ClientWebSocket socket, string userDataDir)
        {
            this.process = process;
            this.socket = socket;
            this.userDataDir = userDataDir;
            receiveLoop = Task.Run(ReceiveAsync);
        }

        public static string ExecutablePath => Environment.GetEnvironmentVariable("TAZ_CHROMIUM") ?? "/usr/bin/chromium";

        public static async Task<HeadlessChromium> LaunchAsync()
        {
            if (!File.Exists(ExecutablePath))
            {
                throw new InvalidOperationException("Chromium is not installed at " + ExecutablePath + ". Install it: " + InstallHint + ", or set TAZ_CHROMIUM.");
            }

            var userDataDir = Path.Combine(Path.GetTempPath(), "taz-chromium-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(userDataDir);
            var start = new ProcessStartInfo(ExecutablePath)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--allow-file-access-from-files",
                "--user-data-dir=" + userDataDir, "--remote-debugging-port=0", "--window-size=1280,1800", "about:blank",
            })
            {
                start.ArgumentList.Add(argument);
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start");
            _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
            var endpoint = await ReadDevToolsEndpointAsync(process);
            var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri(endpoint), CancellationToken.None);
            var browser = new HeadlessChromium(process, socket, userDataDir);
            var target = await browser.SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, browserLevel: true);
            var attached = await browser.SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target!["targetId"]!.GetValue<string>(), ["flatten"] = true }, browserLevel: true);
            browser.sessionId = attached!["sessionId"]!.GetValue<string>();
            await browser.SendAsync("Page.enable", new JsonObject());
            await browser.SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = 1280, ["height"] = 1800, ["deviceScaleFactor"] = 1, ["mobile"] = false });
            return browser;
        }

        public async Task NavigateAsync(string url)
        {
            loadFired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await SendAsync("Page.navigate", new JsonObject { ["url"] = url });
            await loadFired.Task.WaitAsync(Timeout);
        }

        /// <summary>Evaluates a JavaScript expression in the page and returns its JSON value.</summary>
        public async Task<JsonNode?> EvaluateAsync(string expression)
        {
            var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
            if (result?["exceptionDetails"] is JsonNode exception)
            {
                throw new InvalidOperationException("Page script failed: " + exception.ToJsonString());
            }

            return result?["result"]?["value"];
        }

        public async Task<T> EvaluateAsync<T>(string expression) => (await EvaluateAsync(expression)).Deserialize<T>()!;

        public async Task ScreenshotAsync(string path)
        {
            var result = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true });
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, Convert.FromBase64String(result!["data"]!.GetValue<string>()));
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (socket.State == WebSocketState.Open)
                {
                    await SendAsync("Browser.close", new JsonObject(), browserLevel: true).WaitAsync(TimeSpan.FromSeconds(5));
                }
            }
            catch (Exception ex) when (ex is TimeoutException or WebSocketException or InvalidOperationException or OperationCanceledException)
            {
                // The browser is killed below anyway.
            }

            stop.Cancel();
            if (!process.WaitForExit(5000))
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
            socket.Dispose();
            try
            {
                await receiveLoop;
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
            }

            try
            {
                Directory.Delete(userDataDir, recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still hold a lock file for a moment; the folder is in the temp directory.
            }
        }

        private static async Task<string> ReadDevToolsEndpointAsync(Process process)
        {
            var read = Task.Run(async () =>
            {
                while (await process.StandardError.ReadLineAsync() is string line)
                {
                    var match = Regex.Match(line, @"DevTools listening on (ws://\S+)");
                    if (match.Success)
                    {
                        _ = process.StandardError.BaseStream.CopyToAsync(Stream.Null);
                        return match.Groups[1].Value;
                    }
                }

                throw new InvalidOperationException("Chromium exited before opening the DevTools endpoint (exit code " + (process.HasExited ? process.ExitCode : -1) + ")");
            });
            return await read.WaitAsync(Timeout);
        }

        private async Task<JsonNode?> SendAsync(string method, JsonObject parameters, bool browserLevel = false)
        {
            var id = Interlocked.Increment(ref nextId);
            var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
            if (!browserLevel)
            {
                message["sessionId"] = sessionId;
            }

            var completion = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
            pending[id] = completion;
            await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
            return await completion.Task.WaitAsync(Timeout);
        }

        private async Task ReceiveAsync()
        {
            var buffer = new byte[1 << 16];
            using var message = new MemoryStream();
            while (!stop.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var node = JsonNode.Parse(message.ToArray());
                message.SetLength(0);
                if (node?["id"] is JsonNode idNode && pending.TryRemove(idNode.GetValue<int>(), out var completion))
                {
                    if (node["error"] is JsonNode error)
                    {
                        completion.TrySetException(new InvalidOperationException("DevTools error: " + error.ToJsonString()));
                    }
                    else
                    {
                        completion.TrySetResult(node["result"]);
                    }
                }
                else if (node?["method"]?.GetValue<string>() == "Page.loadEventFired")
                {
                    loadFired.TrySetResult();
                }
            }
        }
    }
}
