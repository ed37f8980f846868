using System.Text.Json.Serialization;

namespace SentryMcp.Core.Api.Models;

/// <summary>The user Sentry attributes a conversation to (any field may be missing).</summary>
public sealed record AiConversationUser(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("username")] string? Username,
    [property: JsonPropertyName("ip_address")] string? IpAddress);

/// <summary>One row of <c>GET /organizations/{org}/ai-conversations/</c>: Sentry's own roll-up of a conversation's gen_ai spans.</summary>
public sealed record AiConversationSummary
{
    [JsonPropertyName("conversationId")] public string ConversationId { get; init; } = "";
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("flow")] public List<string>? Flow { get; init; }
    [JsonPropertyName("errors")] public double? Errors { get; init; }
    [JsonPropertyName("llmCalls")] public double? LlmCalls { get; init; }
    [JsonPropertyName("toolCalls")] public double? ToolCalls { get; init; }
    [JsonPropertyName("totalTokens")] public double? TotalTokens { get; init; }
    [JsonPropertyName("totalCost")] public double? TotalCost { get; init; }
    /// <summary>Milliseconds since the epoch.</summary>
    [JsonPropertyName("startTimestamp")] public double? StartTimestamp { get; init; }
    [JsonPropertyName("endTimestamp")] public double? EndTimestamp { get; init; }
    [JsonPropertyName("traceCount")] public double? TraceCount { get; init; }
    [JsonPropertyName("traceIds")] public List<string>? TraceIds { get; init; }
    [JsonPropertyName("firstInput")] public string? FirstInput { get; init; }
    [JsonPropertyName("lastOutput")] public string? LastOutput { get; init; }
    [JsonPropertyName("user")] public AiConversationUser? User { get; init; }
    [JsonPropertyName("toolNames")] public List<string>? ToolNames { get; init; }
    [JsonPropertyName("toolErrors")] public double? ToolErrors { get; init; }
}

/// <summary>One page of <c>GET /organizations/{org}/ai-conversations/{id}/</c>.</summary>
public sealed record AiConversationDetailsPage(
    [property: JsonPropertyName("conversationId")] string? ConversationId,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("spans")] List<AiConversationSpan>? Spans);

/// <summary>A span of a conversation with the gen_ai attributes Sentry stores (OpenTelemetry GenAI conventions).</summary>
public sealed record AiConversationSpan
{
    [JsonPropertyName("span_id")] public string SpanId { get; init; } = "";
    [JsonPropertyName("trace")] public string Trace { get; init; } = "";
    [JsonPropertyName("parent_span")] public string? ParentSpan { get; init; }
    /// <summary>Seconds since the epoch.</summary>
    [JsonPropertyName("precise.start_ts")] public double StartTs { get; init; }
    [JsonPropertyName("precise.finish_ts")] public double FinishTs { get; init; }
    [JsonPropertyName("project")] public string? Project { get; init; }
    [JsonPropertyName("project.id")] public string? ProjectId { get; init; }
    [JsonPropertyName("span.name")] public string? Name { get; init; }
    [JsonPropertyName("span.status")] public string? Status { get; init; }
    [JsonPropertyName("span.op")] public string? Op { get; init; }
    [JsonPropertyName("span.description")] public string? Description { get; init; }
    [JsonPropertyName("transaction")] public string? Transaction { get; init; }
    [JsonPropertyName("is_transaction")] public bool? IsTransaction { get; init; }
    [JsonPropertyName("gen_ai.operation.type")] public string? OperationType { get; init; }
    [JsonPropertyName("gen_ai.agent.name")] public string? AgentName { get; init; }
    [JsonPropertyName("gen_ai.request.model")] public string? RequestModel { get; init; }
    [JsonPropertyName("gen_ai.response.model")] public string? ResponseModel { get; init; }
    [JsonPropertyName("gen_ai.usage.total_tokens")] public double? TotalTokens { get; init; }
    [JsonPropertyName("gen_ai.cost.total_tokens")] public double? Cost { get; init; }
    [JsonPropertyName("gen_ai.input.messages")] public string? InputMessages { get; init; }
    [JsonPropertyName("gen_ai.request.messages")] public string? RequestMessages { get; init; }
    [JsonPropertyName("gen_ai.output.messages")] public string? OutputMessages { get; init; }
    [JsonPropertyName("gen_ai.response.text")] public string? ResponseText { get; init; }
    [JsonPropertyName("gen_ai.response.object")] public string? ResponseObject { get; init; }
    [JsonPropertyName("gen_ai.tool.name")] public string? ToolName { get; init; }
    [JsonPropertyName("gen_ai.tool.call.arguments")] public string? ToolCallArguments { get; init; }
    [JsonPropertyName("gen_ai.tool.input")] public string? ToolInput { get; init; }
    [JsonPropertyName("user.email")] public string? UserEmail { get; init; }
}
