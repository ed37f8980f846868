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
                    .OrderBy(m => MonitorEnvironments(m, environments).Any(e => e.Status != "ok") ? 0 : 1)
                    .ThenBy(m => m.Name, StringComparer.OrdinalIgnoreCase)
                    .Select(m => MonitorJson(data, m, environments))
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
            WithMonitor(http, state, org, monitor, (data, m) => Results.Json(MonitorJson(data, m, Environments(http))))).RequireScope(ReadScopes);

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
                    .Select(c => CheckInJson(m, c))
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
                return Results.Json(Stats(m, Environments(http), from, to, seconds));
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

    private sealed record EnvironmentState(string Name, string Status, DateTimeOffset FirstSeen, SandboxCheckIn Last);

    private static List<EnvironmentState> MonitorEnvironments(SandboxCronMonitor m, HashSet<string> filter) =>
        [.. m.CheckIns.GroupBy(c => c.Environment)
            .Where(g => filter.Count == 0 || filter.Contains(g.Key))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var last = g.MaxBy(c => c.ExpectedTime)!;
                var status = last.Status switch { "missed" => "missed_checkin", var s => s };
                return new EnvironmentState(g.Key, status, g.Min(c => c.DateCreated), last);
            })];

    private static object MonitorJson(DemoData data, SandboxCronMonitor m, HashSet<string> environments)
    {
        var project = data.Projects.First(p => p.Id == m.ProjectId);
        return new
        {
            id = m.Guid,
            slug = m.Slug,
            name = m.Name,
            status = m.Status,
            isMuted = m.IsMuted,
            isUpserting = false,
            project = new { id = project.Id, slug = project.Slug, name = project.Name, platform = project.Platform },
            owner = MonitoringEndpoints.Actor(data, m.Owner),
            dateCreated = m.DateCreated,
            config = Config(m),
            environments = MonitorEnvironments(m, environments).Select((e, i) => new
            {
                id = m.Id + (i + 1).ToString(CultureInfo.InvariantCulture),
                name = e.Name,
                status = e.Status,
                isMuted = m.IsMuted,
                dateCreated = e.FirstSeen,
                lastCheckIn = e.Last.Status == "missed" ? (DateTimeOffset?)null : e.Last.DateCreated,
                nextCheckIn = e.Last.ExpectedTime + m.Every,
                nextCheckInLatest = e.Last.ExpectedTime + m.Every + TimeSpan.FromMinutes(m.CheckInMargin),
                activeIncident = (object?)null,
            }),
            alertRule = new { targetIdentifier = (string?)null, environment = (string?)null },
        };
    }

    private static object Config(SandboxCronMonitor m) => new Dictionary<string, object?>
    {
        ["schedule"] = m.Schedule, ["schedule_type"] = m.ScheduleType, ["timezone"] = "UTC",
        ["checkin_margin"] = m.CheckInMargin, ["max_runtime"] = m.MaxRuntime, ["failure_issue_threshold"] = 1, ["recovery_threshold"] = 1,
    };

    private static object CheckInJson(SandboxCronMonitor m, SandboxCheckIn c) => new
    {
        id = c.Id,
        environment = c.Environment,
        status = c.Status,
        duration = c.Duration,
        dateCreated = c.DateCreated,
        dateAdded = c.DateCreated,
        dateUpdated = c.DateCreated,
        dateInProgress = c.Status == "missed" ? (DateTimeOffset?)null : c.ExpectedTime,
        dateClock = c.ExpectedTime,
        expectedTime = c.ExpectedTime,
        monitorConfig = Config(m),
        groups = Array.Empty<object>(),
    };

    private static List<Dictionary<string, object>> Stats(SandboxCronMonitor m, HashSet<string> environments, DateTimeOffset from, DateTimeOffset to, int rollup)
    {
        var buckets = new List<Dictionary<string, object>>();
        var first = from.ToUnixTimeSeconds() / rollup * rollup;
        for (var ts = first; ts <= to.ToUnixTimeSeconds(); ts += rollup)
        {
            var inBucket = m.CheckIns.Where(c => (environments.Count == 0 || environments.Contains(c.Environment))
                && c.DateCreated.ToUnixTimeSeconds() >= ts && c.DateCreated.ToUnixTimeSeconds() < ts + rollup).ToList();
            var durations = inBucket.Where(c => c.Duration is not null).Select(c => c.Duration!.Value).ToList();
            buckets.Add(new Dictionary<string, object>
            {
                ["ts"] = ts,
                ["duration"] = durations.Count == 0 ? 0 : Math.Round(durations.Average(), 1),
                ["in_progress"] = inBucket.Count(c => c.Status == "in_progress"),
                ["ok"] = inBucket.Count(c => c.Status == "ok"),
                ["error"] = inBucket.Count(c => c.Status == "error"),
                ["missed"] = inBucket.Count(c => c.Status == "missed"),
                ["timeout"] = inBucket.Count(c => c.Status == "timeout"),
                ["unknown"] = inBucket.Count(c => c.Status == "unknown"),
            });
        }
        return buckets;
    }
}
