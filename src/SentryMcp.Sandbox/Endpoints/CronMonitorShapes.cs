using System.Globalization;

namespace SentryMcp.Sandbox;

/// <summary>Sentry's JSON for cron monitors, their environments, check-ins and stats buckets.</summary>
public static class CronMonitorShapes
{
    public sealed record EnvironmentState(string Name, string Status, DateTimeOffset FirstSeen, SandboxCheckIn Last);

    public static List<EnvironmentState> MonitorEnvironments(SandboxCronMonitor m, HashSet<string> filter) =>
        [.. m.CheckIns.GroupBy(c => c.Environment)
            .Where(g => filter.Count == 0 || filter.Contains(g.Key))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var last = g.MaxBy(c => c.ExpectedTime)!;
                var status = last.Status switch { "missed" => "missed_checkin", var s => s };
                return new EnvironmentState(g.Key, status, g.Min(c => c.DateCreated), last);
            })];

    public static object MonitorJson(DemoData data, SandboxCronMonitor m, HashSet<string> environments)
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

    public static object CheckInJson(SandboxCronMonitor m, SandboxCheckIn c) => new
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

    public static List<Dictionary<string, object>> Stats(SandboxCronMonitor m, HashSet<string> environments, DateTimeOffset from, DateTimeOffset to, int rollup)
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
