using System.ComponentModel;
using System.Globalization;
using System.Net;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class GetDashboardDetailsTool
{
    /// <summary>Title lookups page through matches; this bounds the calls one lookup can make.</summary>
    private const int MaxTitlePages = 5;

    [McpServerTool(Name = "get_dashboard_details", Title = "Get dashboard details", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(DashboardOutput))]
    [Description("Get detailed information about a specific Sentry dashboard.\n\nUse this tool when you need to:\n- Inspect a dashboard's widgets and their saved queries\n- See a dashboard's projects, environments, filters, layout and widget IDs\n- Open a dashboard by its exact title or numeric ID\n\n<examples>\nget_dashboard_details(organizationSlug='my-organization', dashboardIdOrTitle='12345')\nget_dashboard_details(organizationSlug='my-organization', dashboardIdOrTitle='Errors Overview')\n</examples>\n\n<hints>\n- A numeric ID is opened directly.\n- A title must match exactly one dashboard (case-insensitive); call find_dashboards first when unsure.\n- The answer holds the saved widget queries, not live widget data.\n</hints>")]
    [SentryTool(PermissionGroup.Read, "org:read", Skills = [Skill.Inspect])]
    public static async Task<CallToolResult> GetDashboardDetails(
        SentryToolContext context,
        [Description("The organization's slug. find_organizations lists the organizations you can access.")] string organizationSlug,
        [Description("The dashboard's numeric ID (from find_dashboards) or its exact title.")] string dashboardIdOrTitle,
        [Description("The organization's region URL, if known (from find_organizations). Leave empty for self-hosted Sentry.")] string? regionUrl = null,
        CancellationToken cancellationToken = default)
    {
        var org = SentryToolContext.Require(organizationSlug, nameof(organizationSlug));
        var reference = SentryToolContext.Require(dashboardIdOrTitle, nameof(dashboardIdOrTitle));
        var slugs = await DashboardSupport.ProjectSlugsAsync(context, org, regionUrl, cancellationToken).ConfigureAwait(false);
        var pinned = DashboardSupport.ConstrainedProjectId(context, org, slugs);
        var id = reference.All(char.IsAsciiDigit)
            ? reference
            : await ResolveTitleAsync(context, org, reference, pinned, regionUrl, cancellationToken).ConfigureAwait(false);

        SentryDashboard dashboard;
        try
        {
            dashboard = await context.Api.GetDashboardAsync(org, id, regionUrl, cancellationToken).ConfigureAwait(false);
        }
        catch (SentryApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            throw new UserInputException($"No dashboard with ID '{id}' in '{org}'. `find_dashboards(organizationSlug='{org}')` lists the dashboards and their IDs.");
        }
        if (!DashboardSupport.IsVisibleTo(dashboard.Projects, pinned))
        {
            throw new UserInputException($"Dashboard '{dashboard.Title}' covers other projects than '{context.Constraints.ProjectSlug}', the project this session is limited to.");
        }

        var data = ToOutput(context, org, dashboard);
        var md = new Markdown().Title($"Dashboard {dashboard.Title} in **{org}**")
            .Field("ID", dashboard.Id)
            .Field("URL", data.Url)
            .Field("Created", Markdown.Date(dashboard.DateCreated))
            .Field("Created By", data.CreatedBy)
            .Field("Projects", DashboardSupport.ProjectList(dashboard.Projects, slugs))
            .Field("Environments", data.Environments.Count == 0 ? "all environments" : string.Join(", ", data.Environments))
            .Field("Period", dashboard.Period)
            .Field("Start", Markdown.Date(dashboard.Start))
            .Field("End", Markdown.Date(dashboard.End))
            .Field("Favorited", data.IsFavorited ? "yes" : null)
            .Field("Prebuilt", data.PrebuiltId is null ? null : $"yes (Sentry template {data.PrebuiltId})");
        if (data.Filters.Count > 0)
        {
            md.Heading("Filters");
            foreach (var (key, value) in data.Filters)
            {
                md.Bullet($"**{key}**: {value}");
            }
        }
        md.Heading("Widgets");
        if (data.Widgets.Count == 0)
        {
            md.Paragraph("This dashboard has no widgets.");
        }
        foreach (var (widget, index) in data.Widgets.Select((w, i) => (w, i)))
        {
            AppendWidget(md, widget, index);
        }
        var text = md.UsingThisInformation(
            "Widgets hold saved query definitions, not live results.",
            "To see current numbers, run a widget's conditions and aggregates with `search_events` (error-events and spans widgets) or `search_issues` (issue widgets).",
            $"Other dashboards: `find_dashboards(organizationSlug='{org}')`.").ToString();
        return ToolResults.Structured(text, data);
    }

    private static void AppendWidget(Markdown md, DashboardWidgetOutput widget, int index)
    {
        var layout = widget.Layout is { } l
            ? string.Join(", ", new (string Key, int? Value)[] { ("x", l.X), ("y", l.Y), ("w", l.W), ("h", l.H) }
                .Where(p => p.Value is not null).Select(p => $"{p.Key}={p.Value!.Value.ToString(CultureInfo.InvariantCulture)}"))
            : null;
        md.Heading($"{(index + 1).ToString(CultureInfo.InvariantCulture)}. {widget.Title ?? "(untitled)"}", 3)
            .Field("ID", widget.Id)
            .Field("Display Type", widget.DisplayType)
            .Field("Widget Type", widget.WidgetType)
            .Field("Interval", widget.Interval)
            .Field("Limit", widget.Limit?.ToString(CultureInfo.InvariantCulture))
            .Field("Layout", string.IsNullOrEmpty(layout) ? null : layout)
            .Field("Description", widget.Description);
        foreach (var query in widget.Queries)
        {
            md.Bullet($"**{(string.IsNullOrWhiteSpace(query.Name) ? "Query" : query.Name)}**");
            if (!string.IsNullOrWhiteSpace(query.Conditions))
            {
                md.Bullet($"Conditions: {Markdown.Code(query.Conditions)}", 1);
            }
            if (query.Columns.Count > 0)
            {
                md.Bullet($"Group by: {string.Join(", ", query.Columns.Select(Markdown.Code))}", 1);
            }
            if (query.Aggregates.Count > 0)
            {
                md.Bullet($"Aggregates: {string.Join(", ", query.Aggregates.Select(Markdown.Code))}", 1);
            }
            if (!string.IsNullOrWhiteSpace(query.OrderBy))
            {
                md.Bullet($"Sort: {Markdown.Code(query.OrderBy)}", 1);
            }
        }
        md.Line();
    }

    /// <summary>One exact, case-insensitive title match among the dashboards the session may see; otherwise an error naming candidates.</summary>
    private static async Task<string> ResolveTitleAsync(SentryToolContext context, string org, string title, string? pinned, string? regionUrl, CancellationToken ct)
    {
        var seen = new List<SentryDashboardSummary>();
        string? cursor = null;
        for (var page = 0; page < MaxTitlePages; page++)
        {
            var (dashboards, next) = await context.Api.ListDashboardsAsync(org, title, "title", 100, cursor, regionUrl, ct).ConfigureAwait(false);
            seen.AddRange(dashboards.Where(d => DashboardSupport.IsVisibleTo(d.Projects, pinned)));
            if (next is null || next == cursor)
            {
                break;
            }
            cursor = next;
        }
        var exact = seen.Where(d => string.Equals(d.Title, title, StringComparison.OrdinalIgnoreCase)).ToList();
        return exact.Count switch
        {
            1 => exact[0].Id,
            > 1 => throw new UserInputException($"{exact.Count} dashboards are titled \"{title}\"; pass the ID instead:\n{Candidates(exact)}"),
            _ => throw new UserInputException($"No dashboard titled \"{title}\" in '{org}'."
                + (seen.Count > 0 ? $" Did you mean:\n{Candidates(seen)}" : $" `find_dashboards(organizationSlug='{org}')` lists the dashboards.")),
        };
    }

    private static string Candidates(IEnumerable<SentryDashboardSummary> dashboards) =>
        string.Join("\n", dashboards.Take(5).Select(d => $"- {d.Title} (ID: {d.Id})"));

    private static DashboardOutput ToOutput(SentryToolContext context, string org, SentryDashboard dashboard) => new(
        dashboard.Id,
        dashboard.Title,
        dashboard.DateCreated,
        DashboardSupport.Actor(dashboard.CreatedBy),
        dashboard.Projects ?? [],
        dashboard.Environment ?? [],
        dashboard.Period,
        dashboard.Start,
        dashboard.End,
        dashboard.IsFavorited ?? false,
        dashboard.PrebuiltId,
        (dashboard.Filters ?? []).Where(f => FilterText(f.Value) is not null).ToDictionary(f => f.Key, f => FilterText(f.Value)!, StringComparer.Ordinal),
        [.. (dashboard.Widgets ?? []).Select(w => new DashboardWidgetOutput(
            w.Id, w.Title, w.Description, w.DisplayType, w.WidgetType, w.Interval, w.Limit,
            w.Layout is { } l ? new DashboardLayoutOutput(l.X, l.Y, l.W, l.H) : null,
            [.. (w.Queries ?? []).Select(q => new DashboardQueryOutput(q.Name, q.Fields ?? [], q.Aggregates ?? [], q.Columns ?? [], q.Conditions, q.Orderby))]))],
        DashboardSupport.Url(context, org, dashboard.Id, dashboard.Projects, dashboard.Period));

    /// <summary>Lists of strings read best joined; other shapes (objects, say) stay compact JSON. Empty values are dropped.</summary>
    private static string? FilterText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array when value.GetArrayLength() == 0 => null,
        JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String) =>
            string.Join(", ", value.EnumerateArray().Select(v => v.GetString())),
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };
}
