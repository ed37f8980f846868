using System.Text.RegularExpressions;
using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed partial class SearchDocsToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Theory]
    [InlineData("Django setup SENTRY_DSN", "Django", "/platforms/python/guides/django.md")]
    [InlineData("tracesSampleRate javascript", "Configuration Options (JavaScript)", "/platforms/javascript/configuration/options.md")]
    [InlineData("upload source maps for react native", "Source Maps (React Native)", "/platforms/react-native/sourcemaps.md")]
    [InlineData("how do I set fingerprints for issue grouping?", "Issue Grouping", "/concepts/data-management/event-grouping.md")]
    [InlineData("seer root cause", "Seer", "/product/ai-in-sentry/seer.md")]
    [InlineData("aspnet core", "ASP.NET Core", "/platforms/dotnet/guides/aspnetcore.md")]
    public async Task Search_ranks_the_matching_page_first(string query, string expectedTitle, string expectedPath)
    {
        var output = await server.CallAsync("search_docs", new { query });

        Assert.False(output.IsError, output.Text);
        Assert.Contains($"## 1. {expectedTitle}\n", output.Text);
        Assert.Contains($"**Path**: `{expectedPath}`", output.Text);
        Assert.Contains($"get_doc(path='{expectedPath}')", output.Text);
        Assert.Contains(server.SandboxUri.ToString().TrimEnd('/') + expectedPath[..^3], output.Text);
    }

    [Fact]
    public async Task Search_returns_three_results_by_default_and_honours_maxResults()
    {
        var byDefault = await server.CallAsync("search_docs", new { query = "configuration options release environment" });
        var five = await server.CallAsync("search_docs", new { query = "configuration options release environment", maxResults = 5 });

        Assert.Equal(3, ResultHeading().Matches(byDefault.Text).Count);
        Assert.Equal(5, ResultHeading().Matches(five.Text).Count);
    }

    [Theory]
    [InlineData("python", "configuration options tracing", "/platforms/python")]
    [InlineData("python/django", "django settings", "/platforms/python/guides/django")]
    [InlineData("dotnet", "configuration options sdk", "/platforms/dotnet")]
    public async Task Guide_filter_keeps_only_pages_of_that_platform_or_framework(string guide, string query, string pathPrefix)
    {
        var output = await server.CallAsync("search_docs", new { query, guide, maxResults = 10 });
        var unfiltered = await server.CallAsync("search_docs", new { query, maxResults = 10 });

        Assert.False(output.IsError, output.Text);
        var paths = PathLine().Matches(output.Text).Select(m => m.Groups[1].Value).ToList();
        Assert.True(paths.Count >= (guide.Contains('/') ? 1 : 2), output.Text);
        Assert.All(paths, p => Assert.StartsWith(pathPrefix, p));
        Assert.Contains(PathLine().Matches(unfiltered.Text), m => !m.Groups[1].Value.StartsWith(pathPrefix, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"unbalanced quote")]
    [InlineData("* tracing")]
    [InlineData("NEAR(tracing replay")]
    [InlineData("title:Django OR body:")]
    [InlineData("AND OR NOT")]
    [InlineData(") OR ( \"\" ^ - + :")]
    [InlineData("'; DROP TABLE docs; --")]
    [InlineData("日本語 のドキュメント")]
    [InlineData("réplay 🎉 sessión")]
    [InlineData("e\u0301 \u0301\u0301 \u200b")]
    public async Task Search_with_unusual_characters_never_fails(string query)
    {
        var output = await server.CallAsync("search_docs", new { query });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith("# Documentation Search Results", output.Text);
    }

    [Fact]
    public async Task Search_matches_accented_text_to_plain_words()
    {
        var output = await server.CallAsync("search_docs", new { query = "sessión réplay" });

        Assert.Contains("## 1. Session Replay (JavaScript)", output.Text);
    }

    [Fact]
    public async Task Search_with_no_match_says_no_documentation_was_found()
    {
        var output = await server.CallAsync("search_docs", new { query = "xylophone quasar" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("No documentation found", output.Text);
    }

    [Theory]
    [InlineData("", "too short")]
    [InlineData("   ", "too short")]
    [InlineData("a", "too short")]
    public async Task Too_short_query_is_an_input_error(string query, string expected)
    {
        var output = await server.CallAsync("search_docs", new { query });

        Assert.True(output.IsError);
        Assert.Contains("Input Error", output.Text);
        Assert.Contains(expected, output.Text);
    }

    [Fact]
    public async Task Missing_query_and_out_of_range_arguments_are_input_errors()
    {
        var missing = await server.CallAsync("search_docs", new { maxResults = 3 });
        var tooMany = await server.CallAsync("search_docs", new { query = "tracing", maxResults = 11 });
        var badGuide = await server.CallAsync("search_docs", new { query = "tracing", guide = "../etc" });
        var tooLong = await server.CallAsync("search_docs", new { query = new string('x', 201) });

        Assert.True(missing.IsError);
        Assert.True(tooMany.IsError);
        Assert.Contains("between 1 and 10", tooMany.Text);
        Assert.True(badGuide.IsError);
        Assert.Contains("Invalid guide", badGuide.Text);
        Assert.True(tooLong.IsError);
        Assert.Contains("too long", tooLong.Text);
    }

    [Fact]
    public async Task Pages_read_with_get_doc_become_searchable_by_their_body()
    {
        var before = await server.CallAsync("search_docs", new { query = "Opsgenie" });
        await server.CallAsync("get_doc", new { path = "/product/alerts.md" });
        var after = await server.CallAsync("search_docs", new { query = "Opsgenie" });

        Assert.Contains("No documentation found", before.Text);
        Assert.Contains("## 1. Alerts", after.Text);
        Assert.Contains("**Opsgenie**", after.Text);
    }

    [Fact]
    public async Task Concurrent_first_searches_share_one_download_of_the_index()
    {
        await server.Sandbox.DeleteAsync("/__sandbox/requests");
        await using var client = await server.StartClientAsync([], SandboxOptions.DefaultToken);

        var outputs = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => server.CallAsync("search_docs", new { query = "release health" }, client)));

        Assert.All(outputs, o => Assert.Contains("## 1. Releases", o.Text));
        Assert.Single(await server.RequestsAsync(), r => r.Path == "/llms.txt");
    }

    [Theory]
    [InlineData(FaultKind.Drop, "Sentry Docs Unavailable")]
    [InlineData(FaultKind.Status, "HTTP 503")]
    public async Task Docs_site_that_is_down_gives_a_clear_error(FaultKind kind, string expected)
    {
        await server.AddFaultAsync(new FaultRule(kind, PathPrefix: "/llms.txt", Count: -1, Status: 503));
        try
        {
            await using var client = await server.StartClientAsync([], SandboxOptions.DefaultToken);

            var output = await server.CallAsync("search_docs", new { query = "django" }, client);

            Assert.True(output.IsError);
            Assert.Contains(expected, output.Text);
            Assert.Contains("Try again later", output.Text);
        }
        finally
        {
            await server.Sandbox.DeleteAsync("/__sandbox/faults");
        }
    }

    [GeneratedRegex(@"^## \d+\. ", RegexOptions.Multiline)]
    private static partial Regex ResultHeading();

    [GeneratedRegex(@"^\*\*Path\*\*: `([^`]+)`", RegexOptions.Multiline)]
    private static partial Regex PathLine();
}
