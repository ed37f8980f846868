using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SentryMcp.Sandbox;

#pragma warning disable MCP9005 // logging is deprecated from 2026-07-28, and these tests pin down how we serve it until then.

namespace SentryMcp.Core.Tests.Protocol;

public sealed class ClientLoggingTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private sealed class LogRecorder
    {
        public ConcurrentQueue<LoggingMessageNotificationParams> Messages { get; } = new();

        public IAsyncDisposable Attach(McpClient client) =>
            client.RegisterNotificationHandler(NotificationMethods.LoggingMessageNotification, (notification, _) =>
            {
                Messages.Enqueue(JsonSerializer.Deserialize<LoggingMessageNotificationParams>(notification.Params, McpJsonUtilities.DefaultOptions)!);
                return ValueTask.CompletedTask;
            });

        public IEnumerable<string> Texts => Messages.Select(m => m.Data.GetString() ?? "");

        public async Task WaitForAsync(Func<string, bool> match)
        {
            var until = DateTime.UtcNow + Deadline;
            while (!Texts.Any(match))
            {
                Assert.True(DateTime.UtcNow < until, "Expected log message never arrived. Got: " + string.Join(" | ", Texts));
                await Task.Delay(20);
            }
        }
    }

    [Fact]
    public async Task After_set_level_info_a_tool_call_logs_its_start_and_finish_without_arguments_or_tokens()
    {
        await using var client = await server.StartClientAsync([], SandboxOptions.DefaultToken, clientOptions: new McpClientOptions { ProtocolVersion = "2025-11-25" });
        var log = new LogRecorder();
        await using var _ = log.Attach(client);

        await client.SetLoggingLevelAsync(LoggingLevel.Info);
        await client.CallToolAsync("find_projects", new Dictionary<string, object?> { ["organizationSlug"] = "acme", ["query"] = "private-looking-query-73" });

        await log.WaitForAsync(t => t.StartsWith("Tool find_projects finished in", StringComparison.Ordinal));
        Assert.Contains("Calling tool find_projects.", log.Texts);
        Assert.All(log.Messages, m => Assert.Equal("sentry-mcp", m.Logger));
        Assert.DoesNotContain(log.Texts, t => t.Contains("private-looking-query-73", StringComparison.Ordinal)
            || t.Contains(SandboxOptions.DefaultToken, StringComparison.Ordinal) || t.Contains("acme", StringComparison.Ordinal));
    }

    [Fact]
    public async Task At_level_warning_only_sentry_retries_are_logged()
    {
        await using var client = await server.StartClientAsync([], SandboxOptions.DefaultToken, clientOptions: new McpClientOptions { ProtocolVersion = "2025-11-25" });
        var log = new LogRecorder();
        await using var _ = log.Attach(client);
        await server.AddFaultAsync(new FaultRule(FaultKind.Status, PathPrefix: "/api/0/organizations/acme/teams", Count: 1, Status: 503));

        await client.SetLoggingLevelAsync(LoggingLevel.Warning);
        var result = await client.CallToolAsync("find_teams", new Dictionary<string, object?> { ["organizationSlug"] = "acme" });

        Assert.NotEqual(true, result.IsError);
        await log.WaitForAsync(t => t.StartsWith("Sentry answered HTTP 503 to GET; retrying in", StringComparison.Ordinal));
        Assert.All(log.Messages, m => Assert.True(m.Level >= LoggingLevel.Warning, $"{m.Level}: {m.Data}"));
        Assert.DoesNotContain(log.Texts, t => t.StartsWith("Calling tool", StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_2026_07_28_set_level_is_gone()
    {
        var setLevel = await Assert.ThrowsAsync<McpProtocolException>(() => server.Client.SetLoggingLevelAsync(LoggingLevel.Info));

        Assert.Equal("2026-07-28", server.Client.NegotiatedProtocolVersion);
        Assert.Equal(McpErrorCode.MethodNotFound, setLevel.ErrorCode);
    }

    /// <summary>
    /// The SDK's client cannot put a log level on a 2026-07-28 request yet, so this test speaks the
    /// wire format to the real stdio server. Notifications of a call precede its response on stdout.
    /// </summary>
    [Fact]
    public async Task On_2026_07_28_only_a_request_that_carries_a_log_level_gets_log_messages()
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { McpServerFixture.StdioServerPath, $"--access-token={SandboxOptions.DefaultToken}", $"--host={server.SandboxUri.Authority}", "--insecure-http" },
        };
        start.Environment["OPENAI_API_KEY"] = "";
        using var process = System.Diagnostics.Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        try
        {
            var silent = await CallAsync(process, 1, logLevel: null);
            var logged = await CallAsync(process, 2, logLevel: "info");

            Assert.Empty(silent);
            Assert.Equal("Calling tool whoami.", logged[0].GetProperty("data").GetString());
            Assert.Equal("info", logged[0].GetProperty("level").GetString());
            Assert.StartsWith("Tool whoami finished in", logged[^1].GetProperty("data").GetString());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task<List<JsonElement>> CallAsync(System.Diagnostics.Process process, int id, string? logLevel)
    {
        var meta = new JsonObject
        {
            [MetaKeys.ProtocolVersion] = "2026-07-28",
            [MetaKeys.ClientInfo] = new JsonObject { ["name"] = "wire-test", ["version"] = "1.0" },
            [MetaKeys.ClientCapabilities] = new JsonObject(),
        };
        if (logLevel is not null)
        {
            meta[MetaKeys.LogLevel] = logLevel;
        }
        var request = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = id,
            ["method"] = "tools/call",
            ["params"] = new JsonObject { ["name"] = "whoami", ["arguments"] = new JsonObject(), ["_meta"] = meta },
        };
        await process.StandardInput.WriteLineAsync(request.ToJsonString());
        await process.StandardInput.FlushAsync();
        var notifications = new List<JsonElement>();
        using var timeout = new CancellationTokenSource(Deadline);
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("The server closed stdout.");
            using var message = JsonDocument.Parse(line);
            var root = message.RootElement;
            if (root.TryGetProperty("id", out var responseId) && responseId.GetInt32() == id)
            {
                Assert.True(root.TryGetProperty("result", out _), line);
                return notifications;
            }
            if (root.TryGetProperty("method", out var method) && method.GetString() == NotificationMethods.LoggingMessageNotification)
            {
                notifications.Add(root.GetProperty("params").Clone());
            }
        }
    }
}
