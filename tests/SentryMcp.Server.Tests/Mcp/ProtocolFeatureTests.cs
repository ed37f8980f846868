using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SentryMcp.Sandbox;
using SentryMcp.Server.Tests.Auth;
using SentryMcp.TestDoubles;

#pragma warning disable MCP9005 // logging is deprecated from 2026-07-28; these tests pin down how older sessions get it.

namespace SentryMcp.Server.Tests.Mcp;

/// <summary>Sentry-side delays for the cancellation test, and attempt timeouts longer than any test.</summary>
public sealed class ProtocolFeatureFixture : AuthServerFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Sentry:Client:AttemptTimeout"] = "00:10:00",
        ["Sentry:Client:TotalTimeout"] = "00:20:00",
        ["RateLimits:PerUserPerMinute"] = "100000",
    };

    public async Task<IReadOnlyList<RecordedRequest>> SandboxRequestsAsync(string which = "") =>
        (await SandboxHttp.GetFromJsonAsync<List<RecordedRequest>>("__sandbox/requests" + which, Json))!;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
}

/// <summary>Protocol features over the HTTP transports: stateless /mcp and the stateful legacy /sse.</summary>
public sealed class ProtocolFeatureTests(ProtocolFeatureFixture server) : IClassFixture<ProtocolFeatureFixture>
{
    [Theory]
    [InlineData("mcp", HttpTransportMode.StreamableHttp, "2025-06-18")]
    [InlineData("mcp", HttpTransportMode.StreamableHttp, "2025-11-25")]
    [InlineData("mcp", HttpTransportMode.StreamableHttp, "2026-07-28")]
    [InlineData("sse", HttpTransportMode.Sse, "2025-06-18")]
    [InlineData("sse", HttpTransportMode.Sse, "2025-11-25")]
    public async Task Each_revision_is_negotiated_and_serves_tools(string path, HttpTransportMode mode, string version)
    {
        await using var client = await server.ConnectAsync(path, mode, clientOptions: new McpClientOptions { ProtocolVersion = version });

        var whoami = await client.CallToolAsync("whoami");

        Assert.Equal(version, client.NegotiatedProtocolVersion);
        Assert.Contains("Jane Doe", ((TextContentBlock)whoami.Content[0]).Text);
    }

    [Fact]
    public async Task Completion_works_over_stateless_http()
    {
        await using var client = await server.ConnectAsync();

        var result = await client.CompleteAsync(new PromptReference { Name = "find_errors_in_file" }, "organizationSlug", "acme-");

        Assert.Equal(["acme-labs"], result.Completion.Values);
    }

    [Fact]
    public async Task An_organization_scoped_url_completes_issue_ids_of_that_organization_without_context()
    {
        await using var client = await server.ConnectAsync("mcp/acme");

        var result = await client.CompleteAsync(new PromptReference { Name = "fix_issue_with_seer" }, "issueId", "web-");
        var hidden = await Assert.ThrowsAsync<McpProtocolException>(() =>
            client.CompleteAsync(new PromptReference { Name = "fix_issue_with_seer" }, "organizationSlug", "").AsTask());

        Assert.Contains(DemoIds.UndefinedMapShortId, result.Completion.Values);
        Assert.All(result.Completion.Values, v => Assert.StartsWith("WEB-FRONTEND-", v));
        Assert.Equal(McpErrorCode.InvalidParams, hidden.ErrorCode);
    }

    [Theory]
    [InlineData("mcp", HttpTransportMode.StreamableHttp)]
    [InlineData("sse", HttpTransportMode.Sse)]
    public async Task Set_level_applies_to_later_tool_calls(string path, HttpTransportMode mode)
    {
        await using var client = await server.ConnectAsync(path, mode, clientOptions: new McpClientOptions { ProtocolVersion = "2025-11-25" });
        var messages = new ConcurrentQueue<string>();
        await using var _ = client.RegisterNotificationHandler(NotificationMethods.LoggingMessageNotification, (n, _) =>
        {
            messages.Enqueue(JsonSerializer.Deserialize<LoggingMessageNotificationParams>(n.Params, McpJsonUtilities.DefaultOptions)!.Data.GetString()!);
            return ValueTask.CompletedTask;
        });

        await client.SetLoggingLevelAsync(LoggingLevel.Info);
        await client.CallToolAsync("whoami");

        await Eventually.UntilAsync(() => Task.FromResult(messages.Any(m => m.StartsWith("Tool whoami finished in", StringComparison.Ordinal))));
        Assert.Contains("Calling tool whoami.", messages);
        Assert.DoesNotContain(messages, m => m.Contains(SandboxOptions.DefaultToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Aborting_the_http_request_of_a_call_aborts_its_sentry_request()
    {
        var path = $"/api/0/organizations/acme/issues/{DemoIds.NetworkShortId}/";
        await server.AddSandboxFaultAsync(new FaultRule(FaultKind.Latency, PathPrefix: path, Count: -1, DelayMs: 600_000));
        await using var client = await server.ConnectAsync();
        using var cts = new CancellationTokenSource();

        var call = client.CallToolAsync("get_issue_details",
            new Dictionary<string, object?> { ["organizationSlug"] = "acme", ["issueId"] = DemoIds.NetworkShortId }, cancellationToken: cts.Token).AsTask();
        await Eventually.UntilAsync(async () => (await server.SandboxRequestsAsync()).Any(r => r.Path == path));
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await Eventually.UntilAsync(async () => (await server.SandboxRequestsAsync("/aborted")).Any(r => r.Path == path));
        Assert.Single(await server.SandboxRequestsAsync(), r => r.Path == path);
    }

    [Theory]
    [InlineData("sse", HttpTransportMode.Sse, "2025-11-25")]
    [InlineData("mcp", HttpTransportMode.StreamableHttp, "2026-07-28")]
    public async Task A_declined_slug_change_is_not_made_where_the_transport_can_ask(string path, HttpTransportMode mode, string version)
    {
        var asked = 0;
        await using var client = await server.ConnectAsync(path, mode, clientOptions: new McpClientOptions
        {
            ProtocolVersion = version,
            Handlers = new McpClientHandlers
            {
                ElicitationHandler = (_, _) =>
                {
                    Interlocked.Increment(ref asked);
                    return ValueTask.FromResult(new ElicitResult { Action = "decline" });
                },
            },
        });

        var result = await client.CallToolAsync("update_project",
            new Dictionary<string, object?> { ["organizationSlug"] = "acme", ["projectSlug"] = "web-frontend", ["slug"] = "web-" + path });

        Assert.Equal(1, asked);
        Assert.StartsWith("**Not done**: the user declined", ((TextContentBlock)result.Content[0]).Text);
        Assert.DoesNotContain(await server.SandboxRequestsAsync(), r => r.Method == "PUT" && r.Path == "/api/0/projects/acme/web-frontend/");
    }

    [Fact]
    public async Task Stateless_http_before_2026_cannot_ask_and_keeps_todays_behaviour()
    {
        var asked = 0;
        await using var client = await server.ConnectAsync(clientOptions: new McpClientOptions
        {
            ProtocolVersion = "2025-11-25",
            Handlers = new McpClientHandlers
            {
                ElicitationHandler = (_, _) =>
                {
                    Interlocked.Increment(ref asked);
                    return ValueTask.FromResult(new ElicitResult { Action = "decline" });
                },
            },
        });

        var result = await client.CallToolAsync("update_project",
            new Dictionary<string, object?> { ["organizationSlug"] = "acme", ["projectSlug"] = "mobile-app", ["slug"] = "mobile-renamed" });

        Assert.Equal(0, asked);
        Assert.NotEqual(true, result.IsError);
        Assert.Contains("**Slug**: mobile-renamed", ((TextContentBlock)result.Content[0]).Text);
    }
}
