using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed class GetIssueTagValuesToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task Browser_values_are_a_table_with_counts_and_shares()
    {
        var output = await server.CallAsync("get_issue_tag_values", new { organizationSlug = "acme", issueId = DemoIds.UndefinedMapShortId, tagKey = "browser" });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith($"# Tag `browser` of Issue {DemoIds.UndefinedMapShortId} in **acme**", output.Text);
        Assert.Contains("**Events With This Tag**: 342", output.Text);
        Assert.Contains("| Chrome 124 | 250 | 73% |", output.Text);
        Assert.Contains("| Safari 17.4 | 92 | 27% |", output.Text);
        var tag = output.Raw.StructuredContent!.Value.GetProperty("tag");
        Assert.Equal("browser", tag.GetProperty("key").GetString());
        Assert.Equal(342, tag.GetProperty("totalValues").GetInt64());
        Assert.Equal("Chrome 124", tag.GetProperty("topValues")[0].GetProperty("value").GetString());
        Assert.NotNull(tag.GetProperty("topValues")[0].GetProperty("firstSeen").GetString());
    }

    [Theory]
    [InlineData("os", "| Windows 11 | 540 |")]
    [InlineData("release", "| api-backend@2.4.1 | 1,284 | 100% |")]
    [InlineData("environment", "| staging | 83 |")]
    [InlineData("url", "https://api.acme.example/api/users/48213/profile/")]
    public async Task Common_tag_keys_of_an_issue_have_values(string key, string expected)
    {
        var output = await server.CallAsync("get_issue_tag_values", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId, tagKey = key });

        Assert.False(output.IsError, output.Text);
        Assert.Contains(expected, output.Text);
    }

    [Fact]
    public async Task An_issue_url_is_understood_and_the_rest_of_the_values_is_counted()
    {
        var output = await server.CallAsync("get_issue_tag_values", new { issueUrl = $"{server.SandboxUri}organizations/acme/issues/{DemoIds.NoneTypeIssueId}/", tagKey = "browser" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("| Firefox 125 | 310 |", output.Text);
    }

    [Fact]
    public async Task A_tag_the_issue_does_not_have_names_the_ones_it_has()
    {
        var output = await server.CallAsync("get_issue_tag_values", new { organizationSlug = "acme", issueId = DemoIds.PaymentTimeoutShortId, tagKey = "browser" });

        Assert.True(output.IsError);
        Assert.Contains($"Issue {DemoIds.PaymentTimeoutShortId} has no tag 'browser'", output.Text);
        Assert.Contains("environment, provider", output.Text);
    }

    [Theory]
    [InlineData("../secrets")]
    [InlineData("-leading-dash")]
    [InlineData("has space")]
    public async Task A_malformed_tag_key_is_refused_before_sentry_is_asked(string key)
    {
        var output = await server.CallAsync("get_issue_tag_values", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId, tagKey = key });

        Assert.True(output.IsError);
        Assert.Contains("**Input Error**: Invalid tagKey", output.Text);
    }

    [Fact]
    public async Task A_missing_tag_key_is_an_input_error()
    {
        var output = await server.CallAsync("get_issue_tag_values", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId });

        Assert.True(output.IsError);
        Assert.Contains("tagKey", output.Text);
    }

    [Fact]
    public async Task An_issue_of_another_organization_is_not_found()
    {
        var output = await server.CallAsync("get_issue_tag_values", new { organizationSlug = "acme-labs", issueId = DemoIds.NoneTypeShortId, tagKey = "browser" });

        Assert.True(output.IsError);
        Assert.Contains("HTTP 404", output.Text);
    }
}
