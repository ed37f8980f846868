using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SentryMcp.Server.Conversations;

/// <summary>
/// Folds the UI message stream into the UIMessage the AI SDK's client builds from it (the parts of
/// ai@6's <c>processUIMessageStream</c> the chat emits), so the server stores exactly what the browser
/// showed; and back (<see cref="Replay"/>): a stored message as chunks, for a tab that resumes a turn
/// continuing it.
/// </summary>
public sealed class UiMessageBuilder
{
    private readonly JsonArray _parts;
    private readonly Dictionary<string, JsonObject> _openText = new(StringComparer.Ordinal);
    private readonly JsonObject _metadata;

    public UiMessageBuilder(string id, JsonArray? parts = null, JsonObject? metadata = null)
    {
        Id = id;
        _parts = parts ?? [];
        _metadata = metadata ?? [];
    }

    public string Id { get; private set; }

    /// <summary>The <c>errorText</c> of an error part, when the turn failed.</summary>
    public string? ErrorText { get; private set; }

    public bool HasOpenText => _openText.Count > 0;

    /// <summary>Ids of text blocks started and not ended (a stopped turn closes them).</summary>
    public IEnumerable<string> OpenTextIds => _openText.Keys;

    public void Apply(JsonObject chunk)
    {
        var type = chunk["type"]?.GetValue<string>();
        switch (type)
        {
            case "start":
                if (chunk["messageId"]?.GetValue<string>() is { Length: > 0 } id)
                {
                    Id = id;
                }
                MergeMetadata(chunk["messageMetadata"]);
                break;
            case "start-step":
                _parts.Add(new JsonObject { ["type"] = "step-start" });
                break;
            case "text-start":
                var text = new JsonObject { ["type"] = "text", ["text"] = "", ["state"] = "streaming" };
                _parts.Add(text);
                _openText[chunk["id"]!.GetValue<string>()] = text;
                break;
            case "text-delta" when _openText.TryGetValue(chunk["id"]!.GetValue<string>(), out var open):
                open["text"] = open["text"]!.GetValue<string>() + chunk["delta"]!.GetValue<string>();
                break;
            case "text-end" when _openText.Remove(chunk["id"]!.GetValue<string>(), out var closed):
                closed["state"] = "done";
                break;
            case "tool-input-start":
                _parts.Add(new JsonObject
                {
                    ["type"] = "dynamic-tool",
                    ["toolName"] = chunk["toolName"]?.GetValue<string>(),
                    ["toolCallId"] = chunk["toolCallId"]?.GetValue<string>(),
                    ["state"] = "input-streaming",
                    ["input"] = null,
                });
                break;
            case "tool-input-available":
                Tool(chunk, "input-available")["input"] = chunk["input"]?.DeepClone();
                break;
            case "tool-approval-request":
                Tool(chunk, "approval-requested")["approval"] = new JsonObject { ["id"] = chunk["approvalId"]?.GetValue<string>() };
                break;
            case "tool-output-available":
                Tool(chunk, "output-available")["output"] = chunk["output"]?.DeepClone();
                break;
            case "tool-output-error":
                Tool(chunk, "output-error")["errorText"] = chunk["errorText"]?.GetValue<string>();
                break;
            case "tool-output-denied":
                Tool(chunk, "output-denied");
                break;
            case "finish":
            case "message-metadata":
                MergeMetadata(chunk["messageMetadata"]);
                break;
            case "error":
                ErrorText = chunk["errorText"]?.GetValue<string>();
                break;
        }
    }

    /// <summary>Marks the message as stopped by the user (text cut where it was).</summary>
    public void Stopped()
    {
        foreach (var open in _openText.Values)
        {
            open["state"] = "done";
        }
        _openText.Clear();
    }

    private JsonObject Tool(JsonObject chunk, string state)
    {
        var callId = chunk["toolCallId"]?.GetValue<string>();
        var part = _parts.OfType<JsonObject>().LastOrDefault(p => p["toolCallId"]?.GetValue<string>() == callId);
        if (part is null)
        {
            part = new JsonObject { ["type"] = "dynamic-tool", ["toolName"] = chunk["toolName"]?.GetValue<string>(), ["toolCallId"] = callId, ["input"] = null };
            _parts.Add(part);
        }
        part["state"] = state;
        return part;
    }

    private void MergeMetadata(JsonNode? metadata)
    {
        if (metadata is JsonObject values)
        {
            foreach (var (key, value) in values)
            {
                _metadata[key] = value?.DeepClone();
            }
        }
    }

    /// <summary>
    /// The answer so far, marked <c>interrupted</c> in its metadata and with open text closed: saved while
    /// it streams, it is what the conversation keeps when the turn never finishes (its server died).
    /// </summary>
    public StoredUiMessage ToPartial(int maxBytes)
    {
        var copy = new UiMessageBuilder(Id, (JsonArray)_parts.DeepClone(), (JsonObject)_metadata.DeepClone()) { ErrorText = ErrorText };
        foreach (var text in copy._parts.OfType<JsonObject>().Where(p => p["state"]?.GetValue<string>() == "streaming"))
        {
            text["state"] = "done";
        }
        copy._metadata[InterruptedKey] = true;
        return copy.ToStored(maxBytes);
    }

    /// <summary>The metadata key of an answer whose turn did not finish (the UI shows "Answer interrupted").</summary>
    public const string InterruptedKey = "interrupted";

    public static bool IsInterrupted(string? metadataJson) =>
        metadataJson is not null && JsonNode.Parse(metadataJson) is JsonObject metadata &&
        metadata[InterruptedKey] is JsonValue flag && flag.TryGetValue<bool>(out var interrupted) && interrupted;

    /// <summary>The message as stored: parts over <paramref name="maxBytes"/> lose their largest tool outputs first.</summary>
    public StoredUiMessage ToStored(int maxBytes)
    {
        if (ErrorText is not null)
        {
            _metadata["errorText"] = ErrorText;
        }
        var parts = _parts.ToJsonString();
        while (Encoding.UTF8.GetByteCount(parts) > maxBytes && LargestOutput() is { } largest)
        {
            largest["output"] = new JsonObject
            {
                ["isError"] = false,
                ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = "(This result was too large to keep with the conversation.)" }),
                ["structuredContent"] = null,
            };
            parts = _parts.ToJsonString();
        }
        var usage = _metadata["usage"] is JsonObject u
            ? new TokenUsage(Int(u["inputTokens"]), Int(u["outputTokens"]), Int(u["totalTokens"]))
            : null;
        return new StoredUiMessage(Id, "assistant", parts, _metadata.Count > 0 ? _metadata.ToJsonString() : null, TextOf(_parts), usage);
    }

    private JsonObject? LargestOutput() => _parts.OfType<JsonObject>()
        .Where(p => p["output"] is JsonObject o && o["content"] is JsonArray c && c.ToJsonString().Length > 200)
        .OrderByDescending(p => p["output"]!.ToJsonString().Length).FirstOrDefault();

    private static int Int(JsonNode? node) => node is JsonValue v && v.TryGetValue<int>(out var n) ? n : 0;

    /// <summary>The plain text of the text parts (what search looks in).</summary>
    public static string TextOf(JsonArray parts) => string.Join("\n", parts.OfType<JsonObject>()
        .Where(p => p["type"]?.GetValue<string>() == "text").Select(p => p["text"]?.GetValue<string>() ?? ""));

    /// <summary>
    /// A stored (finished) message as the chunks that rebuild it: a resumed tab's replay starts with
    /// them when the live turn continues that message (an approval answered).
    /// </summary>
    public static List<string> Replay(string messageId, JsonArray parts, JsonObject? metadata)
    {
        var chunks = new List<object> { new { type = "start", messageId, messageMetadata = metadata } };
        var inStep = false;
        var n = 0;
        foreach (var part in parts.OfType<JsonObject>())
        {
            switch (part["type"]?.GetValue<string>())
            {
                case "step-start":
                    if (inStep)
                    {
                        chunks.Add(new { type = "finish-step" });
                    }
                    chunks.Add(new { type = "start-step" });
                    inStep = true;
                    break;
                case "text":
                    var id = $"replay-{n++}";
                    chunks.Add(new { type = "text-start", id });
                    chunks.Add(new { type = "text-delta", id, delta = part["text"]?.GetValue<string>() ?? "" });
                    chunks.Add(new { type = "text-end", id });
                    break;
                case "dynamic-tool":
                    var callId = part["toolCallId"]?.GetValue<string>();
                    var toolName = part["toolName"]?.GetValue<string>();
                    chunks.Add(new { type = "tool-input-start", toolCallId = callId, toolName, dynamic = true });
                    chunks.Add(new { type = "tool-input-available", toolCallId = callId, toolName, input = part["input"], dynamic = true });
                    if (part["approval"]?["id"]?.GetValue<string>() is { } approvalId)
                    {
                        chunks.Add(new { type = "tool-approval-request", approvalId, toolCallId = callId });
                    }
                    switch (part["state"]?.GetValue<string>())
                    {
                        case "output-available":
                            chunks.Add(new { type = "tool-output-available", toolCallId = callId, output = part["output"], dynamic = true });
                            break;
                        case "output-error":
                            chunks.Add(new { type = "tool-output-error", toolCallId = callId, errorText = part["errorText"]?.GetValue<string>() ?? "", dynamic = true });
                            break;
                        case "output-denied":
                            chunks.Add(new { type = "tool-output-denied", toolCallId = callId });
                            break;
                    }
                    break;
            }
        }
        if (inStep)
        {
            chunks.Add(new { type = "finish-step" });
        }
        return [.. chunks.Select(UiChunks.Line)];
    }
}

/// <summary>The SSE framing of UI message stream chunks.</summary>
public static class UiChunks
{
    public const string DoneLine = "data: [DONE]\n\n";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Line(object chunk) => "data: " + JsonSerializer.Serialize(chunk, chunk.GetType(), Json) + "\n\n";

    /// <summary>The chunk of a <see cref="Line"/> (null for [DONE]).</summary>
    public static JsonObject? Parse(string line)
    {
        var data = line.AsSpan("data: ".Length).TrimEnd('\n');
        return data.SequenceEqual("[DONE]") ? null : JsonNode.Parse(data.ToString()) as JsonObject;
    }
}
