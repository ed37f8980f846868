using System.ComponentModel;
using System.Globalization;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class GetAiConversationDetailsTool
{
    private const int MaxMessageChars = 4_000;
    private const int MaxArgumentChars = 1_000;

    [McpServerTool(Name = "get_ai_conversation_details", Title = "Get AI conversation details", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(AiConversationDetailsOutput))]
    [Description("Fetch the chronological transcript and debugging details of one AI conversation.\n\n" +
        "Use this tool when you need to:\n- Read what a user asked an AI agent and what it answered\n- See which tools the agent called, with their arguments and status\n" +
        "- Find the trace and span IDs of a failed step to debug it\n\n" +
        "Returns a timeline of user messages, assistant messages and tool calls built from the conversation's gen_ai spans. To discover conversations, use search_ai_conversations.\n\n" +
        "<examples>\nget_ai_conversation_details(organizationSlug='my-org', conversationId='5e0c7a3e-41b2-4d8f-9a6c-2f1e8b7d9c01')\n</examples>\n\n" +
        "<hints>\n- The conversation is looked up in the last 30 days; pass start and end for an older one.\n- get_trace_details shows the whole trace of a step.\n</hints>")]
    [SentryTool(PermissionGroup.Read, "event:read", "project:read", Skills = [Skill.Inspect, Skill.Triage, Skill.Seer])]
    public static Task<CallToolResult> GetAiConversationDetails(
        SentryToolContext context,
        [Description("The organization's slug. find_organizations lists the organizations you can access.")] string organizationSlug,
        [Description("The AI conversation ID (gen_ai.conversation.id), from search_ai_conversations.")] string conversationId,
        [Description("Numeric project ID (or slug) to look in. Leave empty for every project.")] string? project = null,
        [Description("Explicit start of the lookup window (ISO 8601), together with end.")] string? start = null,
        [Description("Explicit end of the lookup window (ISO 8601), together with start.")] string? end = null,
        [Description("The organization's region URL, if known (from find_organizations). Leave empty for self-hosted Sentry.")] string? regionUrl = null,
        CancellationToken cancellationToken = default) =>
        RenderAsync(context, organizationSlug, conversationId, project, start, end, regionUrl, cancellationToken);

    /// <summary>The transcript for a conversation URL or id, in the default 30-day window (get_sentry_resource uses this).</summary>
    internal static Task<CallToolResult> RenderAsync(SentryToolContext context, string organizationSlug, string conversationId, string? regionUrl, CancellationToken ct) =>
        RenderAsync(context, organizationSlug, conversationId, null, null, null, regionUrl, ct);

    private static async Task<CallToolResult> RenderAsync(SentryToolContext context, string organizationSlug, string conversationId,
        string? project, string? start, string? end, string? regionUrl, CancellationToken ct)
    {
        var org = SentryToolContext.Require(organizationSlug, nameof(organizationSlug));
        var id = SentryToolContext.Require(conversationId, nameof(conversationId));
        var window = SearchAiConversationsTool.Window(null, start, end);
        var scope = context.Constraints.ProjectSlug ?? (string.IsNullOrWhiteSpace(project) ? null : project.Trim());
        var projectId = scope is null ? "-1" : await context.Api.ResolveProjectIdAsync(org, scope, regionUrl, ct).ConfigureAwait(false);
        var (title, spans) = await context.Api.GetAiConversationAsync(org, id, projectId, window, regionUrl, ct).ConfigureAwait(false);
        if (spans.Count == 0)
        {
            throw new UserInputException($"No AI conversation with ID '{id}' was found in organization '{org}' " +
                (window.StatsPeriod is not null ? "in the last 30 days" : $"between {window.Start} and {window.End}") +
                (projectId == "-1" ? "" : $" in project {scope}") +
                ". Check the ID with search_ai_conversations, or pass start and end for an older conversation.");
        }
        var data = Build(context, org, id, title, spans, window);
        return ToolResults.Structured(Format(data), data);
    }

    private static AiConversationDetailsOutput Build(SentryToolContext context, string org, string id, string? title, List<AiConversationSpan> spans, SentryApiClient.TimeWindow window)
    {
        var ordered = spans.OrderBy(s => s.StartTs).ThenBy(s => s.SpanId, StringComparer.Ordinal).ToList();
        var timeline = AiConversationTranscript.Timeline(ordered);
        var summaries = ordered.Select(s => new AiConversationSpanOutput(s.SpanId, s.Trace, s.ParentSpan, s.Project, s.ProjectId,
            AiConversationTranscript.Millis(s.StartTs), AiConversationTranscript.DurationMs(s), s.Name, s.Op, s.Description, s.Status,
            AiConversationTranscript.OperationType(s), s.AgentName, AiConversationTranscript.Model(s), s.TotalTokens is { } t ? (long)t : null)).ToList();
        return new AiConversationDetailsOutput(id, title, org, SearchAiConversationsTool.ConversationUrl(context, org, id),
            new AiConversationLookupWindow(window.StatsPeriod, window.Start, window.End),
            AiConversationTranscript.Millis(ordered.Min(s => s.StartTs)), AiConversationTranscript.Millis(ordered.Max(s => s.FinishTs)),
            [.. ordered.Select(s => s.Trace).Distinct().Order(StringComparer.Ordinal)],
            [.. ordered.Select(s => s.Project).OfType<string>().Distinct().Order(StringComparer.Ordinal)],
            ordered.Count, summaries.Count(s => s.OperationType == "ai_client"), timeline.Count(e => e.Type == "message"), timeline.Count(e => e.Type == "tool_call"),
            (long)ordered.Where(s => AiConversationTranscript.OperationType(s) == "ai_client").Sum(s => s.TotalTokens ?? 0), summaries, timeline);
    }

    private static string Format(AiConversationDetailsOutput data)
    {
        var md = new Markdown().Title($"AI Conversation {data.Title ?? data.ConversationId} in **{data.OrganizationSlug}**")
            .Field("Conversation ID", Markdown.Code(data.ConversationId))
            .Field("URL", data.Url)
            .Field("Projects", string.Join(", ", data.Projects.Select(Markdown.Code)))
            .Field("Started", Time(data.StartTimestamp, "yyyy-MM-dd HH:mm:ss 'UTC'"))
            .Field("Duration", data is { StartTimestamp: { } first, EndTimestamp: { } last } ? $"{(last - first) / 1000.0:0.#} s" : null)
            .Field("Traces", string.Join(", ", data.TraceIds.Select(Markdown.Code)))
            .Field("Counts", $"{data.SpanCount} spans, {data.AiCallCount} AI calls, {data.MessageCount} messages, {data.ToolCallCount} tool calls")
            .Field("Total Tokens", data.TotalTokens.ToString("N0", CultureInfo.InvariantCulture))
            .Line()
            .Heading("Transcript");
        var step = 0;
        foreach (var e in data.Timeline)
        {
            step++;
            var at = Time(e.Timestamp, "HH:mm:ss.fff");
            if (e.Type == "tool_call")
            {
                var failed = e.Status is { } status && status != "ok";
                md.Heading($"{step}. Tool call {e.Name} — {(failed ? $"FAILED ({e.Status})" : e.Status ?? "unknown status")}, {e.DurationMs} ms", 3)
                    .Line($"At {at} UTC, trace {Markdown.Code(e.TraceId)}, span {Markdown.Code(e.SpanId)}").Line();
                if (e.Arguments is not null)
                {
                    md.CodeBlock(Markdown.Truncate(e.Arguments, MaxArgumentChars), "json");
                }
                continue;
            }
            var who = e.Role == "user"
                ? "User" + (e.UserEmail is null ? "" : $" ({e.UserEmail})")
                : "Assistant" + $" ({string.Join(", ", new[] { e.AgentName, e.Model, e.TotalTokens is { } t ? $"{t} tokens" : null }.OfType<string>())})";
            md.Heading($"{step}. {who}", 3)
                .Line($"At {at} UTC, trace {Markdown.Code(e.TraceId)}, span {Markdown.Code(e.SpanId)}").Line()
                .Paragraph(Quote(Markdown.Truncate(e.Content, MaxMessageChars)));
        }
        var failedStep = data.Timeline.FirstOrDefault(e => e.Status is { } s && s != "ok");
        return md.UsingThisInformation(
            $"The whole trace of a step: `get_trace_details(organizationSlug='{data.OrganizationSlug}', traceId='{(failedStep ?? data.Timeline.FirstOrDefault())?.TraceId ?? data.TraceIds[0]}')`.",
            failedStep is null ? "No step failed." : $"Step {data.Timeline.ToList().IndexOf(failedStep) + 1} failed: search its errors with `search_issues(organizationSlug='{data.OrganizationSlug}', query='{failedStep.Name ?? "error"}')`.",
            $"Other conversations: `search_ai_conversations(organizationSlug='{data.OrganizationSlug}')`.").ToString();
    }

    private static string Quote(string text) => string.Join("\n", text.ReplaceLineEndings("\n").Split('\n').Select(l => "> " + l));

    private static string? Time(long? millis, string format) =>
        millis is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString(format, CultureInfo.InvariantCulture) : null;
}
