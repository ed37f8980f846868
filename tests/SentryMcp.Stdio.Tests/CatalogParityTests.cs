using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SentryMcp.Sandbox;

namespace SentryMcp.Stdio.Tests;

/// <summary>
/// Every read tool of the catalog, called through the server process against the sandbox: each
/// answers without an error and with structured content where it declares an output schema. When
/// the server under test is the Native AOT binary (<see cref="ServerPaths.Binary"/>), the JIT build
/// runs beside it and every listing and answer must be the same, so a contract or registration that
/// trimming lost shows up as a difference, not only as a failure.
/// </summary>
public sealed class CatalogParityTests : IAsyncLifetime
{
    private const string Org = "acme";

    private IAsyncDisposable _sandbox = null!;
    private Uri _sandboxUri = null!;

    public async Task InitializeAsync() => (_sandbox, _sandboxUri) = await SandboxApp.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    /// <summary>One call per read-only tool, with arguments the sandbox answers.</summary>
    private static readonly (string Tool, Dictionary<string, object?> Arguments)[] ReadCalls =
    [
        ("whoami", new()),
        ("find_organizations", new()),
        ("find_projects", new() { ["organizationSlug"] = Org }),
        ("find_teams", new() { ["organizationSlug"] = Org }),
        ("find_releases", new() { ["organizationSlug"] = Org }),
        ("find_dsns", new() { ["organizationSlug"] = Org, ["projectSlug"] = "api-backend" }),
        ("find_alert_rules", new() { ["organizationSlug"] = Org }),
        ("find_dashboards", new() { ["organizationSlug"] = Org }),
        ("find_monitors", new() { ["organizationSlug"] = Org }),
        ("find_uptime_monitors", new() { ["organizationSlug"] = Org }),
        ("search_issues", new() { ["organizationSlug"] = Org, ["query"] = "is:unresolved" }),
        ("search_events", new() { ["organizationSlug"] = Org, ["dataset"] = "errors", ["query"] = "level:error" }),
        ("search_events", new() { ["organizationSlug"] = Org, ["dataset"] = "spans", ["query"] = "span.op:http.client" }),
        ("search_issue_events", new() { ["organizationSlug"] = Org, ["issueId"] = DemoIds.NoneTypeShortId }),
        ("search_ai_conversations", new() { ["organizationSlug"] = Org, ["limit"] = 5 }),
        ("search_docs", new() { ["query"] = "set up the javascript sdk" }),
        ("get_doc", new() { ["path"] = "/product/alerts.md" }),
        ("get_issue_details", new() { ["organizationSlug"] = Org, ["issueId"] = DemoIds.NoneTypeShortId }),
        ("get_issue_details", new() { ["organizationSlug"] = Org, ["eventId"] = DemoIds.UndefinedMapEventId }),
        ("get_issue_activity", new() { ["organizationSlug"] = Org, ["issueId"] = DemoIds.PaymentTimeoutShortId }),
        ("get_issue_breadcrumbs", new() { ["organizationSlug"] = Org, ["issueId"] = DemoIds.NoneTypeShortId }),
        ("get_issue_tag_values", new() { ["organizationSlug"] = Org, ["issueId"] = DemoIds.UndefinedMapShortId, ["tagKey"] = "browser" }),
        ("get_issue_user_reports", new() { ["organizationSlug"] = Org, ["issueId"] = DemoIds.NoneTypeShortId }),
        ("get_event_stacktrace", new() { ["organizationSlug"] = Org, ["issueId"] = DemoIds.NetworkShortId }),
        ("get_event_attachment", new() { ["organizationSlug"] = Org, ["projectSlug"] = "web-frontend", ["eventId"] = DemoIds.UndefinedMapEventId }),
        ("get_trace_details", new() { ["organizationSlug"] = Org, ["traceId"] = DemoIds.CheckoutTraceId }),
        ("get_span_details", new() { ["organizationSlug"] = Org, ["traceId"] = DemoIds.CheckoutTraceId, ["spanId"] = DemoIds.StripeCallSpanId }),
        ("get_profile", new() { ["organizationSlug"] = Org, ["projectSlugOrId"] = "api-backend", ["transactionName"] = DemoData.CheckoutTransaction }),
        ("get_profile_details", new() { ["organizationSlug"] = Org, ["projectSlugOrId"] = "api-backend", ["profileId"] = DemoIds.CheckoutProfileId }),
        ("get_release_details", new() { ["organizationSlug"] = Org, ["releaseVersion"] = "api-backend@1.18.0" }),
        ("get_replay_details", new() { ["organizationSlug"] = Org, ["replayId"] = DemoIds.CheckoutReplayId }),
        ("get_alert_rule", new() { ["organizationSlug"] = Org, ["kind"] = "metric", ["ruleIdOrName"] = DemoIds.P95LatencyMetricRuleId }),
        ("get_alert_rule", new() { ["organizationSlug"] = Org, ["kind"] = "issue", ["ruleIdOrName"] = DemoIds.BackendNewIssuesRuleId, ["projectSlug"] = "api-backend" }),
        ("get_dashboard_details", new() { ["organizationSlug"] = Org, ["dashboardIdOrTitle"] = DemoIds.CheckoutDashboardId }),
        ("get_monitor_details", new() { ["organizationSlug"] = Org, ["monitorSlug"] = "nightly-import" }),
        ("get_uptime_monitor_details", new() { ["organizationSlug"] = Org, ["projectSlug"] = "web-frontend", ["uptimeMonitorId"] = DemoIds.CheckoutUptimeId, ["checkLimit"] = 5 }),
        ("get_ai_conversation_details", new() { ["organizationSlug"] = Org, ["conversationId"] = DemoIds.OrderStatusConversationId }),
        ("get_snapshot", new() { ["organizationSlug"] = Org, ["snapshotId"] = DemoIds.SnapshotId }),
        ("get_snapshot_image", new() { ["organizationSlug"] = Org, ["snapshotId"] = DemoIds.SnapshotId, ["imageIdentifier"] = "checkout/cart_badge.png" }),
        ("get_latest_base_snapshot", new() { ["organizationSlug"] = Org, ["appId"] = DemoIds.SnapshotAppId }),
        ("get_sentry_resource", new() { ["organizationSlug"] = Org, ["resourceType"] = "issue", ["resourceId"] = DemoIds.DbLockedShortId }),
        ("get_sentry_resource", new() { ["organizationSlug"] = Org, ["resourceType"] = "trace", ["resourceId"] = DemoIds.CheckoutTraceId }),
    ];

    private Task<McpClient> ConnectAsync(string command, IReadOnlyList<string> prefix) =>
        McpClient.CreateAsync(new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = command,
            Command = command,
            Arguments = [.. prefix, $"--access-token={SandboxOptions.DefaultToken}", $"--host={_sandboxUri.Authority}", "--insecure-http", "--all-tools"],
            EnvironmentVariables = new Dictionary<string, string?>(CommandLineTests.FlagVariables.ToDictionary(v => v, _ => (string?)null))
            {
                // The docs tools read the sandbox's docs pages, never the internet.
                ["SENTRY_DOCS_URL"] = _sandboxUri.ToString().TrimEnd('/'),
            },
        }));

    [Fact]
    public async Task Every_read_tool_answers_and_the_native_binary_answers_as_the_jit_build()
    {
        await using var server = await ConnectAsync(ServerPaths.Command, ServerPaths.Prefix);
        // The reference: the JIT build, when the server under test is the native binary.
        await using var reference = ServerPaths.Binary is null ? null : await ConnectAsync("dotnet", [ServerPaths.Dll]);

        var tools = await server.ListToolsAsync();
        var readOnly = tools.Where(t => t.ProtocolTool.Annotations?.ReadOnlyHint == true).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        Assert.True(tools.Count >= 50, $"Only {tools.Count} tools listed.");
        Assert.Empty(readOnly.Except(ReadCalls.Select(c => c.Tool)));
        if (reference is not null)
        {
            Assert.Equal(Listing(await reference.ListToolsAsync()), Listing(tools));
            Assert.Equal(Listing(await reference.ListPromptsAsync()), Listing(await server.ListPromptsAsync()));
            Assert.Equal(Listing(await reference.ListResourcesAsync()), Listing(await server.ListResourcesAsync()));
            Assert.Equal(Listing(await reference.ListResourceTemplatesAsync()), Listing(await server.ListResourceTemplatesAsync()));
        }

        var schemas = tools.ToDictionary(t => t.Name, t => t.ProtocolTool, StringComparer.Ordinal);
        foreach (var (tool, arguments) in ReadCalls)
        {
            var result = await server.CallToolAsync(tool, arguments);
            var what = $"{tool}({JsonSerializer.Serialize(arguments)})";
            Assert.True(result.IsError != true, $"{what} failed: {Text(result)}");
            Assert.NotEmpty(Text(result));
            if (schemas[tool].OutputSchema is not null)
            {
                Assert.True(result.StructuredContent is { ValueKind: JsonValueKind.Object }, $"{what} declares an output schema but gave no structured content.");
            }
            if (reference is not null)
            {
                var expected = await reference.CallToolAsync(tool, arguments);
                Assert.Equal(Answer(expected), Answer(result));
            }
        }
    }

    [Fact]
    public async Task Prompts_and_resources_answer_as_the_jit_build()
    {
        await using var server = await ConnectAsync(ServerPaths.Command, ServerPaths.Prefix);
        await using var reference = ServerPaths.Binary is null ? null : await ConnectAsync("dotnet", [ServerPaths.Dll]);

        var prompts = await server.ListPromptsAsync();
        var resources = await server.ListResourcesAsync();
        Assert.NotEmpty(prompts);
        Assert.NotEmpty(resources);

        var prompt = await server.GetPromptAsync("find_errors_in_file", new Dictionary<string, object?> { ["organizationSlug"] = Org, ["filename"] = "app/views/users.py" });
        Assert.NotEmpty(prompt.Messages);
        var about = await server.ReadResourceAsync(resources[0].Uri);
        Assert.NotEmpty(about.Contents);
        if (reference is not null)
        {
            var expected = await reference.GetPromptAsync("find_errors_in_file", new Dictionary<string, object?> { ["organizationSlug"] = Org, ["filename"] = "app/views/users.py" });
            Assert.Equal(JsonSerializer.Serialize(expected.Messages, McpJsonUtilities.DefaultOptions), JsonSerializer.Serialize(prompt.Messages, McpJsonUtilities.DefaultOptions));
            Assert.Equal(JsonSerializer.Serialize((await reference.ReadResourceAsync(resources[0].Uri)).Contents, McpJsonUtilities.DefaultOptions), JsonSerializer.Serialize(about.Contents, McpJsonUtilities.DefaultOptions));
        }
    }

    private static string Text(CallToolResult result) =>
        string.Join("\n", result.Content.OfType<TextContentBlock>().Select(c => c.Text));

    /// <summary>A call's answer as compared: every content block and the structured content.</summary>
    private static string Answer(CallToolResult result) =>
        JsonSerializer.Serialize(result.Content, McpJsonUtilities.DefaultOptions) + "\n" + (result.StructuredContent?.GetRawText() ?? "") + "\n" + result.IsError;

    private static List<string> Listing(IEnumerable<McpClientTool> tools) =>
        [.. tools.Select(t => JsonSerializer.Serialize(t.ProtocolTool, McpJsonUtilities.DefaultOptions)).Order(StringComparer.Ordinal)];

    private static List<string> Listing(IEnumerable<McpClientPrompt> prompts) =>
        [.. prompts.Select(p => JsonSerializer.Serialize(p.ProtocolPrompt, McpJsonUtilities.DefaultOptions)).Order(StringComparer.Ordinal)];

    private static List<string> Listing(IEnumerable<McpClientResource> resources) =>
        [.. resources.Select(r => JsonSerializer.Serialize(r.ProtocolResource, McpJsonUtilities.DefaultOptions)).Order(StringComparer.Ordinal)];

    private static List<string> Listing(IEnumerable<McpClientResourceTemplate> templates) =>
        [.. templates.Select(r => JsonSerializer.Serialize(r.ProtocolResourceTemplate, McpJsonUtilities.DefaultOptions)).Order(StringComparer.Ordinal)];
}
