using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Search;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed partial class SearchIssuesTool
{
    private static readonly string[] Sorts = ["date", "freq", "new", "user", "recommended"];
    private static readonly string[] Periods = ["24h", "7d", "14d", "30d", "90d"];

    [McpServerTool(Name = "search_issues", Title = "Search issues", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(IssueSearchOutput))]
    [Description("Search for grouped issues in Sentry. Returns a LIST of issues (not counts or aggregations) with title, status, culprit and counts.\n\n" +
        "Query syntax (Sentry issue search):\n- is:unresolved / is:resolved / is:ignored / is:unassigned / is:for_review\n- level:error / level:warning\n- assigned:me / assigned:none\n- firstSeen:-24h / lastSeen:-7d\n- environment:production, release:latest, any tag as key:value\n- free text matches titles and culprits\n\n" +
        "Do not use it for counts or aggregations, or for individual events with timestamps (use search_events), nor for details of one issue (use get_issue_details).\n\n" +
        "<examples>\nsearch_issues(organizationSlug='my-org', query='is:unresolved is:unassigned', sort='freq')\nsearch_issues(organizationSlug='my-org', query='level:error firstSeen:-24h', projectSlugOrId='my-project')\n</examples>\n\n" +
        "<hints>\n- 'my-org/my-project' means organizationSlug='my-org', projectSlugOrId='my-project'.\n- projectSlugOrId takes a project slug or a numeric project ID.\n- When more issues match, the answer gives the cursor of the next page.\n</hints>")]
    [SentryTool(PermissionGroup.Read, "event:read", Skills = [Skill.Inspect, Skill.Triage, Skill.Seer])]
    public static async Task<CallToolResult> SearchIssues(
        SentryToolContext context,
        McpServer server,
        Search.SearchQueryTranslator translator,
        IProgress<ProgressNotificationValue> progress,
        [Description("The organization's slug. Find it with find_organizations.")] string organizationSlug,
        [Description("Natural language or Sentry issue search syntax, e.g. 'unassigned errors from today' or 'is:unresolved level:error'.")] string query = "is:unresolved",
        [Description("Sort order: date (last seen), freq (frequency), new (first seen), user (user count), recommended (Sentry's prioritized ranking).")][AllowedValues("date", "freq", "new", "user", "recommended")] string sort = "date",
        [Description("The project's slug or numeric ID (optional).")] string? projectSlugOrId = null,
        [Description("The region URL of the organization, as returned by find_organizations (optional).")] string? regionUrl = null,
        [Description("Maximum number of issues to return (1-100).")] int limit = 10,
        [Description("Time window of issue activity: 24h, 7d, 14d, 30d or 90d.")][AllowedValues("24h", "7d", "14d", "30d", "90d")] string? period = "30d",
        [Description("Include the language model's explanation of how the query was translated.")] bool includeExplanation = false,
        [Description(PageCursor.Description)] string? cursor = null,
        CancellationToken cancellationToken = default)
    {
        var org = SentryToolContext.Require(organizationSlug, "organizationSlug");
        sort = string.IsNullOrWhiteSpace(sort) ? "date" : sort.Trim();
        if (!Sorts.Contains(sort))
        {
            throw new UserInputException($"Invalid sort '{sort}'. Use one of: {string.Join(", ", Sorts)}.");
        }
        if (limit is < 1 or > 100)
        {
            throw new UserInputException($"limit must be between 1 and 100 (got {limit}).");
        }
        period = string.IsNullOrWhiteSpace(period) ? "30d" : period.Trim();
        if (!Periods.Contains(period))
        {
            throw new UserInputException($"Invalid period '{period}'. Use one of: {string.Join(", ", Periods)}.");
        }
        var project = string.IsNullOrWhiteSpace(projectSlugOrId) ? null : projectSlugOrId.Trim();
        if (project is not null && !SlugOrId().IsMatch(project))
        {
            throw new UserInputException($"'{project}' is not a valid project slug or ID.");
        }
        var from = PageCursor.Parse(cursor);
        query = string.IsNullOrWhiteSpace(query) ? "is:unresolved" : query.Trim();
        // Plain language goes through the model when one is configured; Sentry syntax never does.
        // The language model can take seconds: say so to a client that asked for progress.
        var reportsProgress = translator.IsConfigured && !Search.SentrySearchSyntax.LooksLikeSentrySyntax(query);
        if (reportsProgress)
        {
            progress.Report(new ProgressNotificationValue { Progress = 0, Total = 2, Message = "Translating the query into Sentry search syntax." });
        }
        var (translation, note) = await TranslateAsync(translator, query, context.User, cancellationToken).ConfigureAwait(false);
        if (reportsProgress)
        {
            progress.Report(new ProgressNotificationValue { Progress = 1, Total = 2, Message = "Searching Sentry." });
        }
        var input = query;
        query = translation.Query;
        if (translation.Translated && translation.Sort is { } suggested && sort == "date")
        {
            sort = suggested;
        }

        var (issues, next) = await context.Api.ListIssuesPageAsync(org, project, query, sort, limit, period, from, regionUrl, cancellationToken).ConfigureAwait(false);
        var tools = SessionTools.Of(server);
        var scope = project is null ? $"**{org}**" : $"**{org}/{project}**";
        var md = new Markdown().Title($"Issues in {scope}")
            .Field(translation.Translated ? "Translated query" : "Query", Markdown.Code(query) + (translation.Translated ? $" (from {Markdown.Code(input)})" : ""))
            .Field("Explanation", includeExplanation ? translation.Explanation : null)
            .Field("Sort", sort)
            .Field("Period", period)
            .Field("Note", note)
            .Line();
        if (issues.Count == 0)
        {
            var empty = md.Paragraph(from is null ? $"No issues found matching {Markdown.Code(query)} in the last {period}." : "No more issues: this page is past the last one.")
                .UsingThisInformation([
                    "Broaden the query (drop filters, e.g. `is:unresolved`), or widen `period` to `90d`.",
                    .. tools.Has("find_projects") ? [$"Check the project with `find_projects(organizationSlug='{org}')`."] : Array.Empty<string>(),
                ]).ToString();
            return ToolResults.Structured(empty, new IssueSearchOutput(query, sort, period, [], false, null));
        }
        md.Paragraph($"Found {issues.Count} issue{(issues.Count == 1 ? "" : "s")}:");
        var index = 0;
        foreach (var issue in issues)
        {
            md.Heading($"{++index}. {issue.DisplayId}: {Markdown.Truncate(issue.Title, 200)}")
                .Field("Culprit", issue.Culprit)
                .Field("Project", issue.Project?.Slug)
                .Field("Status", IssueFormatter.Status(issue))
                .Field("Level", issue.Level)
                .Field("Events", IssueFormatter.Count(issue.Count))
                .Field("Users", IssueFormatter.Count(issue.UserCount))
                .Field("First Seen", Markdown.Date(issue.FirstSeen))
                .Field("Last Seen", Markdown.Date(issue.LastSeen))
                .Field("Assigned To", IssueFormatter.Assignee(issue))
                .Field("URL", IssueFormatter.Link(issue, org, context.Host))
                .Line();
        }
        md.NextPage(next, NextCall(org, project, query, sort, limit, period));
        var hints = new List<string>();
        if (tools.Has("get_issue_details"))
        {
            hints.Add($"Details and stack trace of one issue: `get_issue_details(organizationSlug='{org}', issueId='{issues[0].DisplayId}')`.");
        }
        if (tools.Has("update_issue"))
        {
            hints.Add($"Resolve, ignore or assign: `update_issue(organizationSlug='{org}', issueId='{issues[0].DisplayId}', status='resolved')`.");
        }
        if (tools.Has("search_events"))
        {
            hints.Add($"Counts and aggregates over events: `search_events(organizationSlug='{org}', query='how many errors per project today')`.");
        }
        hints.Add("Each heading starts with the issue's short ID; pass it as `issueId` to other tools.");
        var data = new IssueSearchOutput(query, sort, period, [.. issues.Select(i => IssueOutputs.Issue(i, org, context.Host))], next is not null, next);
        return ToolResults.Structured(md.UsingThisInformation([.. hints]).ToString(), data);
    }

    /// <summary>
    /// Plain language goes through the model; when no model is configured, or it fails or the user's
    /// translation budget is spent, the user's own words run as Sentry search (free text matches titles
    /// and culprits) and a note says so: a search with a weaker query beats no search.
    /// </summary>
    private static async Task<(IssueQueryTranslation Translation, string? Note)> TranslateAsync(
        SearchQueryTranslator translator, string query, string user, CancellationToken ct)
    {
        var plainLanguage = !SentrySearchSyntax.LooksLikeSentrySyntax(query);
        var fallback = new IssueQueryTranslation(query, null, null, Translated: false);
        if (!translator.IsConfigured)
        {
            return (fallback, plainLanguage
                ? "No language model is configured to translate plain language, so the text ran as Sentry search syntax (free text matches titles and culprits)."
                : null);
        }
        try
        {
            return (await translator.TranslateIssueQueryAsync(query, user, ct).ConfigureAwait(false), null);
        }
        catch (SearchTranslationBudgetException limit)
        {
            // The limit's own words say how many per minute and when translation works again.
            return (fallback, "The text ran as Sentry search syntax, untranslated: " + limit.Message.Replace("**Search Translation Limit**: ", "", StringComparison.Ordinal));
        }
        catch (SearchTranslationException)
        {
            return (fallback, "The language model could not translate the text, so it ran as Sentry search syntax. Write Sentry syntax (e.g. `is:unresolved level:error`) for exact results.");
        }
    }

    private static string NextCall(string org, string? project, string query, string sort, int limit, string period) =>
        $"search_issues(organizationSlug='{org}'" + (project is null ? "" : $", projectSlugOrId='{project}'") +
        $", query='{query.Replace("'", "\\'", StringComparison.Ordinal)}', sort='{sort}', limit={limit}, period='{period}', cursor='{{cursor}}')";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex SlugOrId();
}
