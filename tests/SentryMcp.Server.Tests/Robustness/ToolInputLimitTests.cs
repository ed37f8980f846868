using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SentryMcp.Server.Tests.Chat;
using SentryMcp.TestDoubles;

namespace SentryMcp.Server.Tests.Robustness;

/// <summary>The search translator's model allows each user two translations a minute.</summary>
public sealed class TranslationBudgetFixture : ChatFixture
{
    protected override IDictionary<string, string?> ChatSettings => new Dictionary<string, string?>(base.ChatSettings)
    {
        ["Sentry:SearchTranslator:TranslationsPerUserPerMinute"] = "2",
    };
}

/// <summary>
/// Paid services get bounded input: oversized tool arguments are refused before any Sentry or model
/// call, and the search translator stops at its per-user budget (through the real host and the
/// scripted model, over MCP and through the chat's tool runner).
/// </summary>
public sealed class ToolInputLimitTests(ChatFixture server) : IClassFixture<ChatFixture>
{
    [Theory]
    [InlineData("search_issues")]
    [InlineData("search_events")]
    public async Task A_900_KB_natural_language_query_is_an_input_error_and_reaches_no_model(string tool)
    {
        server.Llm.Clear();
        server.Llm.Respond(_ => new ScriptedReply("{\"query\":\"is:unresolved\"}"));
        await using var mcp = await server.ConnectAsync();
        var query = string.Concat(Enumerable.Repeat("show me the unresolved errors from checkout ", 900 * 1024 / 44));

        var result = await mcp.CallToolAsync(tool, new Dictionary<string, object?> { ["organizationSlug"] = "acme", ["query"] = query });

        Assert.True(result.IsError);
        var text = ((TextContentBlock)result.Content[0]).Text;
        Assert.Contains("'query' is 921,", text);
        Assert.Contains("at most 2,000", text);
        Assert.Empty(server.Llm.Requests);
    }

    [Theory]
    [InlineData("create_team", "name", 101, "at most 100")]
    [InlineData("update_issue", "issueId", 201, "at most 200")]
    [InlineData("get_sentry_resource", "url", 2049, "at most 2,048")]
    [InlineData("search_docs", "query", 2001, "at most 2,000")]
    public async Task Each_free_text_argument_has_a_documented_limit(string tool, string argument, int length, string expected)
    {
        await using var mcp = await server.ConnectAsync();
        var arguments = new Dictionary<string, object?> { ["organizationSlug"] = "acme", [argument] = new string('a', length) };

        var result = await mcp.CallToolAsync(tool, arguments);

        Assert.True(result.IsError);
        Assert.Contains(expected, ((TextContentBlock)result.Content[0]).Text);
        Assert.Contains($"'{argument}'", ((TextContentBlock)result.Content[0]).Text);
    }

    [Fact]
    public async Task A_query_at_the_limit_is_translated()
    {
        server.Llm.Clear();
        server.Llm.Respond(_ => new ScriptedReply("{\"query\":\"is:unresolved\"}"));
        await using var mcp = await server.ConnectAsync();

        var result = await mcp.CallToolAsync("search_issues", new Dictionary<string, object?> { ["organizationSlug"] = "acme", ["query"] = "errors " + new string('x', 1993) });

        Assert.NotEqual(true, result.IsError);
        Assert.Single(server.Llm.Requests);
    }

    [Fact]
    public async Task The_chat_tool_runner_refuses_an_oversized_query_without_calling_the_model()
    {
        server.Llm.Clear();
        using var browser = await server.SignedInAsync();

        var response = await browser.PostJsonAsync("api/tools/search_issues", new { arguments = new { organizationSlug = "acme", query = new string('q', 900 * 1024) } });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Contains("at most 2,000", body);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("isError").GetBoolean(), body);
        Assert.Empty(server.Llm.Requests);
    }
}

public sealed class TranslationBudgetTests(TranslationBudgetFixture server) : IClassFixture<TranslationBudgetFixture>
{
    [Fact]
    public async Task Over_the_per_user_budget_the_words_run_untranslated_with_the_wait_and_no_model_call()
    {
        server.Llm.Clear();
        server.Llm.Respond(_ => new ScriptedReply("{\"query\":\"is:unresolved\"}"));
        await using var mcp = await server.ConnectAsync();
        async Task<CallToolResult> SearchAsync(string query) =>
            await mcp.CallToolAsync("search_issues", new Dictionary<string, object?> { ["organizationSlug"] = "acme", ["query"] = query });

        var first = await SearchAsync("unresolved errors from today");
        var second = await SearchAsync("the most frequent crashes");
        var third = await SearchAsync("anything new this week");
        var syntax = await SearchAsync("is:unresolved level:error");

        Assert.NotEqual(true, first.IsError);
        Assert.NotEqual(true, second.IsError);
        // search_issues never fails on the translator: the words run as Sentry search, with a note.
        Assert.NotEqual(true, third.IsError);
        var text = ((TextContentBlock)third.Content[0]).Text;
        Assert.Contains("ran as Sentry search syntax, untranslated", text);
        Assert.Contains("at most 2 natural-language searches per minute", text);
        Assert.Matches(@"Try again in \d+ s", text);
        Assert.Equal(2, server.Llm.Requests.Count);
        // Sentry syntax needs no translation and still works.
        Assert.NotEqual(true, syntax.IsError);
        Assert.Equal(2, server.Llm.Requests.Count);
    }
}
