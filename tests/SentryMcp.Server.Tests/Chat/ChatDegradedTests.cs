using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SentryMcp.Server.Tests.Chat;

public sealed class ChatWithoutModelTests(NoLlmChatFixture server) : IClassFixture<NoLlmChatFixture>
{
    [Fact]
    public async Task Without_a_model_the_chat_is_503_after_the_rate_limit_while_tools_and_metadata_keep_working()
    {
        using var browser = await server.SignedInAsync();
        var body = ChatTestData.Body(ChatTestData.User("hi"));

        var first = await browser.PostJsonAsync("api/chat", body);
        var second = await browser.PostJsonAsync("api/chat", body);
        var third = await browser.PostJsonAsync("api/chat", body);
        var metadata = await browser.Http.GetAsync("api/metadata");
        var tool = await browser.PostJsonAsync("api/tools/whoami", new { arguments = new { } });
        var config = await server.Http.GetFromJsonAsync<JsonElement>("api/config");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        var problem = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("AI_SERVICE_UNAVAILABLE", problem.GetProperty("code").GetString());
        Assert.Contains("OPENAI_API_KEY", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Equal((HttpStatusCode)429, third.StatusCode);
        Assert.Equal("RATE_LIMIT_EXCEEDED", (await third.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.True(third.Headers.RetryAfter!.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, metadata.StatusCode);
        Assert.Equal(HttpStatusCode.OK, tool.StatusCode);
        Assert.False(config.GetProperty("llmConfigured").GetBoolean());
        Assert.Equal(JsonValueKind.Null, config.GetProperty("model").ValueKind);
    }
}

public sealed class ChatWithUnreachableMcpTests(UnreachableMcpChatFixture server) : IClassFixture<UnreachableMcpChatFixture>
{
    [Fact]
    public async Task An_unreachable_MCP_server_is_reported_before_streaming()
    {
        using var browser = await server.SignedInAsync();

        var chat = await browser.PostJsonAsync("api/chat", ChatTestData.Body(ChatTestData.User("hi")));
        var metadata = await browser.Http.GetAsync("api/metadata");

        foreach (var response in new[] { chat, metadata })
        {
            Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
            Assert.Equal("MCP_CONNECTION_FAILED", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }
        Assert.Empty(server.Llm.Requests);
    }
}

public sealed class ChatWithMcpRateLimitTests(McpRateLimitedChatFixture server) : IClassFixture<McpRateLimitedChatFixture>
{
    [Fact]
    public async Task The_users_MCP_rate_limit_is_a_429_or_a_tool_error_never_an_unreachable_server()
    {
        using var first = await server.SignedInAsync();
        server.Llm.ReplyWithToolCalls(null, [.. Enumerable.Range(0, 12).Select(i => new SentryMcp.TestDoubles.ScriptedToolCall($"call_{i}", "whoami"))]);
        server.Llm.Reply("Some of that worked.");

        // Connecting takes about half of the 8 requests; a dozen tool calls use up the rest.
        var turn = await first.ChatAsync(ChatTestData.Body(ChatTestData.User("Who am I, twelve times?")));
        using var second = await server.SignedInAsync();
        var chat = await second.PostJsonAsync("api/chat", ChatTestData.Body(ChatTestData.User("hi")));
        var metadata = await second.Http.GetAsync("api/metadata");

        Assert.Equal("finish", turn.Types.Last());
        Assert.Equal("Some of that worked.", turn.Text);
        var refused = turn.Chunks.Where(c => c.GetProperty("type").GetString() == "tool-output-error").ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, c => Assert.Contains("Too many Sentry requests", c.GetProperty("errorText").GetString()));
        foreach (var response in new[] { chat, metadata })
        {
            Assert.Equal((HttpStatusCode)429, response.StatusCode);
            Assert.Equal("RATE_LIMIT_EXCEEDED", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
            Assert.Equal(TimeSpan.FromSeconds(60), response.Headers.RetryAfter!.Delta);
        }
    }
}

public sealed class ChatOverSseTests(SseChatFixture server) : IClassFixture<SseChatFixture>
{
    [Fact]
    public async Task With_the_SSE_transport_the_chat_lists_and_calls_tools_on_sse()
    {
        using var browser = await server.SignedInAsync();
        server.Llm.ReplyWithToolCalls(null, new SentryMcp.TestDoubles.ScriptedToolCall("call_s", "whoami"));
        server.Llm.Reply("Hi Jane");

        var metadata = await browser.Http.GetAsync("api/metadata");
        var result = await browser.ChatAsync(ChatTestData.Body(ChatTestData.User("Who am I?")));

        Assert.Equal(HttpStatusCode.OK, metadata.StatusCode);
        Assert.Contains("Jane Doe", result.Single("tool-output-available").GetRawText());
        Assert.Equal("Hi Jane", result.Text);
    }
}
