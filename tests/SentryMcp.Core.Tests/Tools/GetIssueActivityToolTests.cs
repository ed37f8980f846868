using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed class GetIssueActivityToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task The_feed_shows_comments_assignment_and_escalation_newest_first()
    {
        var output = await server.CallAsync("get_issue_activity", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith($"# Activity of Issue {DemoIds.NoneTypeShortId} in **acme**", output.Text);
        var activity = output.Text[..output.Text.IndexOf("## Comments", StringComparison.Ordinal)];
        var newest = activity.IndexOf("comment by Sam Lee <sam@acme.example>: \"Reproduced on staging", StringComparison.Ordinal);
        var assigned = activity.IndexOf("assigned to Jane Doe by Sam Lee", StringComparison.Ordinal);
        var escalating = activity.IndexOf("escalating by Sentry", StringComparison.Ordinal);
        var firstSeen = activity.IndexOf("first seen by Sentry", StringComparison.Ordinal);
        Assert.True(newest > 0 && assigned > newest && escalating > assigned && firstSeen > escalating, output.Text);
        Assert.Contains("comment by Jane Doe <jane@acme.example>: \"Profiles are missing", output.Text[output.Text.IndexOf("## Comments", StringComparison.Ordinal)..]);
        var data = output.Raw.StructuredContent!.Value;
        Assert.Equal("note", data.GetProperty("activity")[0].GetProperty("type").GetString());
        Assert.Equal(2, data.GetProperty("comments").GetArrayLength());
    }

    [Fact]
    public async Task Resolution_and_ignore_history_are_spelled_out()
    {
        var resolved = await server.CallAsync("get_issue_activity", new { organizationSlug = "acme", issueId = DemoIds.NetworkShortId });
        var ignored = await server.CallAsync("get_issue_activity", new { issueUrl = $"{server.SandboxUri}organizations/acme/issues/7007/" });

        Assert.Contains("resolved by Sam Lee", resolved.Text);
        Assert.Contains("Fixed by retrying with backoff", resolved.Text);
        Assert.Contains("ignored until escalating by Jane Doe", ignored.Text);
    }

    [Fact]
    public async Task Without_comments_and_with_a_limit_the_feed_is_cut_and_says_so()
    {
        var notes = $"/api/0/organizations/acme/issues/{DemoIds.NoneTypeIssueId}/notes/";
        var before = (await server.RequestsAsync()).Count(r => r.Path == notes);

        var output = await server.CallAsync("get_issue_activity", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId, includeComments = false, limit = 2 });

        Assert.False(output.IsError, output.Text);
        Assert.DoesNotContain("## Comments", output.Text);
        Assert.Contains("Showing the newest 2 of 5", output.Text);
        var data = output.Raw.StructuredContent!.Value;
        Assert.Equal(2, data.GetProperty("activity").GetArrayLength());
        Assert.True(data.GetProperty("hasMore").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, data.GetProperty("comments").ValueKind);
        Assert.Equal(before, (await server.RequestsAsync()).Count(r => r.Path == notes));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task An_out_of_range_limit_is_refused(int limit)
    {
        var output = await server.CallAsync("get_issue_activity", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId, limit });

        Assert.True(output.IsError);
        Assert.Contains("limit must be between 1 and 100", output.Text);
    }

    [Fact]
    public async Task An_unknown_issue_is_not_found()
    {
        var output = await server.CallAsync("get_issue_activity", new { organizationSlug = "acme", issueId = "NOPE-1" });

        Assert.True(output.IsError);
        Assert.Contains("HTTP 404", output.Text);
    }
}
