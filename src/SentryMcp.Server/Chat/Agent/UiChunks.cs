using System.Text.Json;
using System.Text.Json.Serialization;

namespace SentryMcp.Server.Chat.Agent;

// The chunks of the AI SDK UI message stream (ai@6 uiMessageChunkSchema) this server writes.
// Type comes first in each, as the SDK's own writer puts it.

public sealed record TextChunk(string Type, string Id, string? Delta = null);

public sealed record StepChunk(string Type);

public sealed record ModelMetadata(string Model, TokenUsage? Usage = null);

public sealed record TokenUsage(long InputTokens, long OutputTokens, long TotalTokens);

public sealed record StartChunk(string MessageId, ModelMetadata MessageMetadata)
{
    [JsonPropertyOrder(-1)]
    public string Type => "start";
}

public sealed record FinishChunk(string FinishReason, ModelMetadata MessageMetadata)
{
    [JsonPropertyOrder(-1)]
    public string Type => "finish";
}

public sealed record ErrorChunk(string ErrorText)
{
    [JsonPropertyOrder(-1)]
    public string Type => "error";
}

public sealed record ToolInputChunk(string Type, string ToolCallId, string ToolName, JsonElement? Input, bool Dynamic = true);

public sealed record ToolApprovalRequestChunk(string ApprovalId, string ToolCallId)
{
    [JsonPropertyOrder(-1)]
    public string Type => "tool-approval-request";
}

/// <summary>What a tool returned, as the UI shows it (capped).</summary>
public sealed record ToolOutput(bool IsError, JsonElement[] Content, JsonElement? StructuredContent);

public sealed record ToolOutputChunk(string ToolCallId, ToolOutput Output, bool Dynamic = true)
{
    [JsonPropertyOrder(-1)]
    public string Type => "tool-output-available";
}

public sealed record ToolOutputErrorChunk(string ToolCallId, string ErrorText, bool Dynamic = true)
{
    [JsonPropertyOrder(-1)]
    public string Type => "tool-output-error";
}

public sealed record ToolOutputDeniedChunk(string ToolCallId)
{
    [JsonPropertyOrder(-1)]
    public string Type => "tool-output-denied";
}

/// <summary>The AI SDK's abort chunk: the answer was stopped and keeps what it had.</summary>
public sealed record AbortChunk(string Reason)
{
    [JsonPropertyOrder(-1)]
    public string Type => "abort";
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TextChunk))]
[JsonSerializable(typeof(StepChunk))]
[JsonSerializable(typeof(StartChunk))]
[JsonSerializable(typeof(FinishChunk))]
[JsonSerializable(typeof(ErrorChunk))]
[JsonSerializable(typeof(ToolInputChunk))]
[JsonSerializable(typeof(ToolApprovalRequestChunk))]
[JsonSerializable(typeof(ToolOutputChunk))]
[JsonSerializable(typeof(ToolOutputErrorChunk))]
[JsonSerializable(typeof(ToolOutputDeniedChunk))]
[JsonSerializable(typeof(AbortChunk))]
internal sealed partial class UiChunkJson : JsonSerializerContext;
