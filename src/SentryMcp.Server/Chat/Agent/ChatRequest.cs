using System.Text.Json;
using SentryMcp.Server.Chat.Config;

namespace SentryMcp.Server.Chat.Agent;

/// <summary>One AI SDK UIMessage: id, role and its parts (kept as JSON: the SDK adds part kinds over time).</summary>
public sealed record UiMessage(string Id, string Role, IReadOnlyList<JsonElement> Parts);

/// <summary>The <c>useChat</c> request body (ai@6): chat id, the new message (or, from older clients, all of them), the trigger.</summary>
public sealed record ChatRequest(string Id, IReadOnlyList<UiMessage> Messages, string Trigger, string? MessageId)
{
    private const int MaxPartsPerMessage = 500;

    /// <summary>The request, or the sentence that says what is wrong with it.</summary>
    public static (ChatRequest? Request, string? Error) Parse(ReadOnlyMemory<byte> body, ChatApiOptions limits)
    {
        if (!RequestBody.IsValidUtf8(body))
        {
            return (null, "The body is not valid UTF-8.");
        }
        JsonElement root;
        try
        {
            root = JsonSerializer.Deserialize<JsonElement>(body.Span);
        }
        catch (JsonException)
        {
            return (null, "The body is not valid JSON.");
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, "The body must be a JSON object: { id, messages, trigger }.");
        }
        if (!root.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || id.GetString()!.Length is 0 or > 200)
        {
            return (null, "\"id\" must be the chat's id (a string of at most 200 characters).");
        }
        var trigger = root.TryGetProperty("trigger", out var t) ? (t.ValueKind == JsonValueKind.String ? t.GetString()! : "") : "submit-message";
        if (trigger is not ("submit-message" or "regenerate-message"))
        {
            return (null, "\"trigger\" must be \"submit-message\" or \"regenerate-message\".");
        }
        // The AI SDK's persistence convention sends only the new message; older clients send them all.
        JsonElement[] messages;
        if (root.TryGetProperty("message", out var single) && !root.TryGetProperty("messages", out _))
        {
            messages = [single];
        }
        else if (!root.TryGetProperty("messages", out var all) || all.ValueKind != JsonValueKind.Array || all.GetArrayLength() == 0)
        {
            return (null, "\"message\" must be the new UI message (or \"messages\" a non-empty array of UI messages).");
        }
        else if (all.GetArrayLength() > limits.MaxMessages)
        {
            return (null, $"A chat may carry at most {limits.MaxMessages} messages. Start a new chat.");
        }
        else
        {
            messages = [.. all.EnumerateArray()];
        }
        var parsed = new List<UiMessage>();
        foreach (var message in messages)
        {
            var (ui, error) = ParseMessage(message, parsed.Count, limits);
            if (ui is null)
            {
                return (null, error);
            }
            parsed.Add(ui);
        }
        if (parsed[^1].Role == "assistant" && !parsed[^1].Parts.Any(p => ToolPart.From(p)?.State == "approval-responded"))
        {
            return (null, "The last message must be the user's, or the assistant's with answered tool approvals.");
        }
        var messageId = root.TryGetProperty("messageId", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        return (new ChatRequest(id.GetString()!, parsed, trigger, messageId), null);
    }

    private static (UiMessage?, string?) ParseMessage(JsonElement message, int index, ChatApiOptions limits)
    {
        var where = $"messages[{index}]";
        if (message.ValueKind != JsonValueKind.Object)
        {
            return (null, $"{where} must be an object.");
        }
        var id = message.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString()! : null;
        var role = message.TryGetProperty("role", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : null;
        if (id is null || role is not ("user" or "assistant"))
        {
            return (null, $"{where} needs a string \"id\" and a \"role\" of \"user\" or \"assistant\" (system prompts are the server's).");
        }
        if (!message.TryGetProperty("parts", out var parts) || parts.ValueKind != JsonValueKind.Array || parts.GetArrayLength() > MaxPartsPerMessage)
        {
            return (null, $"{where}.parts must be an array of at most {MaxPartsPerMessage} parts.");
        }
        foreach (var part in parts.EnumerateArray())
        {
            if (part.ValueKind != JsonValueKind.Object || !part.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                return (null, $"Every part of {where} must be an object with a string \"type\".");
            }
            if (type.GetString() is "text" or "reasoning")
            {
                if (!part.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
                {
                    return (null, $"A {type.GetString()} part of {where} has no string \"text\".");
                }
                if (text.GetString()!.Length > limits.MaxTextPartChars)
                {
                    return (null, $"A text part of {where} is longer than {limits.MaxTextPartChars:N0} characters.");
                }
            }
            if (ToolPart.IsToolType(type.GetString()!) && ToolPart.From(part) is null)
            {
                return (null, $"A tool part of {where} needs string \"toolCallId\" and \"state\" fields.");
            }
        }
        return (new UiMessage(id, role, [.. parts.EnumerateArray()]), null);
    }
}

/// <summary>A tool part of a UI message (dynamic tools, as MCP tools are, or static <c>tool-{name}</c> parts).</summary>
public sealed record ToolPart(string ToolCallId, string ToolName, string State, JsonElement Raw)
{
    public static bool IsToolType(string type) => type == "dynamic-tool" || type.StartsWith("tool-", StringComparison.Ordinal);

    public static ToolPart? From(JsonElement part)
    {
        var type = part.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
        if (!IsToolType(type) ||
            !part.TryGetProperty("toolCallId", out var id) || id.ValueKind != JsonValueKind.String ||
            !part.TryGetProperty("state", out var state) || state.ValueKind != JsonValueKind.String)
        {
            return null;
        }
        var name = type == "dynamic-tool"
            ? part.TryGetProperty("toolName", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : ""
            : type["tool-".Length..];
        return new ToolPart(id.GetString()!, name, state.GetString()!, part);
    }

    public JsonElement? Member(string name) => Raw.TryGetProperty(name, out var value) ? value : null;

    /// <summary><c>approval: { id, approved, reason? }</c> as the client answered it.</summary>
    public (string Id, bool Approved, string? Reason)? Approval =>
        Member("approval") is { ValueKind: JsonValueKind.Object } a && a.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? (id.GetString()!, a.TryGetProperty("approved", out var ok) && ok.ValueKind == JsonValueKind.True,
                a.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String ? reason.GetString() : null)
            : null;
}
