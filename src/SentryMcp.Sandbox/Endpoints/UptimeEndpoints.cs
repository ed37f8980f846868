namespace SentryMcp.Sandbox;

/// <summary>HTTP uptime monitors: organization list, project CRUD and recent checks.</summary>
public static class UptimeEndpoints
{
    private static readonly string[] ReadScopes = ["project:read", "org:read"];
    private static readonly string[] WriteScopes = ["project:write", "project:admin", "alerts:write"];

    public static void MapUptimeEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/organizations/{org}/uptime/", (HttpContext http, SandboxState state, string org, string? owner, string? query) =>
        {
            lock (state.Gate)
            {
                var data = state.Data;
                if (data.Organization(org) is null)
                {
                    return SentryErrors.NotFound();
                }
                var projects = MonitoringEndpoints.ProjectIds(http);
                if (projects.Any(p => data.Project(org, p) is null))
                {
                    return SentryErrors.Json(403, "You do not have permission to perform this action.");
                }
                var environments = http.Request.Query["environment"].Where(e => !string.IsNullOrEmpty(e)).ToHashSet();
                var text = query?.Trim();
                var monitors = data.Monitoring.UptimeMonitors
                    .Where(m => data.Projects.Any(p => p.Id == m.ProjectId && p.OrganizationSlug == org))
                    .Where(m => projects.Count == 0 || projects.Contains(m.ProjectId))
                    .Where(m => environments.Count == 0 || (m.Environment is not null && environments.Contains(m.Environment)))
                    .Where(m => MonitoringEndpoints.OwnerMatches(data, owner, m.Owner))
                    .Where(m => string.IsNullOrEmpty(text) || m.Name.Contains(text, StringComparison.OrdinalIgnoreCase) || m.Url.Contains(text, StringComparison.OrdinalIgnoreCase))
                    .OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase)
                    .Select(m => UptimeJson(data, m))
                    .ToList();
                return Paging.Page(http, monitors, defaultPerPage: 25);
            }
        }).RequireScope(ReadScopes);

        api.MapPost("/projects/{org}/{proj}/uptime/", async (HttpContext http, SandboxState state, string org, string proj) =>
        {
            var (body, error) = await SandboxRequests.ReadObjectAsync(http);
            if (body is null)
            {
                return error!;
            }
            lock (state.Gate)
            {
                var data = state.Data;
                var project = data.Project(org, proj);
                if (data.Organization(org) is null || project is null)
                {
                    return SentryErrors.NotFound();
                }
                var monitor = new SandboxUptimeMonitor { Id = data.NextId(), ProjectId = project.Id, Name = "", Url = "" };
                var invalid = UptimeValidation.Apply(data, body, monitor, creating: true);
                if (invalid is not null)
                {
                    return invalid;
                }
                // A new monitor has not been checked yet.
                monitor.UptimeStatus = 0;
                data.Monitoring.UptimeMonitors.Add(monitor);
                return Results.Json(UptimeJson(data, monitor), statusCode: 201);
            }
        }).RequireScope(WriteScopes);

        api.MapGet("/projects/{org}/{proj}/uptime/{id}/", (SandboxState state, string org, string proj, string id) =>
            WithMonitor(state, org, proj, id, (data, m) => Results.Json(UptimeJson(data, m)))).RequireScope(ReadScopes);

        api.MapPut("/projects/{org}/{proj}/uptime/{id}/", async (HttpContext http, SandboxState state, string org, string proj, string id) =>
        {
            var (body, error) = await SandboxRequests.ReadObjectAsync(http);
            return body is null ? error! : WithMonitor(state, org, proj, id, (data, m) =>
                UptimeValidation.Apply(data, body, m, creating: false) ?? Results.Json(UptimeJson(data, m)));
        }).RequireScope(WriteScopes);

        api.MapDelete("/projects/{org}/{proj}/uptime/{id}/", (SandboxState state, string org, string proj, string id) =>
            WithMonitor(state, org, proj, id, (data, m) =>
            {
                data.Monitoring.UptimeMonitors.Remove(m);
                return Results.StatusCode(202);
            })).RequireScope(WriteScopes);

        api.MapGet("/projects/{org}/{proj}/uptime/{id}/checks/", (HttpContext http, SandboxState state, string org, string proj, string id) =>
            WithMonitor(state, org, proj, id, (data, m) =>
            {
                var (from, to, error) = MonitoringEndpoints.TimeWindow(http, data.Now);
                if (error is not null)
                {
                    return error;
                }
                var checks = m.Checks
                    .Where(c => c.ScheduledAt >= from && c.ScheduledAt <= to)
                    .OrderByDescending(c => c.ScheduledAt)
                    .Select(c => CheckJson(m, c))
                    .ToList();
                return Paging.Page(http, checks, defaultPerPage: 25);
            })).RequireScope(ReadScopes);
    }

    private static IResult WithMonitor(SandboxState state, string org, string proj, string id, Func<DemoData, SandboxUptimeMonitor, IResult> answer)
    {
        lock (state.Gate)
        {
            var data = state.Data;
            var project = data.Project(org, proj);
            if (data.Organization(org) is null || project is null)
            {
                return SentryErrors.NotFound();
            }
            var monitor = data.Monitoring.UptimeMonitors.FirstOrDefault(m => m.Id == id && m.ProjectId == project.Id);
            return monitor is null ? SentryErrors.NotFound() : answer(data, monitor);
        }
    }

    public static object UptimeJson(DemoData data, SandboxUptimeMonitor m) => new
    {
        id = m.Id,
        projectSlug = data.Projects.First(p => p.Id == m.ProjectId).Slug,
        environment = m.Environment,
        name = m.Name,
        status = m.Status,
        uptimeStatus = m.UptimeStatus,
        mode = 1,
        owner = MonitoringEndpoints.Actor(data, m.Owner),
        recoveryThreshold = m.RecoveryThreshold,
        downtimeThreshold = m.DowntimeThreshold,
        url = m.Url,
        method = m.Method,
        body = m.Body,
        headers = m.Headers,
        intervalSeconds = m.IntervalSeconds,
        timeoutMs = m.TimeoutMs,
        traceSampling = m.TraceSampling,
        responseCaptureEnabled = m.ResponseCaptureEnabled,
        assertion = (object?)null,
    };

    private static object CheckJson(SandboxUptimeMonitor m, SandboxUptimeCheck c) => new
    {
        uptimeCheckId = c.Id,
        timestamp = c.ScheduledAt.AddMilliseconds(c.DurationMs),
        scheduledCheckTime = c.ScheduledAt,
        checkStatus = c.Status,
        checkStatusReason = c.Reason,
        assertionFailureData = (object?)null,
        httpStatusCode = c.HttpStatusCode,
        durationMs = c.DurationMs,
        traceId = c.TraceId,
        traceItemId = c.Id + "0000",
        incidentStatus = c.Status == "failure_incident" ? 1 : 0,
        environment = m.Environment ?? "production",
        region = c.Region,
        regionName = c.RegionName,
    };
}
