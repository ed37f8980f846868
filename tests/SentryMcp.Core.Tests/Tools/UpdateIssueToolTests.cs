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
    [Fact]
    public async Task Ignoring_forever_sets_that_rule_and_the_activity_feed_records_it()
    {
        var output = await server.CallAsync("update_issue", new { organizationSlug = "acme", issueId = "API-BACKEND-3", status = "ignored", ignoreMode = "forever" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("→ ignored (archived_forever)", output.Text);
        Assert.Contains("**Ignored**: Forever", output.Text);
        var activity = await server.CallAsync("get_issue_activity", new { organizationSlug = "acme", issueId = "API-BACKEND-3" });
        Assert.Contains("ignored by Jane Doe", activity.Text);
    }

    [Fact]
    public async Task Ignoring_until_it_occurs_again_sends_the_count_and_window_to_sentry()
    {
        var output = await server.CallAsync("update_issue", new
        {
            organizationSlug = "acme", issueId = DemoIds.UndefinedMapShortId, status = "ignored", ignoreMode = "untilOccurrenceCount", ignoreCount = 100, ignoreWindowMinutes = 60,
        });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("→ ignored (archived_until_condition_met)", output.Text);
        Assert.Contains("**Ignored**: Until it occurs 100 times in 60 minutes", output.Text);
        var activity = await server.CallAsync("get_issue_activity", new { organizationSlug = "acme", issueId = DemoIds.UndefinedMapShortId });
        Assert.Contains("ignored until it occurs 100 more times within 60 minutes by Jane Doe", activity.Text);
    }

    [Fact]
    public async Task A_reason_is_posted_as_a_comment_after_the_update()
    {
        var output = await server.CallAsync("update_issue", new { organizationSlug = "acme", issueId = "API-BACKEND-4", status = "unresolved", reason = "The nightly report was rewritten; watching it again." });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Status**: ignored (archived_until_escalating) → unresolved (ongoing)", output.Text);
        Assert.Contains("**Comment posted**: \"The nightly report was rewritten; watching it again.\"", output.Text);
        var activity = await server.CallAsync("get_issue_activity", new { organizationSlug = "acme", issueId = "API-BACKEND-4" });
        var feed = activity.Text[..activity.Text.IndexOf("## Comments", StringComparison.Ordinal)];
        var comment = feed.IndexOf("comment by Jane Doe <jane@acme.example>: \"The nightly report was rewritten", StringComparison.Ordinal);
        var reopened = feed.IndexOf("reopened by Jane Doe", StringComparison.Ordinal);
        Assert.True(comment > 0 && reopened > comment, activity.Text);
    }

    [Fact]
    public async Task A_reason_sentry_fails_to_store_is_reported_and_the_update_still_stands()
    {
        await server.AddFaultAsync(new FaultRule(FaultKind.Status, PathPrefix: "/api/0/organizations/acme/issues/7009/notes/", Count: 1, Status: 500));

        var output = await server.CallAsync("update_issue", new { organizationSlug = "acme", issueId = "PAYMENTS-SERVICE-2", status = "resolved", reason = "Fixed by the refund null check." });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("→ resolved", output.Text);
        Assert.Contains("**Comment not posted** (HTTP 500)", output.Text);
        Assert.Contains("add_issue_note", output.Text);
        var details = await server.CallAsync("get_issue_details", new { organizationSlug = "acme", issueId = "PAYMENTS-SERVICE-2" });
        Assert.Contains("**Status**: resolved\n", details.Text);
    }

    [Theory]
    [InlineData("unresolved", "forever", null, null, null, "only apply with status='ignored'")]
    [InlineData("ignored", "sometimes", null, null, null, "Invalid ignoreMode 'sometimes'")]
    [InlineData("ignored", "forDuration", null, null, null, "ignoreMode 'forDuration' needs ignoreDurationMinutes")]
    [InlineData("ignored", null, null, null, 30, "ignoreWindowMinutes needs ignoreCount")]
    [InlineData("ignored", null, 60, 10, null, "Choose one ignore condition")]
    [InlineData("ignored", "forever", 60, null, null, "ignoreMode 'forever' takes no duration or count")]
    [InlineData("ignored", "untilOccurrenceCount", null, 10, 20000, "ignoreWindowMinutes must be between 1 and 10,080")]
    [InlineData("ignored", "forDuration", 0, null, null, "ignoreDurationMinutes must be between 1")]
    public async Task Contradictory_or_incomplete_ignore_options_are_refused_before_sentry_is_asked(
        string status, string? ignoreMode, int? ignoreDurationMinutes, int? ignoreCount, int? ignoreWindowMinutes, string expected)
    {
        var puts = (await server.RequestsAsync()).Count(r => r.Method == "PUT");
        var args = new Dictionary<string, object?> { ["organizationSlug"] = "acme", ["issueId"] = DemoIds.NoneTypeShortId, ["status"] = status };
        if (ignoreMode is not null)
        {
            args["ignoreMode"] = ignoreMode;
        }
        if (ignoreDurationMinutes is not null)
        {
            args["ignoreDurationMinutes"] = ignoreDurationMinutes;
        }
        if (ignoreCount is not null)
        {
            args["ignoreCount"] = ignoreCount;
        }
        if (ignoreWindowMinutes is not null)
        {
            args["ignoreWindowMinutes"] = ignoreWindowMinutes;
        }

        var output = await server.CallAsync("update_issue", args);

        Assert.True(output.IsError);
        Assert.Contains("**Input Error**", output.Text);
        Assert.Contains(expected, output.Text);
        Assert.Equal(puts, (await server.RequestsAsync()).Count(r => r.Method == "PUT"));
    }

    [Fact]
    public async Task The_tool_is_announced_as_destructive_and_not_idempotent()
    {
        var tools = await server.Client.ListToolsAsync();
        var annotations = tools.Single(t => t.Name == "update_issue").ProtocolTool.Annotations!;

        Assert.True(annotations.DestructiveHint);
        Assert.False(annotations.IdempotentHint);
    }
}
