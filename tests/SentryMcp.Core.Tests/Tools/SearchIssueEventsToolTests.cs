using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed class SearchIssueEventsToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    private const string Second = "b1b2c3d4e5f6478990a1b2c3d4e5f601";
    private const string Oldest = "c1b2c3d4e5f6478990a1b2c3d4e5f601";

    [Fact]
    public async Task Without_a_query_every_event_of_the_issue_is_listed_newest_first()
    {
        var output = await server.CallAsync("search_issue_events", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith($"# Events of Issue {DemoIds.NoneTypeShortId} in **acme**", output.Text);
        var latest = output.Text.IndexOf($"### {DemoIds.NoneTypeEventId}", StringComparison.Ordinal);
        var oldest = output.Text.IndexOf($"### {Oldest}", StringComparison.Ordinal);
        Assert.True(latest > 0 && oldest > latest, output.Text);
        Assert.Contains("**Environment**: production", output.Text);
        Assert.Contains("**Release**: api-backend@2.4.1", output.Text);
        Assert.Contains($"**Trace ID**: {DemoIds.CheckoutTraceId}", output.Text);
        var data = output.Raw.StructuredContent!.Value;
        Assert.Equal(3, data.GetProperty("events").GetArrayLength());
        Assert.Equal("u-1042", data.GetProperty("events")[0].GetProperty("user").GetString());
        Assert.DoesNotContain(DemoIds.UndefinedMapEventId, output.Text);
    }

    [Theory]
    [InlineData("user.id:u-2210", Second)]
    [InlineData("trace:" + DemoIds.CheckoutTraceId, DemoIds.NoneTypeEventId)]
    [InlineData("!user.id:u-1042 !user.id:u-2210", Oldest)]
    public async Task Sentry_syntax_filters_the_issues_events(string query, string expected)
    {
        var output = await server.CallAsync("search_issue_events", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId, query });

        Assert.False(output.IsError, output.Text);
        Assert.Contains($"**Query**: `{query}`", output.Text);
        var events = output.Raw.StructuredContent!.Value.GetProperty("events");
        Assert.Equal(1, events.GetArrayLength());
        Assert.Equal(expected, events[0].GetProperty("eventId").GetString());
        Assert.DoesNotContain("*Note:*", output.Text);
    }

    [Fact]
    public async Task Period_and_sort_narrow_and_order_the_events()
    {
        var lastHour = await server.CallAsync("search_issue_events", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId, period = "1h" });
        var oldestFirst = await server.CallAsync("search_issue_events", new { issueUrl = $"{server.SandboxUri}organizations/acme/issues/{DemoIds.NoneTypeIssueId}/", sort = "timestamp" });

        Assert.Equal(1, lastHour.Raw.StructuredContent!.Value.GetProperty("events").GetArrayLength());
        Assert.Contains("**Sort**: oldest first", oldestFirst.Text);
        Assert.Equal(Oldest, oldestFirst.Raw.StructuredContent!.Value.GetProperty("events")[0].GetProperty("eventId").GetString());
    }

    [Fact]
    public async Task A_limit_pages_with_a_cursor()
    {
        var first = await server.CallAsync("search_issue_events", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId, limit = 2 });
        var data = first.Raw.StructuredContent!.Value;
        Assert.True(data.GetProperty("hasMore").GetBoolean());
        var cursor = data.GetProperty("nextCursor").GetString();
        Assert.Contains($"Pass `cursor='{cursor}'`", first.Text);

        var next = await server.CallAsync("search_issue_events", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId, limit = 2, cursor });

        Assert.False(next.IsError, next.Text);
        Assert.Equal(Oldest, next.Raw.StructuredContent!.Value.GetProperty("events")[0].GetProperty("eventId").GetString());
    }

    [Fact]
    public async Task Natural_language_without_a_language_model_is_sent_as_written_with_a_note()
    {
        var output = await server.CallAsync("search_issue_events", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId, query = "NoneType email" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("*Note:* No language model is configured", output.Text);
        Assert.Equal(3, output.Raw.StructuredContent!.Value.GetProperty("events").GetArrayLength());
        Assert.False(output.Raw.StructuredContent!.Value.GetProperty("translated").GetBoolean());
    }

    [Fact]
    public async Task A_query_matching_nothing_says_how_to_widen_it()
    {
        var output = await server.CallAsync("search_issue_events", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId, query = "environment:staging" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("No events of this issue match the query.", output.Text);
    }

    [Fact]
    public async Task A_query_sentry_cannot_parse_is_an_input_error()
    {
        var output = await server.CallAsync("search_issue_events", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId, query = "message:\"unterminated" });

        Assert.True(output.IsError);
        Assert.Contains("**Input Error**: Sentry could not run the query", output.Text);
    }

    [Theory]
    [InlineData("sort", "-count()", "Invalid sort '-count()'")]
    [InlineData("period", "yesterday", "Invalid period 'yesterday'")]
    [InlineData("cursor", "garbage", "cursor from a previous answer")]
    public async Task Bad_arguments_say_what_to_fix(string name, string value, string expected)
    {
        var args = new Dictionary<string, object?> { ["organizationSlug"] = "acme", ["issueId"] = DemoIds.NoneTypeShortId, [name] = value };

        var output = await server.CallAsync("search_issue_events", args);

        Assert.True(output.IsError);
        Assert.Contains(expected, output.Text);
    }

    [Fact]
    public async Task An_out_of_range_limit_is_refused()
    {
        var output = await server.CallAsync("search_issue_events", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId, limit = 500 });

        Assert.True(output.IsError);
        Assert.Contains("limit must be between 1 and 100", output.Text);
    }
}
