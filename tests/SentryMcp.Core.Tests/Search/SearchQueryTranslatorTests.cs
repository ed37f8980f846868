using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SentryMcp.Core.Search;
using SentryMcp.TestDoubles;

namespace SentryMcp.Core.Tests.Search;

public sealed class SearchQueryTranslatorTests : IAsyncLifetime
{
    private static readonly SearchAttribute[] SpanAttributes = [new("span.op", "string"), new("span.duration", "number"), new("http.route", "string")];
    private ScriptedLlmServer _llm = null!;

    public async Task InitializeAsync() => _llm = await ScriptedLlmServer.StartAsync();

    public async Task DisposeAsync() => await _llm.DisposeAsync();

    private SearchQueryTranslator Translator(TimeSpan? timeout = null) =>
        new(Options.Create(new SearchTranslatorOptions { BaseUrl = _llm.BaseUri.ToString(), ApiKey = "test", Timeout = timeout ?? TimeSpan.FromSeconds(10), MaxRetries = 0 }),
            NullLogger<SearchQueryTranslator>.Instance);

    [Fact]
    public async Task Natural_language_is_translated_with_the_dataset_and_its_fields_in_the_prompt()
    {
        _llm.ReplyJson(new { query = "span.op:db span.duration:>100", fields = new[] { "span.description", "span.duration" }, sort = "-span.duration", explanation = "Slow database spans." });
        using var translator = Translator();

        var result = await translator.TranslateEventQueryAsync("slow database queries", "spans", SpanAttributes, "user-1", CancellationToken.None);

        Assert.True(result.Translated);
        Assert.Equal("span.op:db span.duration:>100", result.Query);
        Assert.Equal(["span.description", "span.duration"], result.Fields);
        Assert.Equal("-span.duration", result.Sort);
        Assert.Equal("Slow database spans.", result.Explanation);
        var prompt = _llm.LastPrompt();
        Assert.Contains("Dataset: spans", prompt);
        Assert.Contains("- http.route (string)", prompt);
        Assert.Contains("- span.duration (number)", prompt);
        Assert.Contains("slow database queries", prompt);
        Assert.Equal("gpt-4o-mini", _llm.Requests[^1]["model"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sentry_syntax_is_passed_through_without_asking_the_model()
    {
        using var translator = Translator();

        var result = await translator.TranslateEventQueryAsync("level:error is:unresolved", "errors", [], "user-1", CancellationToken.None);
        var issues = await translator.TranslateIssueQueryAsync("is:unresolved assigned:me", "user-1", CancellationToken.None);

        Assert.False(result.Translated);
        Assert.Equal("level:error is:unresolved", result.Query);
        Assert.Equal("is:unresolved assigned:me", issues.Query);
        Assert.Empty(_llm.Requests);
    }

    [Fact]
    public async Task Without_a_model_the_input_is_passed_through()
    {
        using var translator = new SearchQueryTranslator(Options.Create(new SearchTranslatorOptions()), NullLogger<SearchQueryTranslator>.Instance);

        var result = await translator.TranslateIssueQueryAsync("crashes in checkout", "user-1", CancellationToken.None);

        Assert.False(translator.IsConfigured);
        Assert.Equal(new IssueQueryTranslation("crashes in checkout", null, null, false), result);
    }

    [Fact]
    public async Task Issue_requests_are_translated_into_query_sort_and_explanation()
    {
        _llm.Reply("```json\n{\"query\": \"is:unresolved level:error firstSeen:-24h\", \"sort\": \"freq\", \"explanation\": \"New unresolved errors.\"}\n```");
        using var translator = Translator();

        var result = await translator.TranslateIssueQueryAsync("new unresolved errors from today, most frequent first", "user-1", CancellationToken.None);

        Assert.Equal(new IssueQueryTranslation("is:unresolved level:error firstSeen:-24h", "freq", "New unresolved errors.", true), result);
        Assert.Contains("is:unresolved", _llm.LastPrompt());
    }

    [Fact]
    public async Task An_unknown_issue_sort_from_the_model_is_rejected()
    {
        _llm.ReplyJson(new { query = "is:unresolved", sort = "-count()" });
        using var translator = Translator();

        var error = await Assert.ThrowsAsync<SearchTranslationException>(() => translator.TranslateIssueQueryAsync("open issues", "user-1", CancellationToken.None));

        Assert.Contains("unknown issue sort '-count()'", error.Message);
    }

    [Theory]
    [InlineData("not json at all", "was not JSON")]
    [InlineData("[\"a\"]", "was not a JSON object")]
    [InlineData("{\"fields\": [\"id\"]}", "had no \"query\" string")]
    [InlineData("{\"query\": \"x\", \"fields\": \"id\"}", "was not a list of field names")]
    [InlineData("{\"error\": \"Time series are not supported\"}", "could not translate the request: Time series are not supported")]
    public async Task Unusable_answers_become_clear_translation_errors(string answer, string expected)
    {
        _llm.Reply(answer);
        using var translator = Translator();

        var error = await Assert.ThrowsAsync<SearchTranslationException>(() => translator.TranslateEventQueryAsync("errors per hour", "errors", [], "user-1", CancellationToken.None));

        Assert.Contains(expected, error.Message);
        Assert.Contains("The search was not run", error.Message);
    }

    [Theory]
    [InlineData(401, "Check OPENAI_API_KEY")]
    [InlineData(429, "rate limiting")]
    [InlineData(500, "failed (HTTP 500)")]
    public async Task Model_api_errors_become_clear_translation_errors(int status, string expected)
    {
        _llm.Fail(status);
        using var translator = Translator();

        var error = await Assert.ThrowsAsync<SearchTranslationException>(() => translator.TranslateEventQueryAsync("slow pages", "spans", SpanAttributes, "user-1", CancellationToken.None));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task A_model_that_does_not_answer_in_time_is_abandoned()
    {
        _llm.Stall(TimeSpan.FromSeconds(30));
        using var translator = Translator(TimeSpan.FromMilliseconds(500));
        var started = DateTime.UtcNow;

        var error = await Assert.ThrowsAsync<SearchTranslationException>(() => translator.TranslateEventQueryAsync("slow pages", "spans", SpanAttributes, "user-1", CancellationToken.None));

        Assert.Contains("did not answer within", error.Message);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }
}
