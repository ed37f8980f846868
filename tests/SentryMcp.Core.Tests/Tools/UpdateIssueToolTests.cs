using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

/// <summary>Each test changes a different issue, so the writes of one do not leak into another.</summary>
public sealed class UpdateIssueToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task Resolving_shows_before_and_after_and_a_following_read_sees_it()
    {
        var output = await server.CallAsync("update_issue", new { organizationSlug = "acme", issueId = DemoIds.DbLockedShortId, status = "resolved" });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith("# Issue API-BACKEND-2 Updated in **acme**", output.Text);
        Assert.Contains("**Status**: unresolved (ongoing) → resolved", output.Text);
        var details = await server.CallAsync("get_issue_details", new { organizationSlug = "acme", issueId = DemoIds.DbLockedShortId });
        Assert.Contains("**Status**: resolved\n", details.Text);
        var unresolved = await server.CallAsync("search_issues", new { organizationSlug = "acme", query = "is:unresolved" });
        Assert.DoesNotContain(DemoIds.DbLockedShortId, unresolved.Text);
    }

    [Fact]
    public async Task Ignoring_and_assigning_to_a_team_by_slug_work_together()
    {
        var output = await server.CallAsync("update_issue", new { organizationSlug = "acme", issueId = "WEB-FRONTEND-2", status = "ignored", assignedTo = "team:frontend" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("→ ignored (archived_until_escalating)", output.Text);
        Assert.Contains("**Assigned To**: Unassigned → Team #frontend", output.Text);
        var details = await server.CallAsync("get_issue_details", new { organizationSlug = "acme", issueId = "WEB-FRONTEND-2" });
        Assert.Contains("**Assigned To**: Team #frontend", details.Text);
    }

    [Fact]
    public async Task Assigning_to_me_uses_the_authenticated_user()
    {
        var output = await server.CallAsync("update_issue", new { organizationSlug = "acme", issueId = "PAYMENTS-SERVICE-2", assignedTo = "me" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Assigned To**: Team #backend", output.Text);
        Assert.Contains("→ Jane Doe <jane@acme.example> (user:1)", output.Text);
    }

    [Fact]
    public async Task None_unassigns_the_issue()
    {
        var output = await server.CallAsync("update_issue", new { organizationSlug = "acme", issueId = DemoIds.NetworkShortId, assignedTo = "none" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Assigned To**: Sam Lee <sam@acme.example> (user:2) → Unassigned", output.Text);
    }

    [Fact]
    public async Task An_issue_url_and_resolved_in_next_release_are_understood()
    {
        var output = await server.CallAsync("update_issue", new { issueUrl = $"{server.SandboxUri}organizations/acme/issues/{DemoIds.PaymentTimeoutIssueId}/", status = "resolvedInNextRelease" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Status**: unresolved (new) → resolved in next release", output.Text);
    }

    [Fact]
    public async Task Without_status_or_assignee_there_is_nothing_to_update()
    {
        var output = await server.CallAsync("update_issue", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId });

        Assert.True(output.IsError);
        Assert.Contains("Nothing to update", output.Text);
    }

    [Fact]
    public async Task An_invalid_status_lists_the_valid_ones()
    {
        var output = await server.CallAsync("update_issue", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId, status = "closed" });

        Assert.True(output.IsError);
        Assert.Contains("Invalid status 'closed'", output.Text);
        Assert.Contains("resolvedInNextRelease", output.Text);
    }

    [Fact]
    public async Task An_unknown_user_is_refused_by_sentry_with_its_reason()
    {
        var output = await server.CallAsync("update_issue", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId, assignedTo = "user:999" });

        Assert.True(output.IsError);
        Assert.Contains("HTTP 400", output.Text);
        Assert.Contains("assignedTo", output.Text);
    }

    [Fact]
    public async Task An_unknown_issue_is_not_found()
    {
        var output = await server.CallAsync("update_issue", new { organizationSlug = "acme", issueId = "API-BACKEND-999", status = "resolved" });

        Assert.True(output.IsError);
        Assert.Contains("HTTP 404", output.Text);
    }

    [Fact]
    public async Task A_read_only_token_is_refused_and_the_issue_stays_unchanged()
    {
        await using var client = await server.StartClientAsync([], SandboxOptions.ReadOnlyToken);

        var output = await server.CallAsync("update_issue", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId, status = "resolved" }, client);

        Assert.True(output.IsError);
        Assert.Contains("HTTP 403", output.Text);
        Assert.Contains("event:write", output.Text);
        var details = await server.CallAsync("get_issue_details", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId });
        Assert.Contains("**Status**: unresolved (escalating)", details.Text);
    }
}
