using System.Text.Json;
using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed class GetAiConversationDetailsToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => WarmSandbox.EnsureAsync(server);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_transcript_lists_user_and_assistant_messages_and_tool_calls_in_order()
    {
        var output = await server.CallAsync("get_ai_conversation_details", new { organizationSlug = "acme", conversationId = DemoIds.OrderStatusConversationId });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith("# AI Conversation Order 48213 delivery status in **acme**", output.Text);
        Assert.Contains("**Counts**: 4 spans, 2 AI calls, 2 messages, 1 tool calls", output.Text);
        var user = output.Text.IndexOf("### 1. User (maria@shopper.example)", StringComparison.Ordinal);
        var tool = output.Text.IndexOf("### 2. Tool call lookup_order — ok", StringComparison.Ordinal);
        var assistant = output.Text.IndexOf("### 3. Assistant (support-agent, gpt-4o-2024-08-06,", StringComparison.Ordinal);
        Assert.True(user > 0 && tool > user && assistant > tool, output.Text);
        Assert.Contains("> Where is my order 48213? It was supposed to arrive yesterday.", output.Text);
        Assert.Contains("{\"order_id\": \"48213\"}", output.Text);
        Assert.Contains("> Your order 48213 is on its way with DHL", output.Text);
        Assert.Contains("trace `7a1c0e5b9d3f4a2e8c6b1d0f3e5a7c91`", output.Text);
        Assert.Contains("get_trace_details(organizationSlug='acme', traceId='7a1c0e5b9d3f4a2e8c6b1d0f3e5a7c91')", output.Text);

        var data = output.Raw.StructuredContent!.Value;
        Assert.Equal(DemoIds.OrderStatusConversationId, data.GetProperty("conversationId").GetString());
        Assert.Equal("30d", data.GetProperty("lookupWindow").GetProperty("statsPeriod").GetString());
        Assert.Equal(["api-backend"], data.GetProperty("projects").EnumerateArray().Select(p => p.GetString()));
        var timeline = data.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal(["message", "tool_call", "message"], timeline.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal("lookup_order", timeline[1].GetProperty("name").GetString());
        Assert.True(timeline.Zip(timeline.Skip(1)).All(p => p.First.GetProperty("timestamp").GetInt64() <= p.Second.GetProperty("timestamp").GetInt64()));
        Assert.Equal(4, data.GetProperty("spanSummaries").GetArrayLength());
        Assert.Equal(data.GetProperty("spanSummaries").EnumerateArray().Sum(s => s.GetProperty("totalTokens").ValueKind == JsonValueKind.Number ? s.GetProperty("totalTokens").GetInt64() : 0),
            data.GetProperty("totalTokens").GetInt64());
    }

    [Fact]
    public async Task A_failed_tool_call_is_marked_and_points_at_its_trace()
    {
        var output = await server.CallAsync("get_ai_conversation_details", new { organizationSlug = "acme", conversationId = DemoIds.RefundConversationId });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("### 2. Tool call lookup_order — ok", output.Text);
        Assert.Contains("### 3. Tool call issue_refund — FAILED (internal_error)", output.Text);
        Assert.Contains("> I'm sorry, I couldn't process the refund right now", output.Text);
        Assert.Contains("Step 3 failed", output.Text);
        Assert.Contains("search_issues(organizationSlug='acme', query='issue_refund')", output.Text);
    }

    [Fact]
    public async Task A_conversation_over_two_traces_shows_both_turns_once()
    {
        var output = await server.CallAsync("get_ai_conversation_details", new { organizationSlug = "acme", conversationId = DemoIds.ShippingConversationId });

        Assert.False(output.IsError, output.Text);
        var data = output.Raw.StructuredContent!.Value;
        Assert.Equal(2, data.GetProperty("traceIds").GetArrayLength());
        var users = data.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("role").GetString() == "user").Select(e => e.GetProperty("content").GetString()).ToList();
        Assert.Equal(["Can you recommend a laptop bag for a 16 inch laptop?", "Does the Traveler 16 ship to Canada?"], users);
        Assert.Equal(4, data.GetProperty("messageCount").GetInt32());
        Assert.Equal(2, data.GetProperty("toolCallCount").GetInt32());
        Assert.Contains("### 6. Assistant", output.Text);
    }

    [Fact]
    public async Task An_old_conversation_is_found_with_an_explicit_window()
    {
        const string id = "5e0c7a3e-41b2-4d8f-9a6c-2f1e8b7d9c04";
        var recent = await server.CallAsync("get_ai_conversation_details", new { organizationSlug = "acme", conversationId = id });
        var window = await server.CallAsync("get_ai_conversation_details", new
        {
            organizationSlug = "acme", conversationId = id, project = "api-backend",
            start = DateTimeOffset.UtcNow.AddDays(-60).ToString("O"), end = DateTimeOffset.UtcNow.AddDays(-30).ToString("O"),
        });

        Assert.True(recent.IsError);
        Assert.Contains("in the last 30 days", recent.Text);
        Assert.False(window.IsError, window.Text);
        Assert.Contains($"# AI Conversation {id} in **acme**", window.Text);
        Assert.Contains("> How do I reset my password?", window.Text);
    }

    [Theory]
    [InlineData("""{"organizationSlug":"acme","conversationId":"no-such-conversation"}""", "No AI conversation with ID 'no-such-conversation'")]
    [InlineData("""{"organizationSlug":"acme","conversationId":" "}""", "'conversationId' parameter is required")]
    [InlineData("""{"organizationSlug":"acme","conversationId":"x","end":"2025-01-01T00:00:00Z"}""", "`start` and `end` must be provided together")]
    [InlineData("""{"organizationSlug":"acme","conversationId":"x","project":"no-such-project"}""", "HTTP 404")]
    [InlineData("""{"organizationSlug":"acme-labs","conversationId":"5e0c7a3e-41b2-4d8f-9a6c-2f1e8b7d9c01"}""", "No AI conversation")]
    [InlineData("""{"organizationSlug":"no-such-org","conversationId":"x"}""", "HTTP 404")]
    public async Task Bad_input_is_an_input_error_that_says_what_to_fix(string arguments, string expected)
    {
        var output = await server.CallAsync("get_ai_conversation_details", JsonSerializer.Deserialize<JsonElement>(arguments));

        Assert.True(output.IsError, output.Text);
        Assert.Contains("**Input Error**", output.Text);
        Assert.Contains(expected, output.Text);
    }

    [Fact]
    public async Task The_spans_are_read_with_the_conversation_endpoint_and_all_projects()
    {
        await server.CallAsync("get_ai_conversation_details", new { organizationSlug = "acme", conversationId = DemoIds.RefundConversationId });

        var request = (await server.RequestsAsync()).Last(r => r.Path == $"/api/0/organizations/acme/ai-conversations/{DemoIds.RefundConversationId}/");
        Assert.Contains("project=-1", request.Query);
        Assert.Contains("statsPeriod=30d", request.Query);
        Assert.Contains("per_page=1000", request.Query);
    }
}
