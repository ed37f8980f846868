using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed partial class SearchAiConversationsTool
{
    private const int PreviewLength = 240;

    [McpServerTool(Name = "search_ai_conversations", Title = "Search AI conversations", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(AiConversationListOutput))]
    [Description("Search Sentry's AI Conversations: one summary row per conversation of an instrumented AI agent.\n\n" +
        "Use this tool when you need to:\n- Find or list the conversations of an AI agent monitored by Sentry\n- Find conversations that failed, called a tool, or cost the most tokens\n" +
        "- Get a conversationId for get_ai_conversation_details\n\n" +
        "Each row has the title (when Sentry generated one), previews of the first input and last output, AI and tool call counts, errors, tokens, cost and trace IDs. " +
        "Results come newest first, 10 per page by default; pass nextCursor as cursor for the next page.\n\n" +
        "<examples>\nsearch_ai_conversations(organizationSlug='my-org', query='refund', period='7d')\n" +
        "search_ai_conversations(organizationSlug='my-org', project='backend', environment='production')\n</examples>\n\n" +
        "<hints>\n- query matches words of the conversations (titles, messages, tool and agent names).\n" +
        "- Use get_ai_conversation_details with a conversationId for the full transcript.\n- Pass start and end together for an explicit window instead of period.\n</hints>")]
    [SentryTool(PermissionGroup.Read, "event:read", "project:read", Skills = [Skill.Inspect, Skill.Triage, Skill.Seer])]
    public static async Task<CallToolResult> SearchAiConversations(
        SentryToolContext context,
        [Description("The organization's slug. find_organizations lists the organizations you can access.")] string organizationSlug,
        [Description("Words the conversations must contain (title, messages, tool or agent names).")] string? query = null,
        [Description("Project slug or numeric project ID, or an array of them. Leave empty for every project.")] JsonElement? project = null,
        [Description("Environment name, or an array of environment names.")] JsonElement? environment = null,
        [Description("Relative time range such as 24h, 7d or 30d. Defaults to 30d.")] string? period = null,
        [Description("Explicit start of the window (ISO 8601), together with end.")] string? start = null,
        [Description("Explicit end of the window (ISO 8601), together with start.")] string? end = null,
        [Description("Pagination cursor: nextCursor from a previous answer.")] string? cursor = null,
        [Description("Conversations per page, 1 to 100. Defaults to 10.")][Range(1, 100)] int limit = 10,
        [Description("The organization's region URL, if known (from find_organizations). Leave empty for self-hosted Sentry.")] string? regionUrl = null,
        CancellationToken cancellationToken = default)
    {
        var org = SentryToolContext.Require(organizationSlug, nameof(organizationSlug));
        if (limit is < 1 or > 100)
        {
            throw new UserInputException("limit must be between 1 and 100.");
        }
        var window = Window(period, start, end);
        var projects = context.Constraints.ProjectSlug is { } pinned ? [pinned] : Strings(project, nameof(project));
        var projectIds = new List<string>();
        foreach (var p in projects)
        {
            projectIds.Add(p == "-1" ? p : await context.Api.ResolveProjectIdAsync(org, p, regionUrl, cancellationToken).ConfigureAwait(false));
        }
        var environments = Strings(environment, nameof(environment));
        var search = string.IsNullOrWhiteSpace(query) ? null : query.Trim();
        var (rows, nextCursor) = await context.Api.SearchAiConversationsAsync(org, search, projectIds, environments, window, limit,
            string.IsNullOrWhiteSpace(cursor) ? null : cursor.Trim(), regionUrl, cancellationToken).ConfigureAwait(false);

        var searchUrl = ApiPath.WithQuery($"{context.Host.OrganizationUrl(org)}explore/conversations/",
            [("query", search), .. projectIds.Select(p => ("project", (string?)p)), .. environments.Select(e => ("environment", (string?)e)), .. window.Parameters()]);
        var data = new AiConversationListOutput(org, searchUrl, rows.Count, nextCursor, [.. rows.Select(r => ToOutput(context, org, r))]);
        var md = new Markdown().Title($"AI Conversations in **{org}**");
        if (rows.Count == 0)
        {
            md.Paragraph($"No AI conversations found {Describe(window, search)}. Conversations appear once an instrumented agent reports gen_ai spans; try a longer period or another project.");
            return ToolResults.Structured(md.Field("Search URL", searchUrl).ToString(), data);
        }
        md.Paragraph($"Found {rows.Count} conversation{(rows.Count == 1 ? "" : "s")} {Describe(window, search)}, newest first.").Field("Search URL", searchUrl).Line();
        foreach (var row in data.Conversations)
        {
            AppendConversation(md, row);
        }
        if (nextCursor is not null)
        {
            md.Paragraph($"*More conversations are available.* Next page: pass `cursor='{nextCursor}'` with the same arguments.");
        }
        var first = data.Conversations[0].ConversationId;
        return ToolResults.Structured(md.UsingThisInformation(
            $"Full transcript with tool calls: `get_ai_conversation_details(organizationSlug='{org}', conversationId='{first}')`.",
            $"A conversation's trace: `get_trace_details(organizationSlug='{org}', traceId='{data.Conversations[0].SampleTraceIds.FirstOrDefault()}')`.").ToString(), data);
    }

    private static void AppendConversation(Markdown md, AiConversationSummaryOutput c)
    {
        md.Heading(c.Title ?? c.ConversationId)
            .Field("Conversation ID", Markdown.Code(c.ConversationId))
            .Field("Started", Markdown.Date(DateTimeOffset.FromUnixTimeMilliseconds(c.StartTimestamp).ToString("O", CultureInfo.InvariantCulture)))
            .Field("Duration", $"{c.DurationMs / 1000.0:0.#} s")
            .Field("User", c.User?.Email ?? c.User?.Username)
            .Field("Agents", c.Flow.Count == 0 ? null : string.Join(" → ", c.Flow))
            .Field("AI Calls", c.AiCallCount.ToString(CultureInfo.InvariantCulture))
            .Field("Tool Calls", c.ToolCallCount == 0 ? "0" : $"{c.ToolCallCount} ({string.Join(", ", c.ToolNames.Select(Markdown.Code))})")
            .Field("Tool Errors", c.ToolErrorCount > 0 ? c.ToolErrorCount.ToString(CultureInfo.InvariantCulture) : null)
            .Field("Errors", c.Errors.ToString(CultureInfo.InvariantCulture))
            .Field("Tokens", c.TotalTokens.ToString("N0", CultureInfo.InvariantCulture))
            .Field("Cost", c.TotalCost.ToString("$0.0000", CultureInfo.InvariantCulture))
            .Field("Traces", $"{c.TraceCount}: {string.Join(", ", c.SampleTraceIds.Select(Markdown.Code))}")
            .Field("First Input", c.FirstInputPreview)
            .Field("Last Output", c.LastOutputPreview)
            .Field("URL", c.Url)
            .Line();
    }

    internal static AiConversationSummaryOutput ToOutput(SentryToolContext context, string org, AiConversationSummary r)
    {
        var start = (long)(r.StartTimestamp ?? 0);
        var end = (long)(r.EndTimestamp ?? r.StartTimestamp ?? 0);
        var traces = r.TraceIds ?? [];
        return new AiConversationSummaryOutput(r.ConversationId, r.Title, ConversationUrl(context, org, r.ConversationId), start, end, end - start,
            (int)(r.Errors ?? 0), (int)(r.LlmCalls ?? 0), (int)(r.ToolCalls ?? 0), (int)(r.ToolErrors ?? 0), (long)(r.TotalTokens ?? 0), r.TotalCost ?? 0,
            (int)(r.TraceCount ?? traces.Count), [.. traces.Take(3)], Preview(r.FirstInput), Preview(r.LastOutput), r.Flow ?? [], r.ToolNames ?? [],
            r.User is null ? null : new AiConversationUserOutput(r.User.Email, r.User.Username));
    }

    internal static string ConversationUrl(SentryToolContext context, string org, string conversationId) =>
        $"{context.Host.OrganizationUrl(org)}explore/conversations/{Uri.EscapeDataString(conversationId)}/";

    /// <summary>A relative period, or start and end together (as Sentry requires), each checked before any call.</summary>
    internal static SentryApiClient.TimeWindow Window(string? period, string? start, string? end)
    {
        var (from, to) = (NullIfEmpty(start), NullIfEmpty(end));
        if ((from is null) != (to is null))
        {
            throw new UserInputException("`start` and `end` must be provided together.");
        }
        if (from is not null)
        {
            if (!DateTimeOffset.TryParse(from, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var s)
                || !DateTimeOffset.TryParse(to, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var e))
            {
                throw new UserInputException("`start` and `end` must be ISO 8601 timestamps, such as 2025-06-01T00:00:00Z.");
            }
            if (e <= s)
            {
                throw new UserInputException("`end` must be after `start`.");
            }
            return new SentryApiClient.TimeWindow(null, from, to);
        }
        var window = NullIfEmpty(period) ?? "30d";
        return PeriodPattern().IsMatch(window)
            ? new SentryApiClient.TimeWindow(window, null, null)
            : throw new UserInputException($"Invalid period '{period}'. Use a relative window such as 24h, 7d, 14d, 30d or 90d.");
    }

    /// <summary>A string or an array of strings (the official schema allows both), trimmed, blanks dropped.</summary>
    private static List<string> Strings(JsonElement? value, string name) => value switch
    {
        null or { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => [],
        { ValueKind: JsonValueKind.String } s => s.GetString() is { } text && !string.IsNullOrWhiteSpace(text) ? [text.Trim()] : [],
        { ValueKind: JsonValueKind.Array } a when a.GetArrayLength() <= ToolInputLimits.ListItems && a.EnumerateArray().All(i => i.ValueKind == JsonValueKind.String) =>
            [.. a.EnumerateArray().Select(i => i.GetString()!.Trim()).Where(t => t.Length > 0).Distinct()],
        _ => throw new UserInputException($"`{name}` must be a string or an array of at most {ToolInputLimits.ListItems} strings."),
    };

    private static string Describe(SentryApiClient.TimeWindow window, string? search) =>
        (window.StatsPeriod is { } p ? $"in the last {p}" : $"between {window.Start} and {window.End}") + (search is null ? "" : $" matching {Markdown.Code(search)}");

    private static string? Preview(string? text) =>
        text is null || text.Length <= PreviewLength ? text : text[..(PreviewLength - 3)] + "...";

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^[0-9]{1,4}[hdw]$")]
    private static partial Regex PeriodPattern();
}
