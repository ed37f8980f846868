using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SentryMcp.Sandbox;
using SentryMcp.TestDoubles;

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

        public Task WaitForAsync(Func<string, bool> match) =>
            Eventually.UntilAsync(() => Texts.Any(match), Deadline, () => "Expected log message never arrived. Got: " + string.Join(" | ", Texts));
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

    /// <summary>The SDK's client cannot put a log level on a 2026-07-28 request yet, so this test speaks the wire format.</summary>
    [Fact]
    public async Task On_2026_07_28_only_a_request_that_carries_a_log_level_gets_log_messages()
    {
        await using var wire = WireClient.Start(server);

        var (_, silent) = await wire.RequestAsync("tools/call", new JsonObject { ["name"] = "whoami", ["arguments"] = new JsonObject() });
        var (response, logged) = await wire.RequestAsync("tools/call", new JsonObject { ["name"] = "whoami", ["arguments"] = new JsonObject() }, logLevel: "info");

        Assert.True(response.TryGetProperty("result", out _), response.ToString());
        Assert.DoesNotContain(silent, n => n.GetProperty("method").GetString() == NotificationMethods.LoggingMessageNotification);
        var messages = logged.Where(n => n.GetProperty("method").GetString() == NotificationMethods.LoggingMessageNotification)
            .Select(n => n.GetProperty("params")).ToList();
        Assert.Equal("Calling tool whoami.", messages[0].GetProperty("data").GetString());
        Assert.Equal("info", messages[0].GetProperty("level").GetString());
        Assert.StartsWith("Tool whoami finished in", messages[^1].GetProperty("data").GetString());
    }
}
