using SentryMcp.TestDoubles;
using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

/// <summary>search_events with a language model configured: a scripted OpenAI-compatible server over real HTTP.</summary>
public sealed class SearchEventsTranslationTests(McpServerFixture server) : TranslatingClientTests(server), IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task Natural_language_is_translated_and_the_translation_is_shown()
    {
        Llm.ReplyJson(new
        {
            query = "span.op:db span.duration:>40",
            fields = new[] { "span.description", "span.duration", "trace" },
            sort = "-span.duration",
            explanation = "Database spans slower than 40 ms, slowest first.",
        });

        var output = await Server.CallAsync("search_events", new
        {
            organizationSlug = "acme", dataset = "spans", query = "which database queries are slow?", includeExplanation = true,
        }, Client);

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Translated query**: `span.op:db span.duration:>40`", output.Text);
        Assert.Contains("Database spans slower than 40 ms, slowest first.", output.Text);
        Assert.Contains("INSERT INTO orders (user_id, total) VALUES (%s, %s)", output.Text);
        Assert.DoesNotContain("SELECT * FROM users WHERE id = %s", output.Text);
        var prompt = Llm.LastPrompt();
        Assert.Contains("Dataset: spans", prompt);
        Assert.Contains("- span.op (string)", prompt);
        Assert.Contains("- span.duration (number)", prompt);
        Assert.Contains("which database queries are slow?", prompt);
    }

    [Fact]
    public async Task Error_searches_offer_the_organizations_tags_to_the_model()
    {
        Llm.ReplyJson(new { query = "browser.name:Firefox", fields = new[] { "issue", "count()" }, sort = "-count()" });

        var output = await Server.CallAsync("search_events", new { organizationSlug = "acme", query = "errors seen in firefox per issue" }, Client);

        Assert.False(output.IsError, output.Text);
        Assert.Contains($"| {DemoIds.UndefinedMapShortId} |", output.Text);
        Assert.Contains("- browser.name (string)", Llm.LastPrompt());
        Assert.Contains("Dataset: errors", Llm.LastPrompt());
    }

    [Fact]
    public async Task Sentry_syntax_is_not_sent_to_the_model()
    {
        var output = await Server.CallAsync("search_events", new { organizationSlug = "acme", query = "level:fatal" }, Client);

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Query**: `level:fatal`", output.Text);
        Assert.Contains(DemoIds.PaymentTimeoutShortId, output.Text);
        Assert.Empty(Llm.Requests);
    }

    [Fact]
    public async Task A_failing_model_falls_back_to_the_text_as_sentry_syntax_with_a_note()
    {
        Llm.Fail(500);

        var output = await Server.CallAsync("search_events", new { organizationSlug = "acme", query = "Nightly settlement", dataset = "logs", period = "7d" }, Client);

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Query**: `Nightly settlement`", output.Text);
        Assert.Contains("The language model could not translate the query, so the text was used as Sentry search syntax.", output.Text);
        Assert.Contains("could not translate", output.Raw.StructuredContent!.Value.GetProperty("note").GetString());
        Assert.Contains("[INFO]", output.Text);
    }

    [Fact]
    public async Task A_model_answering_garbage_still_runs_the_search_and_says_the_text_was_used_as_is()
    {
        Llm.Reply("Sure! Here is your query: level:error");

        var output = await Server.CallAsync("search_events", new { organizationSlug = "acme", query = "show me the errors" }, Client);

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Query**: `show me the errors`", output.Text);
        Assert.Contains("could not translate the query", output.Text);
        Assert.False(output.Raw.StructuredContent!.Value.GetProperty("translated").GetBoolean());
    }

    [Fact]
    public async Task Replay_searches_in_plain_language_are_translated_with_replay_fields()
    {
        Llm.ReplyJson(new { query = "count_rage_clicks:>0", sort = "-count_rage_clicks" });

        var output = await Server.CallAsync("search_events", new { organizationSlug = "acme", dataset = "replays", query = "sessions where people rage clicked" }, Client);

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Translated query**: `count_rage_clicks:>0`", output.Text);
        Assert.Contains($"## {DemoIds.CheckoutReplayId}", output.Text);
        Assert.Contains("- count_rage_clicks (number)", Llm.LastPrompt());
    }
}
