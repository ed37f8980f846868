using System.ComponentModel;
using System.Text.RegularExpressions;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Formatting;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed partial class SearchIssuesTool
{
    private static readonly string[] Sorts = ["date", "freq", "new", "user", "recommended"];
    private static readonly string[] Periods = ["24h", "7d", "14d", "30d", "90d"];

    [McpServerTool(Name = "search_issues", Title = "Search issues", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Search for grouped issues in Sentry. Returns a LIST of issues (not counts or aggregations) with title, status, culprit and counts.\n\n" +
        "Query syntax (Sentry issue search):\n- is:unresolved / is:resolved / is:ignored / is:unassigned / is:for_review\n- level:error / level:warning\n- assigned:me / assigned:none\n- firstSeen:-24h / lastSeen:-7d\n- environment:production, release:latest, any tag as key:value\n- free text matches titles and culprits\n\n" +
        "Do not use it for counts or aggregations, or for individual events with timestamps (use search_events), nor for details of one issue (use get_issue_details).\n\n" +
        "<examples>\nsearch_issues(organizationSlug='my-org', query='is:unresolved is:unassigned', sort='freq')\nsearch_issues(organizationSlug='my-org', query='level:error firstSeen:-24h', projectSlugOrId='my-project')\n</examples>\n\n" +
        "<hints>\n- 'my-org/my-project' means organizationSlug='my-org', projectSlugOrId='my-project'.\n- projectSlugOrId takes a project slug or a numeric project ID.\n</hints>")]
    [SentryTool(PermissionGroup.Read, "event:read")]
    public static async Task<string> SearchIssues(
        SentryToolContext context,
        Search.SearchQueryTranslator translator,
        IProgress<ProgressNotificationValue> progress,
        [Description("The organization's slug. Find it with find_organizations.")] string organizationSlug,
        [Description("Natural language or Sentry issue search syntax, e.g. 'unassigned errors from today' or 'is:unresolved level:error'.")] string query = "is:unresolved",
        [Description("Sort order: date (last seen), freq (frequency), new (first seen), user (user count), recommended (Sentry's prioritized ranking).")] string sort = "date",
        [Description("The project's slug or numeric ID (optional).")] string? projectSlugOrId = null,
        [Description("The region URL of the organization, as returned by find_organizations (optional).")] string? regionUrl = null,
        [Description("Maximum number of issues to return (1-100).")] int limit = 10,
        [Description("Time window of issue activity: 24h, 7d, 14d, 30d or 90d.")] string? period = "30d",
        [Description("Include the language model's explanation of how the query was translated.")] bool includeExplanation = false,
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
        query = string.IsNullOrWhiteSpace(query) ? "is:unresolved" : query.Trim();
        // Plain language goes through the model when one is configured; Sentry syntax never does.
        // The language model can take seconds: say so to a client that asked for progress.
        var reportsProgress = translator.IsConfigured && !Search.SentrySearchSyntax.LooksLikeSentrySyntax(query);
        if (reportsProgress)
        {
            progress.Report(new ProgressNotificationValue { Progress = 0, Total = 2, Message = "Translating the query into Sentry search syntax." });
        }
        var translation = await translator.TranslateIssueQueryAsync(query, context.User, cancellationToken).ConfigureAwait(false);
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

        var (issues, hasMore) = await context.Api.ListIssuesAsync(org, project, query, sort, limit, period, regionUrl, cancellationToken).ConfigureAwait(false);
        var scope = project is null ? $"**{org}**" : $"**{org}/{project}**";
        var md = new Markdown().Title($"Issues in {scope}")
            .Field(translation.Translated ? "Translated query" : "Query", Markdown.Code(query) + (translation.Translated ? $" (from {Markdown.Code(input)})" : ""))
            .Field("Explanation", includeExplanation ? translation.Explanation : null)
            .Field("Sort", sort)
            .Field("Period", period)
            .Line();
        if (issues.Count == 0)
        {
            return md.Paragraph($"No issues found matching {Markdown.Code(query)} in the last {period}.")
                .UsingThisInformation(
                    "Broaden the query (drop filters, e.g. `is:unresolved`), or widen `period` to `90d`.",
                    "Check the project with `find_projects(organizationSlug)`.").ToString();
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
        md.MoreAvailable(hasMore, $"Raise `limit` (now {limit}, at most 100) or narrow the query.");
        return md.UsingThisInformation(
            $"Details and stack trace of one issue: `get_issue_details(organizationSlug='{org}', issueId='{issues[0].DisplayId}')`.",
            $"Resolve, ignore or assign: `update_issue(organizationSlug='{org}', issueId='…', status='resolved')`.",
            "Counts and aggregates over events: `search_events`.").ToString();
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex SlugOrId();
}
