using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Protocol;

/// <summary>
/// Our real stdio server driven with hand-written 2026-07-28 JSON-RPC, for what the SDK's client
/// cannot send (a per-request log level, a crafted retry). Messages of a call precede its response.
/// </summary>
public sealed class WireClient : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private int _nextId;

    private WireClient(Process process) => _process = process;

    public static WireClient Start(McpServerFixture server)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { McpServerFixture.StdioServerPath, $"--access-token={SandboxOptions.DefaultToken}", $"--host={server.SandboxUri.Authority}", "--insecure-http" },
        };
        start.Environment["OPENAI_API_KEY"] = "";
        start.Environment["OPENAI_BASE_URL"] = "";
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return new WireClient(process);
    }

    /// <summary>Sends one request and returns its response and the notifications sent before it.</summary>
    public async Task<(JsonElement Response, List<JsonElement> Notifications)> RequestAsync(string method, JsonObject parameters, string? logLevel = null)
    {
        var meta = new JsonObject
        {
            [MetaKeys.ProtocolVersion] = "2026-07-28",
            [MetaKeys.ClientInfo] = new JsonObject { ["name"] = "wire-test", ["version"] = "1.0" },
            [MetaKeys.ClientCapabilities] = new JsonObject { ["elicitation"] = new JsonObject() },
        };
        if (logLevel is not null)
        {
            meta[MetaKeys.LogLevel] = logLevel;
        }
        parameters["_meta"] = meta;
        var id = Interlocked.Increment(ref _nextId);
        var request = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters };
        await _process.StandardInput.WriteLineAsync(request.ToJsonString());
        await _process.StandardInput.FlushAsync();
        var notifications = new List<JsonElement>();
        using var timeout = new CancellationTokenSource(Deadline);
        while (true)
        {
            var line = await _process.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("The server closed stdout.");
            var root = JsonDocument.Parse(line).RootElement;
            if (root.TryGetProperty("id", out var responseId) && responseId.ValueKind == JsonValueKind.Number && responseId.GetInt32() == id)
            {
                return (root, notifications);
            }
            if (root.TryGetProperty("method", out _))
            {
                notifications.Add(root);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
