using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SentryMcp.Sandbox;
using SentryMcp.TestDoubles;

namespace SentryMcp.Stdio.Tests;

/// <summary>
/// Representative tool calls through the real <c>sentry-mcp</c> process (the tool tests in
/// SentryMcp.Core.Tests run the same host in-process): a read, a write a following read sees,
/// structured output, a Sentry error, a retried 503 and a cancellation that reaches Sentry, all over
/// the process's stdin and stdout against the sandbox.
/// </summary>
public sealed class StdioToolCallTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions SandboxJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private IAsyncDisposable _sandbox = null!;
    private HttpClient _control = null!;
    private McpClient _client = null!;

    public async Task InitializeAsync()
    {
        (var sandbox, var uri) = await SandboxApp.StartAsync();
        _sandbox = sandbox;
        _control = new HttpClient { BaseAddress = uri };
        _client = await McpClient.CreateAsync(new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "sentry-mcp",
            Command = "dotnet",
            Arguments = [ServerPaths.Dll, $"--access-token={SandboxOptions.DefaultToken}", $"--host={uri.Authority}", "--insecure-http", "--all-tools"],
            EnvironmentVariables = new Dictionary<string, string?>
            {
                // Quick retries, and production's timeouts far beyond the test so only the cancellation ends a request.
                ["Sentry__Client__RetryBaseDelay"] = "00:00:00.050",
                ["Sentry__Client__AttemptTimeout"] = "00:10:00",
                ["Sentry__Client__TotalTimeout"] = "00:20:00",
                ["OPENAI_API_KEY"] = "",
                ["OPENAI_BASE_URL"] = "",
            },
        }), new McpClientOptions { DiscoverProbeTimeout = TimeSpan.FromSeconds(30) });
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        _control.Dispose();
        await _sandbox.DisposeAsync();
    }

    private async Task<(string Text, CallToolResult Result)> CallAsync(string tool, Dictionary<string, object?> arguments, CancellationToken ct = default)
    {
        var result = await _client.CallToolAsync(tool, arguments, cancellationToken: ct);
        return (string.Join("\n", result.Content.OfType<TextContentBlock>().Select(c => c.Text)), result);
    }

    private async Task<List<RecordedRequest>> RequestsAsync(string path = "/__sandbox/requests") =>
        (await _control.GetFromJsonAsync<List<RecordedRequest>>(path, SandboxJson))!;

    [Fact]
    public async Task A_read_lists_every_tool_and_answers_with_text_and_structured_content()
    {
        var tools = await _client.ListToolsAsync();
        var (text, result) = await CallAsync("get_issue_details", new() { ["organizationSlug"] = "acme", ["issueId"] = DemoIds.NoneTypeShortId });

        Assert.Contains(tools, t => t.Name == "update_issue");
        Assert.Contains(tools, t => t.Name == "find_organizations");
        Assert.NotEqual(true, result.IsError);
        Assert.StartsWith($"# Issue {DemoIds.NoneTypeShortId} in **acme**", text);
        Assert.Contains("AttributeError", text);
        Assert.Equal(DemoIds.NoneTypeShortId, result.StructuredContent?.GetProperty("issue").GetProperty("shortId").GetString());
    }

    [Fact]
    public async Task A_write_reaches_sentry_and_a_following_read_sees_it()
    {
        var (updated, result) = await CallAsync("update_issue", new() { ["organizationSlug"] = "acme", ["issueId"] = DemoIds.DbLockedShortId, ["status"] = "resolved" });
        var (details, _) = await CallAsync("get_issue_details", new() { ["organizationSlug"] = "acme", ["issueId"] = DemoIds.DbLockedShortId });

        Assert.NotEqual(true, result.IsError);
        Assert.Contains("**Status**: unresolved (ongoing) → resolved", updated);
        Assert.Contains("**Status**: resolved\n", details);
        Assert.Contains(await RequestsAsync(), r => r.Method == "PUT" && r.Path.StartsWith("/api/0/organizations/acme/issues/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_organization_is_a_tool_error_and_the_server_keeps_serving()
    {
        var (missing, failed) = await CallAsync("get_issue_details", new() { ["organizationSlug"] = "no-such-org", ["issueId"] = DemoIds.NoneTypeShortId });
        var (whoami, ok) = await CallAsync("whoami", []);

        Assert.True(failed.IsError, missing);
        Assert.Contains("HTTP 404", missing);
        Assert.Contains("Organization not found", missing);
        Assert.NotEqual(true, ok.IsError);
        Assert.Contains("Jane Doe", whoami);
    }

    [Fact]
    public async Task A_503_from_sentry_is_retried_and_the_call_succeeds()
    {
        const string path = "/api/0/organizations/acme/teams/";
        (await _control.PostAsJsonAsync("/__sandbox/faults", new FaultRule(FaultKind.Status, path, Count: 1, Status: 503), SandboxJson)).EnsureSuccessStatusCode();

        var (text, result) = await CallAsync("find_teams", new() { ["organizationSlug"] = "acme" });

        Assert.NotEqual(true, result.IsError);
        Assert.Contains("## backend\n", text);
        Assert.Equal(2, (await RequestsAsync()).Count(r => r.Method == "GET" && r.Path == path));
    }

    [Fact]
    public async Task A_cancelled_call_aborts_its_sentry_request()
    {
        var path = $"/api/0/organizations/acme/issues/{DemoIds.PaymentTimeoutShortId}/";
        (await _control.PostAsJsonAsync("/__sandbox/faults", new FaultRule(FaultKind.Latency, path, Count: -1, DelayMs: 600_000), SandboxJson)).EnsureSuccessStatusCode();
        using var cts = new CancellationTokenSource();

        var call = CallAsync("get_issue_details", new() { ["organizationSlug"] = "acme", ["issueId"] = DemoIds.PaymentTimeoutShortId }, cts.Token);
        await Eventually.UntilAsync(async () => (await RequestsAsync()).Any(r => r.Path == path));
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await Eventually.UntilAsync(async () => (await RequestsAsync("/__sandbox/requests/aborted")).Any(r => r.Path == path));
    }
}
