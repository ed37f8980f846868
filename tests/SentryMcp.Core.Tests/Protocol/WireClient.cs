using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Protocol;

/// <summary>
/// Our stdio server (in-process, <see cref="InProcessStdioServer"/>) driven with hand-written
/// 2026-07-28 JSON-RPC lines, for what the SDK's client cannot send (a per-request log level, a
/// crafted retry). Messages of a call precede its response.
/// </summary>
public sealed class WireClient : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly InProcessStdioServer _server;
    private readonly StreamWriter _stdin;
    private readonly StreamReader _stdout;
    private int _nextId;

    private WireClient(InProcessStdioServer server)
    {
        _server = server;
        _stdin = new StreamWriter(server.Input, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
        _stdout = new StreamReader(server.Output, Encoding.UTF8);
    }

    public static WireClient Start(McpServerFixture server) => new(server.StartServer([], SandboxOptions.DefaultToken));

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
        await _stdin.WriteLineAsync(request.ToJsonString());
        await _stdin.FlushAsync();
        var notifications = new List<JsonElement>();
        using var timeout = new CancellationTokenSource(Deadline);
        while (true)
        {
            var line = await _stdout.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("The server closed stdout.");
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
        await _stdin.DisposeAsync();
        await _server.DisposeAsync();
        _stdout.Dispose();
    }
}
