using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed class GetIssueBreadcrumbsToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task The_latest_events_trail_is_listed_oldest_first()
    {
        var output = await server.CallAsync("get_issue_breadcrumbs", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith($"# Breadcrumbs of Issue {DemoIds.NoneTypeShortId} in **acme**", output.Text);
        Assert.Contains($"**Event ID**: {DemoIds.NoneTypeEventId}", output.Text);
        var request = output.Text.IndexOf("[info] django.request: GET /api/users/48213/profile/", StringComparison.Ordinal);
        var cache = output.Text.IndexOf("[warning] cache: cache miss: profile:48213", StringComparison.Ordinal);
        Assert.True(request > 0 && cache > request, output.Text);
        var data = output.Raw.StructuredContent!.Value;
        Assert.Equal(DemoIds.NoneTypeEventId, data.GetProperty("eventId").GetString());
        Assert.Equal(3, data.GetProperty("total").GetInt32());
        Assert.Equal("query", data.GetProperty("breadcrumbs")[1].GetProperty("category").GetString());
    }

    [Fact]
    public async Task An_older_event_is_chosen_by_its_id()
    {
        const string older = "c1b2c3d4e5f6478990a1b2c3d4e5f601";

        var output = await server.CallAsync("get_issue_breadcrumbs", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId, eventId = older });

        Assert.False(output.IsError, output.Text);
        Assert.Contains($"**Event ID**: {older}", output.Text);
        Assert.Equal(older, output.Raw.StructuredContent!.Value.GetProperty("eventId").GetString());
    }

    [Fact]
    public async Task An_issue_url_works_and_breadcrumb_data_is_shown()
    {
        var output = await server.CallAsync("get_issue_breadcrumbs", new { issueUrl = $"{server.SandboxUri}organizations/acme/issues/{DemoIds.NetworkIssueId}/" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("## Trail (5, oldest first)", output.Text);
        Assert.Contains("[warning] device.connectivity: Connectivity changed to none `{\"type\":\"none\"}`", output.Text);
        Assert.Contains("[error] console: Network request failed", output.Text);
    }

    [Fact]
    public async Task An_event_without_breadcrumbs_says_so()
    {
        var output = await server.CallAsync("get_issue_breadcrumbs", new { organizationSlug = "acme", issueId = DemoIds.DbLockedShortId });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("This event has no breadcrumbs.", output.Text);
        Assert.Equal(0, output.Raw.StructuredContent!.Value.GetProperty("breadcrumbs").GetArrayLength());
    }

    [Fact]
    public async Task A_malformed_event_id_is_an_input_error_before_sentry_is_asked()
    {
        var output = await server.CallAsync("get_issue_breadcrumbs", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId, eventId = "not-an-id" });

        Assert.True(output.IsError);
        Assert.Contains("**Input Error**", output.Text);
        Assert.Contains("32 hexadecimal characters", output.Text);
    }

    [Fact]
    public async Task An_unknown_event_says_how_to_find_the_right_one()
    {
        var output = await server.CallAsync("get_issue_breadcrumbs", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId, eventId = new string('0', 32) });

        Assert.True(output.IsError);
        Assert.Contains($"Event {new string('0', 32)} was not found in issue {DemoIds.NoneTypeShortId}", output.Text);
        Assert.Contains("search_issue_events", output.Text);
    }

    [Fact]
    public async Task An_unknown_issue_or_organization_is_not_found()
    {
        var issue = await server.CallAsync("get_issue_breadcrumbs", new { organizationSlug = "acme", issueId = "API-BACKEND-999" });
        var org = await server.CallAsync("get_issue_breadcrumbs", new { organizationSlug = "nope", issueId = DemoIds.NoneTypeShortId });

        Assert.True(issue.IsError);
        Assert.Contains("HTTP 404", issue.Text);
        Assert.True(org.IsError);
        Assert.Contains("HTTP 404", org.Text);
    }

    [Fact]
    public async Task Without_an_issue_the_error_says_what_to_pass()
    {
        var output = await server.CallAsync("get_issue_breadcrumbs", new { organizationSlug = "acme" });

        Assert.True(output.IsError);
        Assert.Contains("Provide either issueUrl, or organizationSlug and issueId", output.Text);
    }

    [Fact]
    public async Task A_sentry_failure_is_reported_as_such()
    {
        await server.AddFaultAsync(new FaultRule(FaultKind.Status, PathPrefix: $"/api/0/organizations/acme/issues/{DemoIds.DbLockedIssueId}/events/", Count: -1, Status: 500));
        try
        {
            var output = await server.CallAsync("get_issue_breadcrumbs", new { organizationSlug = "acme", issueId = DemoIds.DbLockedIssueId });

            Assert.True(output.IsError);
            Assert.Contains("**Sentry API Error** (HTTP 500)", output.Text);
        }
        finally
        {
            (await server.Sandbox.DeleteAsync("/__sandbox/faults")).EnsureSuccessStatusCode();
        }
    }
}
