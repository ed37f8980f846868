using System.ComponentModel;

namespace SentryMcp.Core.Tools.Output;

/// <summary>The user a conversation is attributed to.</summary>
public sealed record AiConversationUserOutput(string? Email, string? Username);

/// <summary>One AI conversation as search_ai_conversations returns it (timestamps in milliseconds since the epoch).</summary>
public sealed record AiConversationSummaryOutput(
    [property: Description("The gen_ai.conversation.id; pass it to get_ai_conversation_details.")] string ConversationId,
    string? Title,
    string Url,
    long StartTimestamp,
    long EndTimestamp,
    long DurationMs,
    int Errors,
    int AiCallCount,
    int ToolCallCount,
    int ToolErrorCount,
    long TotalTokens,
    double TotalCost,
    int TraceCount,
    [property: Description("Up to three of the conversation's trace IDs.")] IReadOnlyList<string> SampleTraceIds,
    string? FirstInputPreview,
    string? LastOutputPreview,
    [property: Description("The agents involved, in order.")] IReadOnlyList<string> Flow,
    IReadOnlyList<string> ToolNames,
    AiConversationUserOutput? User);

/// <summary>A page of AI conversations.</summary>
public sealed record AiConversationListOutput(
    string OrganizationSlug,
    [property: Description("The same search in Sentry's AI Conversations view.")] string SearchUrl,
    int Count,
    [property: Description("Pass as cursor for the next page; null when this is the last page.")] string? NextCursor,
    IReadOnlyList<AiConversationSummaryOutput> Conversations);

/// <summary>The window the conversation's spans were looked up in.</summary>
public sealed record AiConversationLookupWindow(string? StatsPeriod, string? Start, string? End);

/// <summary>One step of a conversation: a user or assistant message, or a tool call.</summary>
public sealed record AiConversationEventOutput(
    [property: Description("message or tool_call.")] string Type,
    [property: Description("user or assistant, for messages.")] string? Role,
    [property: Description("The tool's name, for tool calls.")] string? Name,
    string? Content,
    [property: Description("The tool call's arguments as the model sent them (JSON text).")] string? Arguments,
    string? Status,
    long Timestamp,
    long? DurationMs,
    string SpanId,
    string TraceId,
    string? UserEmail,
    string? AgentName,
    string? Model,
    long? TotalTokens);

/// <summary>A span of the conversation, for follow-up in the trace.</summary>
public sealed record AiConversationSpanOutput(
    string SpanId,
    string TraceId,
    string? ParentSpanId,
    string? Project,
    string? ProjectId,
    long Timestamp,
    long DurationMs,
    string? SpanName,
    string? SpanOp,
    string? SpanDescription,
    string? SpanStatus,
    [property: Description("agent, ai_client, tool or handoff.")] string? OperationType,
    string? AgentName,
    string? Model,
    long? TotalTokens);

/// <summary>An AI conversation's transcript and spans.</summary>
public sealed record AiConversationDetailsOutput(
    string ConversationId,
    string? Title,
    string OrganizationSlug,
    string Url,
    AiConversationLookupWindow LookupWindow,
    long? StartTimestamp,
    long? EndTimestamp,
    IReadOnlyList<string> TraceIds,
    IReadOnlyList<string> Projects,
    int SpanCount,
    int AiCallCount,
    int MessageCount,
    int ToolCallCount,
    long TotalTokens,
    IReadOnlyList<AiConversationSpanOutput> SpanSummaries,
    [property: Description("User and assistant messages and tool calls, oldest first.")] IReadOnlyList<AiConversationEventOutput> Timeline);
