using System.Text.Json;
using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed class SearchAiConversationsToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => WarmSandbox.EnsureAsync(server);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Lists_the_conversations_of_the_last_30_days_newest_first_with_counts_and_previews()
    {
        var output = await server.CallAsync("search_ai_conversations", new { organizationSlug = "acme" });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith("# AI Conversations in **acme**", output.Text);
        Assert.Contains("Found 3 conversations in the last 30d, newest first.", output.Text);
        var order = output.Text.IndexOf("## Order 48213 delivery status\n", StringComparison.Ordinal);
        var refund = output.Text.IndexOf("## Refund request for order 47102\n", StringComparison.Ordinal);
        var shipping = output.Text.IndexOf("## Laptop bag recommendation and shipping to Canada\n", StringComparison.Ordinal);
        Assert.True(order > 0 && refund > order && shipping > refund, output.Text);
        Assert.Contains("**Tool Calls**: 2 (`lookup_order`, `issue_refund`)", output.Text);
        Assert.Contains("**Tool Errors**: 1", output.Text);
        Assert.Contains("**User**: maria@shopper.example", output.Text);
        Assert.Contains("**First Input**: Where is my order 48213?", output.Text);
        Assert.Contains("**Last Output**: Yes, the Traveler 16 ships to Canada", output.Text);
        Assert.DoesNotContain("reset my password", output.Text);
        Assert.Contains($"get_ai_conversation_details(organizationSlug='acme', conversationId='{DemoIds.OrderStatusConversationId}')", output.Text);

        var data = output.Raw.StructuredContent!.Value;
        Assert.Equal(3, data.GetProperty("count").GetInt32());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("nextCursor").ValueKind);
        var refundRow = data.GetProperty("conversations")[1];
        Assert.Equal(DemoIds.RefundConversationId, refundRow.GetProperty("conversationId").GetString());
        Assert.Equal(2, refundRow.GetProperty("aiCallCount").GetInt32());
        Assert.Equal(2, refundRow.GetProperty("toolCallCount").GetInt32());
        Assert.Equal(1, refundRow.GetProperty("toolErrorCount").GetInt32());
        Assert.True(refundRow.GetProperty("errors").GetInt32() >= 1);
        Assert.True(refundRow.GetProperty("totalTokens").GetInt64() > 0);
        Assert.Equal(refundRow.GetProperty("endTimestamp").GetInt64() - refundRow.GetProperty("startTimestamp").GetInt64(), refundRow.GetProperty("durationMs").GetInt64());
        Assert.Equal(["support-agent"], refundRow.GetProperty("flow").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(2, data.GetProperty("conversations")[2].GetProperty("traceCount").GetInt32());
        Assert.Contains("/explore/conversations/?statsPeriod=30d", data.GetProperty("searchUrl").GetString());
    }

    [Fact]
    public async Task A_longer_period_also_finds_an_older_conversation_without_a_title()
    {
        var output = await server.CallAsync("search_ai_conversations", new { organizationSlug = "acme", period = "90d" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("Found 4 conversations in the last 90d", output.Text);
        Assert.Contains("## 5e0c7a3e-41b2-4d8f-9a6c-2f1e8b7d9c04\n", output.Text);
        Assert.Contains("**First Input**: How do I reset my password?", output.Text);
    }

    [Fact]
    public async Task A_query_keeps_only_the_matching_conversations()
    {
        var output = await server.CallAsync("search_ai_conversations", new { organizationSlug = "acme", query = "refund" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("Found 1 conversation in the last 30d matching `refund`", output.Text);
        Assert.Contains("## Refund request for order 47102\n", output.Text);
        Assert.DoesNotContain("## Order 48213", output.Text);
    }

    [Fact]
    public async Task Project_and_environment_take_a_string_or_an_array()
    {
        var backend = await server.CallAsync("search_ai_conversations", new { organizationSlug = "acme", project = "api-backend" });
        var frontend = await server.CallAsync("search_ai_conversations", new { organizationSlug = "acme", project = new[] { "web-frontend", "mobile-app" } });
        var staging = await server.CallAsync("search_ai_conversations", new { organizationSlug = "acme", environment = new[] { "staging" } });

        Assert.False(backend.IsError, backend.Text);
        Assert.Contains("Found 3 conversations", backend.Text);
        Assert.False(frontend.IsError, frontend.Text);
        Assert.Contains("No AI conversations found in the last 30d", frontend.Text);
        Assert.Equal(0, frontend.Raw.StructuredContent!.Value.GetProperty("count").GetInt32());
        Assert.False(staging.IsError, staging.Text);
        Assert.Contains("Found 1 conversation", staging.Text);
        Assert.Contains("## Laptop bag recommendation and shipping to Canada", staging.Text);
    }

    [Fact]
    public async Task The_next_page_is_reached_with_the_cursor_the_answer_gives()
    {
        var first = await server.CallAsync("search_ai_conversations", new { organizationSlug = "acme", limit = 2 });
        var cursor = first.Raw.StructuredContent!.Value.GetProperty("nextCursor").GetString();
        Assert.NotNull(cursor);
        Assert.Contains($"pass `cursor='{cursor}'`", first.Text);

        var second = await server.CallAsync("search_ai_conversations", new { organizationSlug = "acme", limit = 2, cursor });

        Assert.False(second.IsError, second.Text);
        Assert.Contains("## Laptop bag recommendation and shipping to Canada", second.Text);
        Assert.DoesNotContain("## Order 48213", second.Text);
        Assert.Equal(JsonValueKind.Null, second.Raw.StructuredContent!.Value.GetProperty("nextCursor").ValueKind);
    }

    [Theory]
    [InlineData("""{"organizationSlug":"acme","period":"forever"}""", "Invalid period 'forever'")]
    [InlineData("""{"organizationSlug":"acme","start":"2025-01-01T00:00:00Z"}""", "`start` and `end` must be provided together")]
    [InlineData("""{"organizationSlug":"acme","start":"yesterday","end":"today"}""", "ISO 8601")]
    [InlineData("""{"organizationSlug":"acme","limit":0}""", "limit must be between 1 and 100")]
    [InlineData("""{"organizationSlug":"acme","limit":101}""", "limit must be between 1 and 100")]
    [InlineData("""{"organizationSlug":"acme","project":42}""", "`project` must be a string or an array")]
    [InlineData("""{"organizationSlug":"acme","cursor":"not-a-cursor"}""", "Invalid cursor")]
    [InlineData("""{"organizationSlug":"acme","project":"no-such-project"}""", "HTTP 404")]
    [InlineData("""{"organizationSlug":"no-such-org"}""", "HTTP 404")]
    public async Task Bad_input_is_an_input_error_that_says_what_to_fix(string arguments, string expected)
    {
        var output = await server.CallAsync("search_ai_conversations", JsonSerializer.Deserialize<JsonElement>(arguments));

        Assert.True(output.IsError, output.Text);
        Assert.Contains("**Input Error**", output.Text);
        Assert.Contains(expected, output.Text);
    }

    [Fact]
    public async Task A_sentry_failure_is_reported_as_a_sentry_error()
    {
        await server.AddFaultAsync(new FaultRule(FaultKind.Status, PathPrefix: "/api/0/organizations/acme/ai-conversations/", Count: -1, Status: 500));
        try
        {
            var output = await server.CallAsync("search_ai_conversations", new { organizationSlug = "acme" });

            Assert.True(output.IsError);
            Assert.Contains("**Sentry API Error** (HTTP 500)", output.Text);
        }
        finally
        {
            await server.ResetAsync();
        }
    }
}
