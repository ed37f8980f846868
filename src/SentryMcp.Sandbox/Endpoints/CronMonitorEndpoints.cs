using System.Globalization;

namespace SentryMcp.Sandbox;

/// <summary>Cron monitors: list, details, check-ins and stats, by organization or project path.</summary>
public static class CronMonitorEndpoints
{
    private static readonly string[] ReadScopes = ["project:read", "org:read"];

    public static void MapCronMonitorEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/organizations/{org}/monitors/", (HttpContext http, SandboxState state, string org, string? owner, string? query) =>
        {
            lock (state.Gate)
            {
                var data = state.Data;
                if (data.Organization(org) is null)
                {
                    return SentryErrors.NotFound();
                }
                var slugs = http.Request.Query["projectSlug"].Where(s => !string.IsNullOrEmpty(s)).ToList();
                var projects = MonitoringEndpoints.ProjectIds(http);
                foreach (var slug in slugs)
                {
                    if (data.Project(org, slug!) is not { } project)
                    {
                        return SentryErrors.Json(403, "You do not have permission to perform this action.");
                    }
                    projects.Add(project.Id);
                }
                var environments = Environments(http);
                var monitors = data.Monitoring.CronMonitors
                    .Where(m => data.Projects.Any(p => p.Id == m.ProjectId && p.OrganizationSlug == org))
                    .Where(m => projects.Count == 0 || projects.Contains(m.ProjectId))
                    .Where(m => MonitoringEndpoints.OwnerMatches(data, owner, m.Owner))
                    .Where(m => string.IsNullOrWhiteSpace(query) || m.Name.Contains(query.Trim(), StringComparison.OrdinalIgnoreCase)
                        || m.Slug.Contains(query.Trim(), StringComparison.OrdinalIgnoreCase))
                    .Where(m => environments.Count == 0 || m.CheckIns.Any(c => environments.Contains(c.Environment)))
                    // Sentry lists failing monitors first, then by name.
                    .OrderBy(m => CronMonitorShapes.MonitorEnvironments(m, environments).Any(e => e.Status != "ok") ? 0 : 1)
                    .ThenBy(m => m.Name, StringComparer.OrdinalIgnoreCase)
                    .Select(m => CronMonitorShapes.MonitorJson(data, m, environments))
                    .ToList();
                return Paging.Page(http, monitors, defaultPerPage: 25);
            }
        }).RequireScope(ReadScopes);

        MapMonitorRoutes(api, "/organizations/{org}/monitors/{monitor}");
        MapMonitorRoutes(api, "/projects/{org}/{proj}/monitors/{monitor}");
    }

    private static void MapMonitorRoutes(RouteGroupBuilder api, string prefix)
    {
        api.MapGet(prefix + "/", (HttpContext http, SandboxState state, string org, string monitor) =>
            WithMonitor(http, state, org, monitor, (data, m) => Results.Json(CronMonitorShapes.MonitorJson(data, m, Environments(http))))).RequireScope(ReadScopes);

        api.MapGet(prefix + "/checkins/", (HttpContext http, SandboxState state, string org, string monitor) =>
            WithMonitor(http, state, org, monitor, (data, m) =>
            {
                var (from, to, error) = MonitoringEndpoints.TimeWindow(http, data.Now);
                if (error is not null)
                {
                    return error;
                }
                var environments = Environments(http);
                var checkIns = m.CheckIns
                    .Where(c => (environments.Count == 0 || environments.Contains(c.Environment)) && c.DateCreated >= from && c.DateCreated <= to)
                    .OrderByDescending(c => c.DateCreated)
                    .Select(c => CronMonitorShapes.CheckInJson(m, c))
                    .ToList();
                return Paging.Page(http, checkIns, defaultPerPage: 25);
            })).RequireScope(ReadScopes);

        api.MapGet(prefix + "/stats/", (HttpContext http, SandboxState state, string org, string monitor, string? rollup) =>
            WithMonitor(http, state, org, monitor, (data, m) =>
            {
                var (from, to, error) = MonitoringEndpoints.TimeWindow(http, data.Now);
                if (error is not null)
                {
                    return error;
                }
                var seconds = 3600;
                if (rollup is not null && (!int.TryParse(rollup, NumberStyles.None, CultureInfo.InvariantCulture, out seconds) || seconds < 60))
                {
                    return SentryErrors.BadRequest("Invalid rollup: it must be a whole number of seconds, at least 60.");
                }
                if ((to - from).TotalSeconds / seconds > 1000)
                {
                    return SentryErrors.BadRequest("The rollup is too small for this time range: it would return more than 1000 buckets.");
                }
                return Results.Json(CronMonitorShapes.Stats(m, Environments(http), from, to, seconds));
            })).RequireScope(ReadScopes);
    }

    private static IResult WithMonitor(HttpContext http, SandboxState state, string org, string monitor, Func<DemoData, SandboxCronMonitor, IResult> answer)
    {
        lock (state.Gate)
        {
            var data = state.Data;
            var proj = http.GetRouteValue("proj") as string;
            var project = proj is null ? null : data.Project(org, proj);
            if (data.Organization(org) is null || (proj is not null && project is null))
            {
                return SentryErrors.NotFound();
            }
            var found = data.Monitoring.CronMonitors.FirstOrDefault(m => (m.Slug == monitor || m.Guid == monitor)
                && data.Projects.Any(p => p.Id == m.ProjectId && p.OrganizationSlug == org)
                && (project is null || m.ProjectId == project.Id));
            return found is null ? SentryErrors.NotFound("Monitor does not exist") : answer(data, found);
        }
    }

    private static HashSet<string> Environments(HttpContext http) =>
        http.Request.Query["environment"].Where(e => !string.IsNullOrEmpty(e)).Select(e => e!).ToHashSet(StringComparer.Ordinal);
}
