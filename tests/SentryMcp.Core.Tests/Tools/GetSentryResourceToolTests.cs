using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed class GetSentryResourceToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task Trace_url_renders_the_same_overview_as_get_trace_details()
    {
        var url = $"{server.SandboxUri}organizations/acme/explore/traces/trace/{DemoIds.CheckoutTraceId}/";

        var viaUrl = await server.CallAsync("get_sentry_resource", new { url });
        var direct = await server.CallAsync("get_trace_details", new { organizationSlug = "acme", traceId = DemoIds.CheckoutTraceId });

        Assert.False(viaUrl.IsError, viaUrl.Text);
        Assert.Contains("**Total Spans**: 25", viaUrl.Text);
        Assert.Contains("**PAYMENTS-SERVICE-1**", viaUrl.Text);
        Assert.Equal(direct.Text, viaUrl.Text);
    }

    [Theory]
    [InlineData("explore/replays/{replay}/", "get_replay_details", "replayId", "{replay}")]
    [InlineData("replays/{replay}/", "get_replay_details", "replayId", "{replay}")]
    [InlineData("crons/nightly-import/", "get_monitor_details", "monitorSlug", "nightly-import")]
    [InlineData("preprod/snapshots/{snapshot}/", "get_snapshot", "snapshotId", "{snapshot}")]
    [InlineData("explore/conversations/{conversation}/", "get_ai_conversation_details", "conversationId", "{conversation}")]
    public async Task Replay_monitor_snapshot_and_conversation_urls_render_what_their_own_tool_renders(string path, string tool, string parameter, string id)
    {
        string Fill(string text) => text.Replace("{replay}", DemoIds.CheckoutReplayId).Replace("{snapshot}", DemoIds.SnapshotId).Replace("{conversation}", DemoIds.RefundConversationId);
        var url = $"{server.SandboxUri}organizations/acme/{Fill(path)}";

        var viaUrl = await server.CallAsync("get_sentry_resource", new { url });
        var direct = await server.CallAsync(tool, new Dictionary<string, object> { ["organizationSlug"] = "acme", [parameter] = Fill(id) });

        Assert.False(viaUrl.IsError, viaUrl.Text);
        Assert.False(direct.IsError, direct.Text);
        Assert.Equal(direct.Text, viaUrl.Text);
    }

    [Theory]
    [InlineData("replay", "{replay}", "get_replay_details", "replayId")]
    [InlineData("monitor", "nightly-import", "get_monitor_details", "monitorSlug")]
    [InlineData("snapshot", "{snapshot}", "get_snapshot", "snapshotId")]
    [InlineData("ai_conversation", "{conversation}", "get_ai_conversation_details", "conversationId")]
    public async Task The_new_resource_types_work_by_type_and_id(string type, string id, string tool, string parameter)
    {
        var resourceId = id.Replace("{replay}", DemoIds.CheckoutReplayId).Replace("{snapshot}", DemoIds.SnapshotId).Replace("{conversation}", DemoIds.RefundConversationId);

        var viaType = await server.CallAsync("get_sentry_resource", new { resourceType = type, resourceId, organizationSlug = "acme" });
        var direct = await server.CallAsync(tool, new Dictionary<string, object> { ["organizationSlug"] = "acme", [parameter] = resourceId });

        Assert.False(viaType.IsError, viaType.Text);
        Assert.Equal(direct.Text, viaType.Text);
    }

    [Fact]
    public async Task A_url_of_one_type_with_another_resource_type_is_refused()
    {
        var output = await server.CallAsync("get_sentry_resource",
            new { url = $"{server.SandboxUri}organizations/acme/explore/replays/{DemoIds.CheckoutReplayId}/", resourceType = "monitor" });

        Assert.True(output.IsError);
        Assert.Contains("is a replay URL, but resourceType is 'monitor'", output.Text);
    }

    [Fact]
    public async Task Trace_by_resource_type_and_id_needs_no_url()
    {
        var output = await server.CallAsync("get_sentry_resource",
            new { resourceType = "trace", resourceId = DemoData.MobileStartupTraceId, organizationSlug = "acme" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Total Spans**: 5", output.Text);
    }

    [Fact]
    public async Task Issue_url_renders_the_same_details_as_get_issue_details()
    {
        var url = $"{server.SandboxUri}organizations/acme/issues/{DemoIds.NoneTypeShortId}/";

        var viaUrl = await server.CallAsync("get_sentry_resource", new { url });
        var direct = await server.CallAsync("get_issue_details", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId });

        Assert.False(viaUrl.IsError, viaUrl.Text);
        Assert.StartsWith("# Issue API-BACKEND-1 in **acme**", viaUrl.Text);
        Assert.Contains("**Description**: AttributeError: 'NoneType' object has no attribute 'email'", viaUrl.Text);
        Assert.Contains("app/views/users.py:42 in get_profile  [in-app]", viaUrl.Text);
        Assert.Contains("## Seer Analysis", viaUrl.Text);
        Assert.Equal(direct.Text, viaUrl.Text);
    }

    [Fact]
    public async Task Event_url_renders_that_event_of_its_issue()
    {
        var url = $"{server.SandboxUri}organizations/acme/issues/{DemoIds.PaymentTimeoutIssueId}/events/{DemoIds.PaymentTimeoutEventId}/";

        var output = await server.CallAsync("get_sentry_resource", new { url });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith("# Issue PAYMENTS-SERVICE-1 in **acme**", output.Text);
        Assert.Contains("**Description**: TimeoutException: Payment provider did not answer within 30 seconds", output.Text);
        Assert.Contains($"**Event ID**: {DemoIds.PaymentTimeoutEventId}", output.Text);
        Assert.Contains("src/Payments/ChargeService.cs:88 in ChargeAsync", output.Text);
    }

    [Fact]
    public async Task Event_by_resource_type_and_id_finds_its_issue()
    {
        var output = await server.CallAsync("get_sentry_resource",
            new { resourceType = "event", resourceId = DemoIds.UndefinedMapEventId, organizationSlug = "acme" });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith("# Issue WEB-FRONTEND-1 in **acme**", output.Text);
        Assert.Contains($"**Event ID**: {DemoIds.UndefinedMapEventId}", output.Text);
        Assert.Contains("src/components/OrderList.tsx:18:21 in OrderList  [in-app]", output.Text);
    }

    [Fact]
    public async Task Unknown_issue_by_resource_type_is_a_not_found_error()
    {
        var output = await server.CallAsync("get_sentry_resource", new { resourceType = "issue", resourceId = "API-BACKEND-999", organizationSlug = "acme" });

        Assert.True(output.IsError);
        Assert.Contains("HTTP 404", output.Text);
    }

    [Fact]
    public async Task Url_on_another_host_is_refused()
    {
        var output = await server.CallAsync("get_sentry_resource",
            new { url = $"https://evil.example.com/organizations/acme/explore/traces/trace/{DemoIds.CheckoutTraceId}/" });

        Assert.True(output.IsError);
        Assert.Contains("not on the configured Sentry host", output.Text);
        var requests = await server.RequestsAsync();
        Assert.DoesNotContain(requests, r => r.Path.Contains("evil", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Url_of_another_organization_than_the_given_one_is_refused()
    {
        var url = $"{server.SandboxUri}organizations/acme-labs/explore/traces/trace/{DemoIds.CheckoutTraceId}/";

        var output = await server.CallAsync("get_sentry_resource", new { url, organizationSlug = "acme" });

        Assert.True(output.IsError);
        Assert.Contains("belongs to organization 'acme-labs'", output.Text);
    }

    [Fact]
    public async Task Unknown_resource_type_lists_the_supported_ones()
    {
        var output = await server.CallAsync("get_sentry_resource", new { resourceType = "dashboard", resourceId = "1", organizationSlug = "acme" });

        Assert.True(output.IsError);
        Assert.Contains("Supported types: issue, event, trace, replay, monitor, snapshot, ai_conversation", output.Text);
    }

    [Fact]
    public async Task Neither_url_nor_resource_type_is_an_input_error()
    {
        var output = await server.CallAsync("get_sentry_resource", new { organizationSlug = "acme" });

        Assert.True(output.IsError);
        Assert.Contains("Pass either url", output.Text);
    }
}
