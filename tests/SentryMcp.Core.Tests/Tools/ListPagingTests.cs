using System.Text.Json;
using System.Text.RegularExpressions;
using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

/// <summary>
/// find_organizations, find_projects, find_teams and search_issues page with Sentry's cursors:
/// the answer says how to get the next page (text and nextCursor) and a bad cursor is an input error.
/// </summary>
public sealed partial class ListPagingTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task More_than_25_projects_are_reachable_page_by_page_with_the_cursor_the_answer_gives()
    {
        var first = await server.CallAsync("find_projects", new { organizationSlug = DemoData.SecondOrganizationSlug });

        Assert.False(first.IsError, first.Text);
        var firstData = first.Raw.StructuredContent!.Value;
        Assert.True(firstData.GetProperty("hasMore").GetBoolean());
        var cursor = firstData.GetProperty("nextCursor").GetString()!;
        Assert.Contains($"find_projects(organizationSlug='acme-labs', cursor='{cursor}')", first.Text);
        Assert.Equal(25, Slugs(firstData).Count);
        Assert.Equal(25, Headings().Matches(first.Text).Count);

        var second = await server.CallAsync("find_projects", new { organizationSlug = DemoData.SecondOrganizationSlug, cursor });

        Assert.False(second.IsError, second.Text);
        var secondData = second.Raw.StructuredContent!.Value;
        Assert.False(secondData.GetProperty("hasMore").GetBoolean());
        Assert.Equal(JsonValueKind.Null, secondData.GetProperty("nextCursor").ValueKind);
        Assert.DoesNotContain("More results are available", second.Text);
        var all = Slugs(firstData).Concat(Slugs(secondData)).ToList();
        Assert.Equal(DemoData.LabProjectCount, all.Count);
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Contains("prototype", all);
        Assert.Contains("zip-code-lookup", all);
    }

    [Fact]
    public async Task A_query_is_kept_in_the_next_page_call()
    {
        var output = await server.CallAsync("find_projects", new { organizationSlug = DemoData.SecondOrganizationSlug, query = "-" });

        Assert.False(output.IsError, output.Text);
        var data = output.Raw.StructuredContent!.Value;
        Assert.True(data.GetProperty("hasMore").GetBoolean(), output.Text);
        Assert.Contains($"find_projects(organizationSlug='acme-labs', query='-', cursor='{data.GetProperty("nextCursor").GetString()}')", output.Text);
    }

    [Theory]
    [InlineData("find_projects")]
    [InlineData("find_teams")]
    [InlineData("find_organizations")]
    [InlineData("search_issues")]
    public async Task A_malformed_cursor_is_an_input_error_that_says_what_to_pass(string tool)
    {
        var output = await server.CallAsync(tool, new { organizationSlug = "acme", cursor = "page-2" });

        Assert.True(output.IsError);
        Assert.Contains("**Input Error**", output.Text);
        Assert.Contains("'page-2' is not a valid cursor", output.Text);
        Assert.Contains("nextCursor", output.Text);
    }

    [Fact]
    public async Task A_cursor_past_the_last_page_says_there_is_nothing_more()
    {
        var output = await server.CallAsync("find_teams", new { organizationSlug = "acme", cursor = "0:500:0" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("No more teams", output.Text);
        Assert.Empty(output.Raw.StructuredContent!.Value.GetProperty("teams").EnumerateArray());
    }

    [Fact]
    public async Task Search_issues_pages_with_the_cursor_and_keeps_the_query_sort_and_limit()
    {
        var first = await server.CallAsync("search_issues", new { organizationSlug = "acme", query = "is:unresolved", limit = 2 });

        Assert.False(first.IsError, first.Text);
        var firstData = first.Raw.StructuredContent!.Value;
        var cursor = firstData.GetProperty("nextCursor").GetString()!;
        Assert.True(firstData.GetProperty("hasMore").GetBoolean());
        Assert.Contains($"search_issues(organizationSlug='acme', query='is:unresolved', sort='date', limit=2, period='30d', cursor='{cursor}')", first.Text);

        var second = await server.CallAsync("search_issues", new { organizationSlug = "acme", query = "is:unresolved", limit = 2, cursor });

        Assert.False(second.IsError, second.Text);
        var firstIds = ShortIds(firstData);
        var secondIds = ShortIds(second.Raw.StructuredContent!.Value);
        Assert.Equal(2, firstIds.Count);
        Assert.NotEmpty(secondIds);
        Assert.Empty(firstIds.Intersect(secondIds));
        var request = (await server.RequestsAsync()).Last(r => r.Path == "/api/0/organizations/acme/issues/");
        Assert.Contains("cursor=" + Uri.EscapeDataString(cursor), request.Query);
    }

    private static List<string> Slugs(JsonElement data) =>
        [.. data.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("slug").GetString()!)];

    private static List<string> ShortIds(JsonElement data) =>
        [.. data.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("shortId").GetString()!)];

    [GeneratedRegex(@"^## \S+$", RegexOptions.Multiline)]
    private static partial Regex Headings();
}
