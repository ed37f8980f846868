using System.Text.Json;

namespace SentryMcp.Sandbox;

/// <summary>
/// A span of an AI agent, with the OpenTelemetry GenAI attributes Sentry stores. The text fields are
/// what the sandbox derives Sentry's conversation summaries from; the message JSON is what it serves.
/// </summary>
public sealed class SandboxAiSpan
{
    public required string ConversationId { get; init; }
    public required string SpanId { get; init; }
    public required string TraceId { get; init; }
    public string? ParentSpanId { get; init; }
    public required string ProjectSlug { get; init; }
    /// <summary><c>gen_ai.invoke_agent</c>, <c>gen_ai.chat</c> or <c>gen_ai.execute_tool</c> (span name and op).</summary>
    public required string Name { get; init; }
    public required string Description { get; init; }
    public required DateTimeOffset Start { get; init; }
    public required double DurationMs { get; init; }
    public string Status { get; init; } = "ok";
    public string Environment { get; init; } = "production";
    public string Transaction { get; init; } = "POST /api/support/chat/";
    public string AgentName { get; init; } = "support-agent";
    public string? Model { get; init; }
    public int? TotalTokens { get; init; }
    public double? Cost { get; init; }
    public string? InputMessages { get; init; }
    public string? OutputMessages { get; init; }
    public string? ToolName { get; init; }
    public string? ToolArguments { get; init; }
    public string? UserEmail { get; init; }
    /// <summary>The user's newest message (chat spans) and the assistant's text answer, if any.</summary>
    public string? UserText { get; init; }
    public string? AssistantText { get; init; }

    public DateTimeOffset Finish => Start.AddMilliseconds(DurationMs);
    public bool IsAiCall => Name == "gen_ai.chat";
    public bool IsToolCall => Name == "gen_ai.execute_tool";
}

/// <summary>A conversation's Sentry-generated title (Sentry derives it from the first exchange).</summary>
public sealed record SandboxAiConversation(string Id, string OrganizationSlug, string? Title);

public sealed partial class DemoData
{
    private const string SupportModel = "gpt-4o-2024-08-06";
    private List<SandboxAiSpan>? _aiSpans;
    private List<SandboxAiConversation>? _aiConversations;

    /// <summary>Seeded on first use, so the constructor shared by every area stays as it is.</summary>
    public List<SandboxAiSpan> AiSpans => _aiSpans ?? SeedAiConversations().Spans;

    public List<SandboxAiConversation> AiConversations => _aiConversations ?? SeedAiConversations().Conversations;

    private (List<SandboxAiSpan> Spans, List<SandboxAiConversation> Conversations) SeedAiConversations()
    {
        _aiSpans = [];
        _aiConversations = [];
        var order = new AiConversationBuilder(this, DemoIds.OrderStatusConversationId, "Order 48213 delivery status", "maria@shopper.example", "production");
        order.Turn("7a1c0e5b9d3f4a2e8c6b1d0f3e5a7c91", Now.AddHours(-3), "Where is my order 48213? It was supposed to arrive yesterday.",
            [new AiToolStep("lookup_order", """{"order_id": "48213"}""", """{"status": "in_transit", "carrier": "DHL", "eta": "tomorrow"}""")],
            "Your order 48213 is on its way with DHL and should arrive tomorrow. I'm sorry for the delay!");

        var refund = new AiConversationBuilder(this, DemoIds.RefundConversationId, "Refund request for order 47102", "tom@shopper.example", "production");
        refund.Turn("7a1c0e5b9d3f4a2e8c6b1d0f3e5a7c92", Now.AddHours(-26), "Please refund order 47102, the blender arrived broken.",
            [
                new AiToolStep("lookup_order", """{"order_id": "47102"}""", """{"status": "delivered", "total": "89.00 EUR"}"""),
                new AiToolStep("issue_refund", """{"order_id": "47102", "amount": "89.00", "currency": "EUR"}""",
                    "PaymentProviderError: refund request timed out after 10s", "internal_error"),
            ],
            "I'm sorry, I couldn't process the refund right now because our payment provider didn't respond. A support agent will follow up by email within 24 hours.");

        var shipping = new AiConversationBuilder(this, DemoIds.ShippingConversationId, "Laptop bag recommendation and shipping to Canada", null, "staging");
        shipping.Turn("7a1c0e5b9d3f4a2e8c6b1d0f3e5a7c93", Now.AddDays(-5), "Can you recommend a laptop bag for a 16 inch laptop?",
            [new AiToolStep("search_products", """{"query": "laptop bag 16 inch", "limit": 3}""", """[{"sku": "BAG-16-TRV", "name": "Traveler 16"}, {"sku": "BAG-16-SLM", "name": "Slim 16"}]""")],
            "I recommend the Traveler 16 (roomy, padded) or the Slim 16 (light, minimal). Both fit 16 inch laptops.");
        shipping.Turn("7a1c0e5b9d3f4a2e8c6b1d0f3e5a7c94", Now.AddDays(-5).AddMinutes(4), "Does the Traveler 16 ship to Canada?",
            [new AiToolStep("get_shipping_options", """{"sku": "BAG-16-TRV", "country": "CA"}""", """{"available": true, "days": 6, "price": "14.90 CAD"}""")],
            "Yes, the Traveler 16 ships to Canada in about 6 days for 14.90 CAD.");

        // Older than the default 30-day window, and without a title: found only with a longer period.
        var password = new AiConversationBuilder(this, "5e0c7a3e-41b2-4d8f-9a6c-2f1e8b7d9c04", null, "lena@shopper.example", "production");
        password.Turn("7a1c0e5b9d3f4a2e8c6b1d0f3e5a7c95", Now.AddDays(-45), "How do I reset my password?", [],
            "Open Settings → Account → Reset password, and follow the link we email you.");
        return (_aiSpans, _aiConversations);
    }

    private sealed record AiToolStep(string Name, string Arguments, string Result, string Status = "ok");

    /// <summary>Writes the spans of an agent turn the way Sentry's Python SDK reports them: agent → chat → tools → chat.</summary>
    private sealed class AiConversationBuilder
    {
        private readonly DemoData _data;
        private readonly string _id;
        private readonly string? _user;
        private readonly string _environment;
        private readonly List<Dictionary<string, object>> _history = [];
        private int _span;

        public AiConversationBuilder(DemoData data, string id, string? title, string? user, string environment)
        {
            (_data, _id, _user, _environment) = (data, id, user, environment);
            data._aiConversations!.Add(new SandboxAiConversation(id, OrganizationSlug, title));
        }

        public void Turn(string traceId, DateTimeOffset start, string userText, AiToolStep[] tools, string answer)
        {
            var agentId = NextSpanId();
            var at = start.AddMilliseconds(20);
            _history.Add(Message("user", userText));
            var firstOutput = tools.Length == 0 ? answer : null;
            at = Chat(traceId, agentId, at, userText, firstOutput, tools);
            foreach (var tool in tools)
            {
                var duration = tool.Status == "ok" ? 140 : 10_020;
                Add(new SandboxAiSpan
                {
                    ConversationId = _id, SpanId = NextSpanId(), TraceId = traceId, ParentSpanId = agentId, ProjectSlug = "api-backend",
                    Name = "gen_ai.execute_tool", Description = $"execute_tool {tool.Name}", Start = at, DurationMs = duration, Status = tool.Status,
                    Environment = _environment, ToolName = tool.Name, ToolArguments = tool.Arguments, UserEmail = _user,
                });
                _history.Add(new Dictionary<string, object> { ["role"] = "tool", ["content"] = tool.Result });
                at = at.AddMilliseconds(duration + 5);
            }
            if (tools.Length > 0)
            {
                at = Chat(traceId, agentId, at, userText, answer, []);
            }
            Add(new SandboxAiSpan
            {
                ConversationId = _id, SpanId = agentId, TraceId = traceId, ProjectSlug = "api-backend", Name = "gen_ai.invoke_agent",
                Description = "invoke_agent support-agent", Start = start, DurationMs = (at - start).TotalMilliseconds + 10,
                Status = tools.Any(t => t.Status != "ok") ? "internal_error" : "ok", Environment = _environment, UserEmail = _user,
            });
        }

        private DateTimeOffset Chat(string traceId, string parent, DateTimeOffset at, string userText, string? answer, AiToolStep[] toolCalls)
        {
            var input = JsonSerializer.Serialize(_history);
            object output = answer is not null
                ? new[] { Message("assistant", answer) }
                : new[] { new Dictionary<string, object> { ["role"] = "assistant", ["tool_calls"] = toolCalls.Select(t => new { name = t.Name, arguments = t.Arguments }).ToArray() } };
            var tokens = 180 + (input.Length + (answer?.Length ?? 60)) / 4;
            var duration = 600 + (answer?.Length ?? 40) * 6;
            Add(new SandboxAiSpan
            {
                ConversationId = _id, SpanId = NextSpanId(), TraceId = traceId, ParentSpanId = parent, ProjectSlug = "api-backend",
                Name = "gen_ai.chat", Description = $"chat {SupportModel}", Start = at, DurationMs = duration, Environment = _environment,
                Model = SupportModel, TotalTokens = tokens, Cost = Math.Round(tokens * 0.0000075, 6), InputMessages = input,
                OutputMessages = JsonSerializer.Serialize(output), UserText = userText, AssistantText = answer, UserEmail = _user,
            });
            if (answer is not null)
            {
                _history.Add(Message("assistant", answer));
            }
            return at.AddMilliseconds(duration + 5);
        }

        private void Add(SandboxAiSpan span) => _data._aiSpans!.Add(span);

        private string NextSpanId() => $"{_id[^4..]}{++_span:x4}c0ffee00"[..16];

        private static Dictionary<string, object> Message(string role, string text) =>
            new() { ["role"] = role, ["content"] = new[] { new { type = "text", text } } };
    }
}
