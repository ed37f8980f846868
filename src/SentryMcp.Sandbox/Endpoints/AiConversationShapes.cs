namespace SentryMcp.Sandbox;

/// <summary>Sentry's JSON for AI conversations: the summary row (camelCase) and the span row (dotted attribute names).</summary>
public static class AiConversationShapes
{
    public static Dictionary<string, object?> Summary(DemoData data, string conversationId, List<SandboxAiSpan> spans)
    {
        var chats = spans.Where(s => s.IsAiCall).ToList();
        var tools = spans.Where(s => s.IsToolCall).ToList();
        var email = spans.Select(s => s.UserEmail).FirstOrDefault(e => e is not null);
        var user = email is null ? null : data.Users.FirstOrDefault(u => u.Email == email);
        return new Dictionary<string, object?>
        {
            ["conversationId"] = conversationId,
            ["title"] = data.AiConversations.FirstOrDefault(c => c.Id == conversationId)?.Title,
            ["flow"] = spans.Where(s => s.Name == "gen_ai.invoke_agent").Select(s => s.AgentName).Distinct().ToList(),
            ["errors"] = spans.Count(s => s.Status != "ok"),
            ["llmCalls"] = chats.Count,
            ["toolCalls"] = tools.Count,
            ["totalTokens"] = chats.Sum(s => s.TotalTokens ?? 0),
            ["totalCost"] = Math.Round(chats.Sum(s => s.Cost ?? 0), 6),
            ["startTimestamp"] = spans.Min(s => s.Start).ToUnixTimeMilliseconds(),
            ["endTimestamp"] = spans.Max(s => s.Finish).ToUnixTimeMilliseconds(),
            ["traceCount"] = spans.Select(s => s.TraceId).Distinct().Count(),
            ["traceIds"] = spans.Select(s => s.TraceId).Distinct().ToList(),
            ["firstInput"] = chats.FirstOrDefault()?.UserText,
            ["lastOutput"] = chats.LastOrDefault(c => c.AssistantText is not null)?.AssistantText,
            ["user"] = email is null ? null : new Dictionary<string, object?>
            {
                ["id"] = user?.Id, ["email"] = email, ["username"] = user?.Username, ["ip_address"] = null,
            },
            ["toolNames"] = tools.Select(s => s.ToolName).Distinct().ToList(),
            ["toolErrors"] = tools.Count(s => s.Status != "ok"),
        };
    }

    /// <summary>What a free-text conversation query matches: title, messages, tools, agents and user.</summary>
    public static string SearchText(Dictionary<string, object?> summary) => string.Join("\n",
        summary["conversationId"], summary["title"], summary["firstInput"], summary["lastOutput"],
        string.Join(" ", (List<string?>)summary["toolNames"]!), string.Join(" ", (List<string>)summary["flow"]!),
        (summary["user"] as Dictionary<string, object?>)?["email"]);

    public static Dictionary<string, object?> Span(DemoData data, SandboxAiSpan span) => new()
    {
        ["gen_ai.conversation.id"] = span.ConversationId,
        ["span_id"] = span.SpanId,
        ["trace"] = span.TraceId,
        ["parent_span"] = span.ParentSpanId,
        ["precise.start_ts"] = span.Start.ToUnixTimeMilliseconds() / 1000.0,
        ["precise.finish_ts"] = span.Finish.ToUnixTimeMilliseconds() / 1000.0,
        ["project"] = span.ProjectSlug,
        ["project.id"] = data.Projects.FirstOrDefault(p => p.Slug == span.ProjectSlug)?.Id,
        ["span.name"] = span.Name,
        ["span.op"] = span.Name,
        ["span.status"] = span.Status,
        ["span.description"] = span.Description,
        ["span.duration"] = span.DurationMs,
        ["transaction"] = span.Transaction,
        ["is_transaction"] = false,
        ["gen_ai.agent.name"] = span.AgentName,
        ["gen_ai.request.model"] = span.Model,
        ["gen_ai.response.model"] = span.Model,
        ["gen_ai.usage.total_tokens"] = span.TotalTokens,
        ["gen_ai.cost.total_tokens"] = span.Cost,
        ["gen_ai.input.messages"] = span.InputMessages,
        ["gen_ai.output.messages"] = span.OutputMessages,
        ["gen_ai.tool.name"] = span.ToolName,
        ["gen_ai.tool.call.arguments"] = span.ToolArguments,
        ["user.email"] = span.UserEmail,
    };
}
