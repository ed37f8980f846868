using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed class GetIssueUserReportsToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task Reports_show_who_said_what_about_which_event_newest_first()
    {
        var output = await server.CallAsync("get_issue_user_reports", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith($"# User Reports of Issue {DemoIds.NoneTypeShortId} in **acme**", output.Text);
        var maria = output.Text.IndexOf("by Maria Schmidt", StringComparison.Ordinal);
        var anonymous = output.Text.IndexOf("by anonymous", StringComparison.Ordinal);
        Assert.True(maria > 0 && anonymous > maria, output.Text);
        Assert.Contains("logging in with the company SSO", output.Text);
        Assert.Contains($"**Event ID**: {DemoIds.NoneTypeEventId}", output.Text);
        var data = output.Raw.StructuredContent!.Value;
        Assert.Equal(2, data.GetProperty("reports").GetArrayLength());
        Assert.Equal("maria@customer.example", data.GetProperty("reports")[0].GetProperty("email").GetString());
        Assert.False(data.GetProperty("hasMore").GetBoolean());
    }

    [Fact]
    public async Task A_limit_pages_through_the_reports_with_the_cursor()
    {
        var first = await server.CallAsync("get_issue_user_reports", new { organizationSlug = "acme", issueId = DemoIds.UndefinedMapShortId, limit = 2 });

        Assert.False(first.IsError, first.Text);
        var data = first.Raw.StructuredContent!.Value;
        Assert.Equal(2, data.GetProperty("reports").GetArrayLength());
        Assert.True(data.GetProperty("hasMore").GetBoolean());
        var cursor = data.GetProperty("nextCursor").GetString()!;
        Assert.Contains($"Pass `cursor='{cursor}'`", first.Text);
        Assert.DoesNotContain("Ana Costa", first.Text);

        var second = await server.CallAsync("get_issue_user_reports", new { organizationSlug = "acme", issueId = DemoIds.UndefinedMapShortId, limit = 2, cursor });

        Assert.False(second.IsError, second.Text);
        Assert.Contains("by Ana Costa", second.Text);
        Assert.False(second.Raw.StructuredContent!.Value.GetProperty("hasMore").GetBoolean());
    }

    [Fact]
    public async Task An_issue_without_reports_says_so()
    {
        var output = await server.CallAsync("get_issue_user_reports", new { organizationSlug = "acme", issueId = DemoIds.DbLockedShortId });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("No user reports for this issue.", output.Text);
    }

    [Fact]
    public async Task A_malformed_cursor_is_an_input_error_that_says_what_to_pass()
    {
        var output = await server.CallAsync("get_issue_user_reports", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId, cursor = "garbage" });

        Assert.True(output.IsError);
        Assert.Contains("**Input Error**: Sentry refused the cursor 'garbage'", output.Text);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task An_out_of_range_limit_is_refused(int limit)
    {
        var output = await server.CallAsync("get_issue_user_reports", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId, limit });

        Assert.True(output.IsError);
        Assert.Contains("limit must be between 1 and 100", output.Text);
    }
}
