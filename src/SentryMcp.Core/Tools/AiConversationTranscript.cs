using System.Text.Json;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

/// <summary>
/// Turns the gen_ai spans Sentry stores for a conversation into a chronological transcript: each
/// model call (<c>ai_client</c>) gives the user's newest message and the assistant's answer, each
/// <c>execute_tool</c> span a tool call. Message payloads follow the OpenTelemetry GenAI conventions,
/// which SDKs fill in several shapes, so reading them is lenient.
/// </summary>
internal static class AiConversationTranscript
{
    public static string? OperationType(AiConversationSpan span)
    {
        if (!string.IsNullOrWhiteSpace(span.OperationType))
        {
            return span.OperationType;
        }
        var name = span.Name ?? span.Op;
        return name switch
        {
            null => null,
            "gen_ai.execute_tool" => "tool",
            "gen_ai.invoke_agent" or "gen_ai.create_agent" => "agent",
            "gen_ai.handoff" => "handoff",
            _ when name.StartsWith("gen_ai.", StringComparison.Ordinal) => "ai_client",
            _ => null,
        };
    }

    public static long Millis(double seconds) => (long)Math.Round(seconds * 1000);

    public static long DurationMs(AiConversationSpan span) => (long)Math.Round((span.FinishTs - span.StartTs) * 1000);

    public static string? Model(AiConversationSpan span) => span.ResponseModel ?? span.RequestModel;

    /// <summary>The timeline, oldest first; a user message repeated by the next model call of the same turn appears once.</summary>
    public static List<AiConversationEventOutput> Timeline(IEnumerable<AiConversationSpan> spans)
    {
        var events = new List<AiConversationEventOutput>();
        foreach (var span in spans)
        {
            switch (OperationType(span))
            {
                case "tool" when !string.IsNullOrWhiteSpace(span.ToolName):
                    events.Add(new AiConversationEventOutput("tool_call", null, span.ToolName, null, span.ToolCallArguments ?? span.ToolInput,
                        span.Status, Millis(span.StartTs), DurationMs(span), span.SpanId, span.Trace, null, span.AgentName, null, null));
                    break;
                case "ai_client":
                    AddMessages(events, span);
                    break;
            }
        }
        events.Sort((a, b) => a.Timestamp != b.Timestamp ? a.Timestamp.CompareTo(b.Timestamp)
            : a.Type != b.Type ? (a.Type == "message" ? -1 : 1)
            : string.CompareOrdinal(a.SpanId, b.SpanId));
        var result = new List<AiConversationEventOutput>(events.Count);
        string? lastUserMessage = null;
        foreach (var e in events)
        {
            if (e is { Type: "message", Role: "user" })
            {
                if (e.Content == lastUserMessage)
                {
                    continue;
                }
                lastUserMessage = e.Content;
            }
            result.Add(e);
        }
        return result;
    }

    private static void AddMessages(List<AiConversationEventOutput> events, AiConversationSpan span)
    {
        var tokens = span.TotalTokens is { } t ? (long)t : 0;
        var user = LastMessage(span.InputMessages ?? span.RequestMessages, "user");
        var assistant = LastMessage(span.OutputMessages, "assistant") ?? span.ResponseText ?? span.ResponseObject;
        if (user is not null)
        {
            events.Add(new AiConversationEventOutput("message", "user", null, user, null, null, Millis(span.StartTs), null,
                span.SpanId, span.Trace, span.UserEmail, null, null, null));
        }
        if (assistant is not null)
        {
            events.Add(new AiConversationEventOutput("message", "assistant", null, assistant, null, span.Status, Millis(span.FinishTs), DurationMs(span),
                span.SpanId, span.Trace, null, span.AgentName, Model(span), tokens));
        }
    }

    /// <summary>The text of the last message with the role (else of the last message) in a messages payload.</summary>
    private static string? LastMessage(string? raw, string role)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        if (raw == "[Filtered]")
        {
            return raw;
        }
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(raw);
            root = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return raw;
        }
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("messages", out var nested))
        {
            root = nested;
        }
        if (root.ValueKind != JsonValueKind.Array)
        {
            return Text(root);
        }
        (string? Role, string Text)? last = null, lastWithRole = null;
        foreach (var message in root.EnumerateArray())
        {
            var messageRole = message.ValueKind == JsonValueKind.Object && message.TryGetProperty("role", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            var content = message.ValueKind == JsonValueKind.Object
                ? Text(message.TryGetProperty("content", out var c) ? c : message.TryGetProperty("text", out var x) ? x : default)
                : Text(message);
            if (content is null)
            {
                continue;
            }
            last = (messageRole, content);
            if (messageRole == role)
            {
                lastWithRole = last;
            }
        }
        return lastWithRole?.Text ?? last?.Text;
    }

    /// <summary>Plain text of a content value: a string, text parts of an array, or an object's text/content/message.</summary>
    private static string? Text(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return value.GetString() is { Length: > 0 } s ? s : null;
            case JsonValueKind.Array:
                var parts = value.EnumerateArray().Select(Text).OfType<string>().ToList();
                return parts.Count > 0 ? string.Join("\n", parts) : null;
            case JsonValueKind.Object:
                foreach (var key in new[] { "text", "content", "message" })
                {
                    if (value.TryGetProperty(key, out var inner) && inner.ValueKind == JsonValueKind.String)
                    {
                        return inner.GetString();
                    }
                }
                return null;
            default:
                return null;
        }
    }
}
