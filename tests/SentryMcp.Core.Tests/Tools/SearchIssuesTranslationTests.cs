using ModelContextProtocol.Client;
using SentryMcp.TestDoubles;
using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

/// <summary>search_issues with a language model configured: a scripted OpenAI-compatible server over real HTTP.</summary>
public sealed class SearchIssuesTranslationTests(McpServerFixture server) : IClassFixture<McpServerFixture>, IAsyncLifetime
{
    private ScriptedLlmServer _llm = null!;
    private McpClient _client = null!;

    public async Task InitializeAsync()
    {
        _llm = await ScriptedLlmServer.StartAsync();
        _client = await server.StartClientAsync([], SandboxOptions.DefaultToken, new Dictionary<string, string?>
        {
            ["OPENAI_BASE_URL"] = _llm.BaseUri.ToString(),
            ["OPENAI_API_KEY"] = "test",
            ["Sentry__SearchTranslator__MaxRetries"] = "0",
        });
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _llm.DisposeAsync();
    }

    [Fact]
    public async Task Plain_language_is_translated_and_both_queries_are_shown()
    {
        _llm.ReplyJson(new { query = "is:unresolved level:fatal", sort = "freq", explanation = "Fatal issues still open, most frequent first." });

        var output = await server.CallAsync("search_issues", new { organizationSlug = "acme", query = "open crashes, most frequent first", includeExplanation = true }, _client);

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Translated query**: `is:unresolved level:fatal` (from `open crashes, most frequent first`)", output.Text);
        Assert.Contains("**Sort**: freq", output.Text);
        Assert.Contains("Fatal issues still open, most frequent first.", output.Text);
        Assert.Contains(DemoIds.PaymentTimeoutShortId, output.Text);
        Assert.Contains("open crashes, most frequent first", _llm.LastPrompt());
    }

    [Fact]
    public async Task Sentry_syntax_goes_straight_to_sentry()
    {
        var before = _llm.Requests.Count;

        var output = await server.CallAsync("search_issues", new { organizationSlug = "acme", query = "is:unresolved level:error" }, _client);

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Query**: `is:unresolved level:error`", output.Text);
        Assert.Equal(before, _llm.Requests.Count);
    }

    [Fact]
    public async Task A_failing_model_is_a_clear_error_and_no_search_runs()
    {
        _llm.Fail(500);

        var output = await server.CallAsync("search_issues", new { organizationSlug = "acme", query = "what broke today" }, _client);

        Assert.True(output.IsError);
        Assert.Contains("Search Translation Error", output.Text);
    }
}
