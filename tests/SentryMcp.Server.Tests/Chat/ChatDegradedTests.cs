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
