using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class FindDashboardsTool
{
    private static readonly string[] Sorts = ["title", "-title", "dateCreated", "-dateCreated"];

    [McpServerTool(Name = "find_dashboards", Title = "Find dashboards", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(DashboardListOutput))]
    [Description("Find Sentry dashboards in an organization.\n\nUse this tool when you need to:\n- List the dashboards of an organization\n- Find a dashboard's ID before calling get_dashboard_details\n- Search dashboards by title\n\nReturns 10 dashboards by default (limit takes up to 100); nextCursor fetches the next page.\n\n<examples>\nfind_dashboards(organizationSlug='my-organization')\nfind_dashboards(organizationSlug='my-organization', titleQuery='errors')\nfind_dashboards(organizationSlug='my-organization', sort='-dateCreated', limit=25)\n</examples>\n\n<hints>\n- Dashboard IDs belong to one organization.\n- Call get_dashboard_details with the ID (or the exact title) to see the widgets and their queries.\n</hints>")]
    [SentryTool(PermissionGroup.Read, "org:read", Skills = [Skill.Inspect])]
    public static async Task<CallToolResult> FindDashboards(
        SentryToolContext context,
        [Description("The organization's slug. find_organizations lists the organizations you can access.")] string organizationSlug,
        [Description("The organization's region URL, if known (from find_organizations). Leave empty for self-hosted Sentry.")] string? regionUrl = null,
        [Description("Optional part of the title to search for, e.g. 'errors'.")] string? titleQuery = null,
        [Description("Sort order: title (default), -title, dateCreated (oldest first) or -dateCreated (newest first).")]
        [AllowedValues("title", "-title", "dateCreated", "-dateCreated")] string sort = "title",
        [Description("The nextCursor of a previous find_dashboards answer, for the next page; reuse it only with the same titleQuery and sort.")] string? cursor = null,
        [Description("Maximum number of dashboards to return, 1 to 100 (default 10).")][Range(1, 100)] int limit = 10,
        CancellationToken cancellationToken = default)
    {
        var org = SentryToolContext.Require(organizationSlug, nameof(organizationSlug));
        var order = string.IsNullOrWhiteSpace(sort) ? "title" : sort.Trim();
        if (!Sorts.Contains(order, StringComparer.Ordinal))
        {
            throw new UserInputException($"'{order}' is not a valid sort. Use one of: {string.Join(", ", Sorts)}.");
        }
        if (limit is < 1 or > 100)
        {
            throw new UserInputException($"The 'limit' parameter is {limit}; it must be between 1 and 100.");
        }
        var search = string.IsNullOrWhiteSpace(titleQuery) ? null : titleQuery.Trim();
        var pageCursor = DashboardSupport.Cursor(cursor);

        var (page, next) = await context.Api.ListDashboardsAsync(org, search, order, limit, pageCursor, regionUrl, cancellationToken).ConfigureAwait(false);
        var slugs = await DashboardSupport.ProjectSlugsAsync(context, org, regionUrl, cancellationToken).ConfigureAwait(false);
        var pinned = DashboardSupport.ConstrainedProjectId(context, org, slugs);
        var dashboards = page.Where(d => DashboardSupport.IsVisibleTo(d.Projects, pinned)).ToList();

        var md = new Markdown().Title($"Dashboards in **{org}**");
        if (dashboards.Count == 0 && next is null)
        {
            var text = md.Paragraph(search is null
                    ? $"No dashboards found in {Markdown.Code(org)}."
                    : $"No dashboards found in {Markdown.Code(org)} with {Markdown.Code(search)} in the title.")
                .UsingThisInformation(search is null
                    ? "Dashboards are created in Sentry's web UI; this organization has none yet."
                    : $"List them all: `find_dashboards(organizationSlug='{org}')`.").ToString();
            return ToolResults.Structured(text, new DashboardListOutput([], HasMore: false, NextCursor: null));
        }
        var output = dashboards.Select(d => ToOutput(context, org, d)).ToList();
        foreach (var (dashboard, data) in dashboards.Zip(output))
        {
            md.Heading(dashboard.Title)
                .Field("ID", dashboard.Id)
                .Field("Widgets", data.WidgetCount == 0 ? "none"
                    : $"{data.WidgetCount.ToString(CultureInfo.InvariantCulture)} ({string.Join(", ", data.WidgetTypes)})")
                .Field("Projects", DashboardSupport.ProjectList(dashboard.Projects, slugs))
                .Field("Environments", data.Environments.Count == 0 ? null : string.Join(", ", data.Environments))
                .Field("Created", Markdown.Date(dashboard.DateCreated) is { } created && data.CreatedBy is { } by ? $"{created} by {by}" : Markdown.Date(dashboard.DateCreated))
                .Field("Last Visited", Markdown.Date(dashboard.LastVisited))
                .Field("Favorited", data.IsFavorited ? "yes" : null)
                .Field("Prebuilt", data.PrebuiltId is null ? null : $"yes (Sentry template {data.PrebuiltId})")
                .Field("URL", data.Url)
                .Line();
        }
        if (next is not null)
        {
            md.Paragraph($"*More dashboards are available.* Next page: `find_dashboards(organizationSlug='{org}'"
                + (search is null ? "" : $", titleQuery='{search}'") + (order == "title" ? "" : $", sort='{order}'")
                + (limit == 10 ? "" : $", limit={limit.ToString(CultureInfo.InvariantCulture)}") + $", cursor='{next}')`.");
        }
        var example = dashboards.FirstOrDefault()?.Id ?? "<id>";
        var answer = md.UsingThisInformation(
            $"Widgets and their saved queries: `get_dashboard_details(organizationSlug='{org}', dashboardIdOrTitle='{example}')`.",
            "Widget queries use Sentry search syntax; run one yourself with `search_events` (or `search_issues` for issue widgets).").ToString();
        return ToolResults.Structured(answer, new DashboardListOutput(output, HasMore: next is not null, NextCursor: next));
    }

    private static DashboardSummaryOutput ToOutput(SentryToolContext context, string org, SentryDashboardSummary dashboard)
    {
        var types = (dashboard.WidgetDisplay ?? dashboard.WidgetPreview?.Select(w => w.DisplayType).OfType<string>().ToList() ?? [])
            .Distinct(StringComparer.Ordinal).ToList();
        return new DashboardSummaryOutput(
            dashboard.Id,
            dashboard.Title,
            dashboard.WidgetPreview?.Count ?? dashboard.WidgetDisplay?.Count ?? 0,
            types,
            dashboard.Projects ?? [],
            dashboard.Environment ?? [],
            DashboardSupport.Actor(dashboard.CreatedBy),
            dashboard.DateCreated,
            dashboard.LastVisited,
            dashboard.IsFavorited ?? false,
            dashboard.PrebuiltId,
            DashboardSupport.Url(context, org, dashboard.Id, dashboard.Projects));
    }
}
