using System.Globalization;

namespace SentryMcp.Sandbox;

/// <summary>Saved dashboards: the list (summaries with widget previews) and one dashboard's widget definitions.</summary>
public static class DashboardEndpoints
{
    public static void MapDashboardEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/organizations/{org}/dashboards/", (HttpContext http, SandboxState state, string org, string? query, string? sort) =>
        {
            lock (state.Gate)
            {
                if (state.Data.Organization(org) is null)
                {
                    return SentryErrors.NotFound();
                }
                var matching = state.Data.Dashboards
                    .Where(d => d.OrganizationSlug == org && (string.IsNullOrWhiteSpace(query) || d.Title.Contains(query.Trim(), StringComparison.OrdinalIgnoreCase)));
                // Sentry falls back to title order for a sort it does not know.
                var ordered = sort switch
                {
                    "-title" => matching.OrderByDescending(d => d.Title, StringComparer.OrdinalIgnoreCase),
                    "dateCreated" => matching.OrderBy(d => d.DateCreated),
                    "-dateCreated" => matching.OrderByDescending(d => d.DateCreated),
                    _ => matching.OrderBy(d => d.Title, StringComparer.OrdinalIgnoreCase),
                };
                return Paging.Page(http, [.. ordered.Select(d => SummaryJson(state.Data, d))], defaultPerPage: 100);
            }
        }).RequireScope("org:read");

        api.MapGet("/organizations/{org}/dashboards/{id}/", (SandboxState state, string org, string id) =>
        {
            lock (state.Gate)
            {
                var dashboard = state.Data.Organization(org) is null ? null
                    : state.Data.Dashboards.FirstOrDefault(d => d.OrganizationSlug == org && d.Id == id);
                return dashboard is null ? SentryErrors.NotFound() : Results.Json(DetailJson(state.Data, dashboard));
            }
        }).RequireScope("org:read");
    }

    private static object SummaryJson(DemoData data, SandboxDashboard dashboard) => new
    {
        id = dashboard.Id,
        title = dashboard.Title,
        dateCreated = dashboard.DateCreated,
        createdBy = CreatedBy(data, dashboard),
        environment = dashboard.Environments,
        filters = dashboard.Filters,
        lastVisited = dashboard.LastVisited,
        widgetDisplay = dashboard.Widgets.Select(w => w.DisplayType),
        widgetPreview = dashboard.Widgets.Select(w => new { displayType = w.DisplayType, layout = Layout(w) }),
        permissions = new { isEditableByEveryone = true, teamsWithEditAccess = Array.Empty<int>() },
        isFavorited = dashboard.IsFavorited,
        projects = ProjectIds(dashboard),
        prebuiltId = dashboard.PrebuiltId,
    };

    private static object DetailJson(DemoData data, SandboxDashboard dashboard) => new
    {
        id = dashboard.Id,
        title = dashboard.Title,
        dateCreated = dashboard.DateCreated,
        createdBy = CreatedBy(data, dashboard),
        widgets = dashboard.Widgets.Select(w => new
        {
            id = w.Id,
            title = w.Title,
            description = w.Description,
            displayType = w.DisplayType,
            thresholds = (object?)null,
            interval = w.Interval,
            dateCreated = dashboard.DateCreated,
            dashboardId = dashboard.Id,
            queries = w.Queries.Select(q => new
            {
                id = q.Id,
                name = q.Name,
                fields = q.Fields,
                aggregates = q.Aggregates,
                columns = q.Columns,
                fieldAliases = Array.Empty<string>(),
                conditions = q.Conditions,
                orderby = q.OrderBy,
                widgetId = w.Id,
                onDemand = Array.Empty<object>(),
                isHidden = false,
                selectedAggregate = (int?)null,
                linkedDashboards = Array.Empty<object>(),
            }),
            limit = w.Limit,
            widgetType = w.WidgetType,
            layout = Layout(w),
            axisRange = (string?)null,
            legendType = (string?)null,
            datasetSource = "user",
            changedReason = (string?)null,
        }),
        filters = dashboard.Filters,
        permissions = new { isEditableByEveryone = true, teamsWithEditAccess = Array.Empty<int>() },
        isFavorited = dashboard.IsFavorited,
        projects = ProjectIds(dashboard),
        environment = dashboard.Environments,
        period = dashboard.Period,
        utc = false,
        expired = false,
        prebuiltId = dashboard.PrebuiltId,
    };

    private static object Layout(SandboxWidget w) => new { x = w.X, y = w.Y, w = w.W, h = w.H, minH = 1 };

    private static IEnumerable<long> ProjectIds(SandboxDashboard dashboard) =>
        dashboard.ProjectIds.Select(id => long.Parse(id, CultureInfo.InvariantCulture));

    private static object? CreatedBy(DemoData data, SandboxDashboard dashboard) =>
        data.Users.FirstOrDefault(u => u.Id == dashboard.CreatedByUserId) is { } user
            ? new { id = user.Id, name = user.Name, email = user.Email, username = user.Username }
            : null;
}
