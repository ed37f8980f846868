using ModelContextProtocol.Client;
using SentryMcp.Sandbox;
using SentryMcp.TestDoubles;

namespace SentryMcp.Core.Tests.Tools;

/// <summary>search_issue_events with a scripted language model over real HTTP.</summary>
public sealed class SearchIssueEventsTranslationTests(McpServerFixture server) : IClassFixture<McpServerFixture>, IAsyncLifetime
{
    private ScriptedLlmServer _llm = null!;
    private McpClient _client = null!;

    public async Task InitializeAsync()
    {
        _llm = await ScriptedLlmServer.StartAsync();
        _client = await server.StartClientAsync(["--all-tools"], SandboxOptions.DefaultToken, new Dictionary<string, string?>
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
    public async Task Natural_language_is_translated_and_the_translation_is_run_within_the_issue()
    {
        _llm.ReplyJson(new { query = "user.id:u-0007", explanation = "Events reported for user u-0007." });

        var output = await server.CallAsync("search_issue_events", new
        {
            organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId, query = "events of the user u-0007", includeExplanation = true,
        }, _client);

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Query**: `user.id:u-0007`", output.Text);
        Assert.Contains("**Translated From**: `events of the user u-0007`", output.Text);
        Assert.Contains("*Translation:* Events reported for user u-0007.", output.Text);
        var data = output.Raw.StructuredContent!.Value;
        Assert.True(data.GetProperty("translated").GetBoolean());
        Assert.Equal("c1b2c3d4e5f6478990a1b2c3d4e5f601", data.GetProperty("events")[0].GetProperty("eventId").GetString());
        Assert.Contains("events of the user u-0007", _llm.LastPrompt());
    }

    [Fact]
    public async Task A_failing_model_does_not_fail_the_search_and_the_answer_says_why()
    {
        _llm.Fail(500);

        var output = await server.CallAsync("search_issue_events", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId, query = "NoneType email" }, _client);

        Assert.False(output.IsError, output.Text);
        Assert.Contains("*Note:* The natural-language translation was not available", output.Text);
        Assert.Contains("HTTP 500", output.Text);
        Assert.Equal(3, output.Raw.StructuredContent!.Value.GetProperty("events").GetArrayLength());
    }
}
