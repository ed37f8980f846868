using SentryMcp.TestDoubles;
using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

/// <summary>search_issues with a language model configured: a scripted OpenAI-compatible server over real HTTP.</summary>
public sealed class SearchIssuesTranslationTests(McpServerFixture server) : TranslatingClientTests(server), IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task Plain_language_is_translated_and_both_queries_are_shown()
    {
        Llm.ReplyJson(new { query = "is:unresolved level:fatal", sort = "freq", explanation = "Fatal issues still open, most frequent first." });

        var output = await Server.CallAsync("search_issues", new { organizationSlug = "acme", query = "open crashes, most frequent first", includeExplanation = true }, Client);

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Translated query**: `is:unresolved level:fatal` (from `open crashes, most frequent first`)", output.Text);
        Assert.Contains("**Sort**: freq", output.Text);
        Assert.Contains("Fatal issues still open, most frequent first.", output.Text);
        Assert.Contains(DemoIds.PaymentTimeoutShortId, output.Text);
        Assert.Contains("open crashes, most frequent first", Llm.LastPrompt());
    }

    [Fact]
    public async Task Sentry_syntax_goes_straight_to_sentry()
    {
        var before = Llm.Requests.Count;

        var output = await Server.CallAsync("search_issues", new { organizationSlug = "acme", query = "is:unresolved level:error" }, Client);

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Query**: `is:unresolved level:error`", output.Text);
        Assert.Equal(before, Llm.Requests.Count);
    }

    [Fact]
    public async Task A_failing_model_falls_back_to_the_users_words_as_sentry_search_with_a_note()
    {
        Llm.Fail(500);

        var output = await Server.CallAsync("search_issues", new { organizationSlug = "acme", query = "database is locked" }, Client);

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Query**: `database is locked`", output.Text);
        Assert.Contains("**Note**: The language model could not translate the text, so it ran as Sentry search syntax.", output.Text);
        Assert.Contains(DemoIds.DbLockedShortId, output.Text);
        Assert.Equal("database is locked", output.Raw.StructuredContent!.Value.GetProperty("query").GetString());
    }
}
