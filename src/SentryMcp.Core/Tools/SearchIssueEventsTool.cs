using System.ComponentModel;
using System.Net;
using System.Text.RegularExpressions;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Search;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed partial class SearchIssueEventsTool
{
    [McpServerTool(Name = "search_issue_events", Title = "Search issue events", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(IssueEventListOutput))]
    [Description("Search and filter the events of one Sentry issue, in natural language or Sentry event search syntax.\n\n" +
        "Use this tool when you need to:\n- List an issue's events in an environment, a release or for a user\n- Find an issue's events in one trace or time window\n- Pick an event ID to inspect with get_issue_breadcrumbs or get_event_stacktrace\n\n" +
        "Results are always limited to the given issue. Common filters: environment:production, release:1.0.0, user.email:alice@example.com, trace:TRACE_ID. " +
        "Natural language is translated into Sentry syntax when a language model is configured; otherwise, or when translation fails, the text is sent to Sentry as written and the answer says so. " +
        "For searches across issues use search_issues.\n\n" +
        "<examples>\nsearch_issue_events(organizationSlug='my-org', issueId='MCP-41', query='from last hour')\nsearch_issue_events(organizationSlug='my-org', issueId='MCP-41', query='environment:production')\nsearch_issue_events(issueUrl='https://my-org.sentry.io/issues/MCP-41/', query='release:v1.0.0', period='7d')\n</examples>\n\n" +
        "<hints>\n- Provide issueUrl, or organizationSlug + issueId.\n- sort is '-timestamp' (newest first, default) or 'timestamp'.\n- period is a relative window such as 24h, 7d, 14d, 30d or 90d.\n</hints>")]
    [SentryTool(PermissionGroup.Read, "event:read", Skills = [Skill.Inspect, Skill.Triage])]
    public static async Task<CallToolResult> SearchIssueEvents(
        SentryToolContext context,
        SearchQueryTranslator translator,
        IProgress<ProgressNotificationValue> progress,
        [Description("The organization's slug; required with issueId, not needed with issueUrl.")] string? organizationSlug = null,
        [Description("The issue ID, e.g. 'MCP-41' or 'PROJECT-123'. Needs organizationSlug; or use issueUrl.")] string? issueId = null,
        [Description("The full URL of the issue, e.g. https://my-org.sentry.io/issues/PROJECT-123/.")] string? issueUrl = null,
        [Description("Natural language or Sentry event search syntax for filtering within the issue, e.g. 'environment:production' or 'events from Firefox users'.")] string? query = null,
        [Description("Sort order: '-timestamp' (newest first, default) or 'timestamp'.")][System.ComponentModel.DataAnnotations.AllowedValues("-timestamp", "timestamp")] string? sort = null,
        [Description("Relative time window such as 24h, 7d, 14d, 30d or 90d. Without it Sentry searches the issue's whole retention.")] string? period = null,
        [Description("The project's slug, to help the translation find project tags (optional).")] string? projectSlug = null,
        [Description("The organization's region URL, if known (from find_organizations). Leave empty for self-hosted Sentry.")] string? regionUrl = null,
        [Description("Maximum number of events to return (1-100, default 50).")][System.ComponentModel.DataAnnotations.Range(1, 100)] int limit = 50,
        [Description("Include how the query was translated.")] bool includeExplanation = false,
        [Description("Pagination cursor from a previous answer (nextCursor), with the same issue and query.")] string? cursor = null,
        CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > 100)
        {
            throw new UserInputException($"limit must be between 1 and 100 (got {limit}).");
        }
        var order = string.IsNullOrWhiteSpace(sort) ? "-timestamp" : sort.Trim();
        if (order is not ("-timestamp" or "timestamp"))
        {
            throw new UserInputException($"Invalid sort '{sort}'. Use '-timestamp' (newest first) or 'timestamp' (oldest first).");
        }
        var window = string.IsNullOrWhiteSpace(period) ? null : period.Trim();
        if (window is not null && !Period().IsMatch(window))
        {
            throw new UserInputException($"Invalid period '{period}'. Use a relative window such as 24h, 7d, 14d, 30d or 90d.");
        }
        var (org, issue) = await IssueScope.ResolveAsync(context, organizationSlug, issueId, issueUrl, regionUrl, cancellationToken).ConfigureAwait(false);
        var input = (query ?? string.Empty).Trim();
        var (sentryQuery, translated, note, explanation) = await TranslateAsync(context, translator, progress, org, input, window, regionUrl, cancellationToken).ConfigureAwait(false);
        var page = string.IsNullOrWhiteSpace(cursor) ? null : cursor.Trim();

        IReadOnlyList<SentryEvent> events;
        string? next;
        try
        {
            (events, next) = await context.Api.ListIssueEventsAsync(org, issue.Id, sentryQuery, order, window, limit, page, regionUrl, cancellationToken).ConfigureAwait(false);
        }
        catch (SentryApiException ex) when (ex.StatusCode == HttpStatusCode.BadRequest)
        {
            throw new UserInputException($"Sentry could not run the query {Markdown.Code(sentryQuery)}: {ex.Detail ?? "it refused it"}. " +
                "Use Sentry event search syntax such as environment:production or release:1.0.0" + (page is null ? "." : ", and a cursor from a previous answer."));
        }
        var rows = events.Select(e => ToOutput(context, org, issue, e)).ToList();

        var md = new Markdown().Title($"Events of Issue {issue.DisplayId} in **{org}**")
            .Field("Issue", issue.Title)
            .Field("Query", sentryQuery.Length == 0 ? "(none: all events)" : Markdown.Code(sentryQuery))
            .Field("Translated From", translated ? Markdown.Code(input) : null)
            .Field("Period", window ?? "the issue's whole retention")
            .Field("Sort", order == "-timestamp" ? "newest first" : "oldest first")
            .Line();
        if (note is not null)
        {
            md.Paragraph($"*Note:* {note}");
        }
        if (includeExplanation && explanation is not null)
        {
            md.Paragraph($"*Translation:* {explanation}");
        }
        if (rows.Count == 0)
        {
            md.Paragraph(sentryQuery.Length == 0 ? "This issue has no events in this window." : "No events of this issue match the query. Widen the period or loosen the filters.");
        }
        foreach (var row in rows)
        {
            md.Heading(row.EventId, 3)
                .Field("Occurred At", Markdown.Date(row.DateCreated))
                .Field("Environment", row.Environment)
                .Field("Release", row.Release)
                .Field("User", row.User)
                .Field("Trace ID", row.TraceId)
                .Field("URL", row.Url)
                .Line();
        }
        if (next is not null)
        {
            md.Paragraph($"*More events match.* Pass `cursor='{next}'` with the same issue and query for the next page, or narrow the query.");
        }
        var hints = new List<string>();
        if (rows.FirstOrDefault() is { } first)
        {
            hints.Add($"One event in full: `get_issue_details(organizationSlug='{org}', issueId='{issue.DisplayId}', eventId='{first.EventId}')`.");
            hints.Add($"What led up to it: `get_issue_breadcrumbs(organizationSlug='{org}', issueId='{issue.DisplayId}', eventId='{first.EventId}')`.");
        }
        hints.Add($"How the events spread over a tag: `get_issue_tag_values(organizationSlug='{org}', issueId='{issue.DisplayId}', tagKey='release')`.");
        return ToolResults.Structured(md.UsingThisInformation([.. hints]).ToString(),
            new IssueEventListOutput(issue.DisplayId, sentryQuery, translated, rows, next is not null, next));
    }

    /// <summary>
    /// Natural language goes through the translator when one is configured. A missing or failing
    /// translator never fails the call: the text is then sent as Sentry syntax and the answer says so.
    /// </summary>
    private static async Task<(string Query, bool Translated, string? Note, string? Explanation)> TranslateAsync(SentryToolContext context, SearchQueryTranslator translator,
        IProgress<ProgressNotificationValue> progress, string org, string input, string? window, string? regionUrl, CancellationToken ct)
    {
        if (SentrySearchSyntax.LooksLikeSentrySyntax(input))
        {
            return (input, false, null, null);
        }
        if (!translator.IsConfigured)
        {
            return (input, false, "No language model is configured to translate natural language, so the text was sent to Sentry as search syntax (free words match the event message).", null);
        }
        try
        {
            progress.Report(new ProgressNotificationValue { Progress = 0, Total = 2, Message = "Translating the query into Sentry search syntax." });
            var tags = await context.Api.ListEventTagsAsync(org, window ?? "14d", regionUrl, ct).ConfigureAwait(false);
            var attributes = tags.Select(t => new SearchAttribute(t.Key, "string"))
                .Concat(BuiltInFields.Select(k => new SearchAttribute(k, k == "timestamp" ? "date" : "string")))
                .DistinctBy(a => a.Key).ToList();
            var translation = await translator.TranslateEventQueryAsync(input, "errors", attributes, context.User, ct).ConfigureAwait(false);
            progress.Report(new ProgressNotificationValue { Progress = 1, Total = 2, Message = "Searching the issue's events." });
            return (translation.Query, translation.Translated, null, translation.Explanation);
        }
        catch (McpException ex) when (ex is SearchTranslationException or SearchTranslationBudgetException)
        {
            return (input, false, $"The natural-language translation was not available ({FirstLine(ex.Message)}), so the text was sent to Sentry as search syntax.", null);
        }
        catch (Exception ex) when (ex is SentryApiException or SentryUnavailableException or SentryResponseFormatException)
        {
            return (input, false, "The organization's tags could not be read for the translation, so the text was sent to Sentry as search syntax.", null);
        }
    }

    private static readonly string[] BuiltInFields = ["environment", "release", "user.email", "user.id", "trace", "level", "message", "timestamp"];

    private static string FirstLine(string message) => message.Split('\n')[0].Replace("**", "", StringComparison.Ordinal).Trim();

    private static IssueEventOutput ToOutput(SentryToolContext context, string org, SentryIssue issue, SentryEvent ev)
    {
        var id = ev.EventId ?? ev.Id ?? "";
        string? Tag(string key) => ev.Tags?.FirstOrDefault(t => t.Key == key)?.Value;
        var user = ev.User.Str("email") ?? ev.User.Str("username") ?? ev.User.Str("id") ?? Tag("user");
        return new IssueEventOutput(id, ev.Title, ev.DateCreated, Tag("environment"),
            ev.Release.Scalar() ?? ev.Release.Str("version") ?? Tag("release"), user,
            EventFormatter.TraceId(ev) ?? Tag("trace"),
            $"{context.Host.IssueUrl(org, issue.DisplayId)}events/{id}/");
    }

    [GeneratedRegex("^[0-9]{1,4}[mhdw]$")]
    private static partial Regex Period();
}
