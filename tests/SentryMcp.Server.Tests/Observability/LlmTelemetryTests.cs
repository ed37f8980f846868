using System.Diagnostics;
using SentryMcp.Core.Telemetry;
using SentryMcp.Server.Tests.Chat;
using SentryMcp.TestDoubles;
using static SentryMcp.Server.Tests.Chat.ChatTestData;

namespace SentryMcp.Server.Tests.Observability;

/// <summary>Model calls of real chat turns (host → scripted OpenAI-compatible server) as spans and metrics.</summary>
public sealed class LlmTelemetryTests(ChatFixture fixture) : SignedInChatTest<ChatFixture>(fixture), IClassFixture<ChatFixture>
{
    private const string Model = "gpt-4o";

    [Fact]
    public async Task Each_model_call_is_a_span_with_model_token_counts_and_outcome_but_never_the_prompt_or_answer()
    {
        const string question = "Which user am I? marker-prompt-5c1d9e";
        const string answer = "You are Jane Doe. marker-answer-77b0a4";
        using var telemetry = new TelemetryCapture();
        Server.Llm.Enqueue(new ScriptedReply(null) { ToolCalls = [new ScriptedToolCall("call_1", "whoami")], PromptTokens = 321, CompletionTokens = 12 });
        Server.Llm.Enqueue(new ScriptedReply(answer) { PromptTokens = 400, CompletionTokens = 7 });

        var result = await Browser.ChatAsync(Body(User(question)));

        Assert.Equal(answer, result.Text);
        var calls = telemetry.Spans.Where(s => s.DisplayName == "chat " + Model).ToList();
        Assert.Equal(2, calls.Count);
        Assert.All(calls, call =>
        {
            Assert.Equal(ActivityKind.Client, call.Kind);
            Assert.Equal(Model, call.GetTagItem("gen_ai.request.model"));
            Assert.Equal("chat", call.GetTagItem("llm.purpose"));
            Assert.Equal(SentryMcpTelemetry.LlmOutcomes.Ok, call.GetTagItem("llm.outcome"));
            Assert.NotEqual(ActivityStatusCode.Error, call.Status);
            Assert.True(call.Duration > TimeSpan.Zero);
        });
        Assert.Equal([(321, 12), (400, 7)], calls.Select(c => ((int)c.GetTagItem("gen_ai.usage.input_tokens")!, (int)c.GetTagItem("gen_ai.usage.output_tokens")!)));
        // Microsoft.Extensions.AI writes the finish reasons as one JSON array string.
        Assert.Equal(["[\"tool_calls\"]", "[\"stop\"]"], calls.Select(c => (string)c.GetTagItem("gen_ai.response.finish_reasons")!));
        Assert.All(calls, call => Assert.Equal("chat", call.GetTagItem("gen_ai.operation.name")));
        // The tool the model called is traced in the same trace.
        Assert.Contains(telemetry.Spans, s => s.DisplayName == "mcp.tool whoami");

        var tokens = telemetry.Measurements("sentry_mcp.llm.tokens");
        Assert.All(tokens, t => Assert.Equal(Model, t.Tag("model")));
        Assert.Equal(721, tokens.Where(t => t.Tag("type") == "input").Sum(t => t.Value));
        Assert.Equal(19, tokens.Where(t => t.Tag("type") == "output").Sum(t => t.Value));
        var durations = telemetry.Measurements("sentry_mcp.llm.duration");
        Assert.Equal(2, durations.Count);
        Assert.All(durations, d => Assert.Equal((Model, "ok", "chat"), (d.Tag("model"), d.Tag("outcome"), d.Tag("purpose"))));
        // The GenAI convention's own metrics, from UseOpenTelemetry, on the same meter.
        var usage = telemetry.Measurements("gen_ai.client.token.usage");
        Assert.Equal(721, usage.Where(t => t.Tag("gen_ai.token.type") == "input").Sum(t => t.Value));
        Assert.Equal(19, usage.Where(t => t.Tag("gen_ai.token.type") == "output").Sum(t => t.Value));
        Assert.Equal(2, telemetry.Measurements("gen_ai.client.operation.duration").Count);

        var tagValues = telemetry.AllSpans.SelectMany(s => s.TagObjects).Select(t => Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "")
            .Concat(telemetry.AllSpans.Select(s => s.DisplayName)).ToList();
        Assert.True(tagValues.Count > 10, $"only {tagValues.Count} span tags were captured");
        Assert.DoesNotContain(tagValues, v => v.Contains("marker-prompt-5c1d9e", StringComparison.Ordinal) || v.Contains("marker-answer-77b0a4", StringComparison.Ordinal));
        Assert.DoesNotContain(tagValues, v => v.Contains("test-key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_model_API_failure_is_an_error_span_with_its_HTTP_status()
    {
        using var telemetry = new TelemetryCapture();
        Server.Llm.Fail(500);

        var result = await Browser.ChatAsync(Body(User("Hello")));

        Assert.Contains("error", result.Types);
        var call = Assert.Single(telemetry.Spans, s => s.DisplayName == "chat " + Model);
        Assert.Equal(SentryMcpTelemetry.LlmOutcomes.Error, call.GetTagItem("llm.outcome"));
        Assert.Equal(500, call.GetTagItem("http.response.status_code"));
        Assert.Equal(ActivityStatusCode.Error, call.Status);
        Assert.NotNull(call.GetTagItem("error.type"));
        Assert.Null(call.GetTagItem("gen_ai.usage.input_tokens"));
        var duration = Assert.Single(telemetry.Measurements("sentry_mcp.llm.duration"));
        Assert.Equal(("error", "500"), (duration.Tag("outcome"), duration.Tag("http.response.status_code")));
        Assert.Empty(telemetry.Measurements("sentry_mcp.llm.tokens"));
    }

    [Fact]
    public async Task An_answer_that_breaks_off_is_traced_as_cut()
    {
        using var telemetry = new TelemetryCapture();
        Server.Llm.Cut("This answer will never be finished, because the connection drops.", chunks: 2);

        var result = await Browser.ChatAsync(Body(User("Tell me a long story")));

        Assert.Contains("error", result.Types);
        var call = Assert.Single(telemetry.Spans, s => s.DisplayName == "chat " + Model);
        Assert.Equal(SentryMcpTelemetry.LlmOutcomes.Cut, call.GetTagItem("llm.outcome"));
        Assert.Equal(ActivityStatusCode.Error, call.Status);
        Assert.Equal("cut", Assert.Single(telemetry.Measurements("sentry_mcp.llm.duration")).Tag("outcome"));
    }
}
