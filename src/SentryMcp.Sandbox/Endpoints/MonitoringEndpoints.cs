using System.Globalization;

namespace SentryMcp.Sandbox;

/// <summary>Alert rules, cron monitors and uptime monitors, and the request rules they share.</summary>
public static class MonitoringEndpoints
{
    public static void MapMonitoringEndpoints(this RouteGroupBuilder api)
    {
        api.MapAlertRuleEndpoints();
        api.MapCronMonitorEndpoints();
        api.MapUptimeEndpoints();
    }

    /// <summary>
    /// Sentry's time window: <c>statsPeriod</c>, or <c>start</c> and <c>end</c> together (ISO 8601),
    /// defaulting to the last 24 hours; a malformed or half-given window is a 400.
    /// </summary>
    public static (DateTimeOffset Start, DateTimeOffset End, IResult? Error) TimeWindow(HttpContext http, DateTimeOffset now)
    {
        var query = http.Request.Query;
        var period = query["statsPeriod"].FirstOrDefault();
        var start = query["start"].FirstOrDefault();
        var end = query["end"].FirstOrDefault();
        if (!string.IsNullOrEmpty(start) || !string.IsNullOrEmpty(end))
        {
            if (string.IsNullOrEmpty(start) || string.IsNullOrEmpty(end) || !string.IsNullOrEmpty(period))
            {
                return (default, default, SentryErrors.BadRequest("start and end are required together, and cannot be combined with statsPeriod."));
            }
            if (!DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var from)
                || !DateTimeOffset.TryParse(end, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var to))
            {
                return (default, default, SentryErrors.BadRequest("start and end must be ISO 8601 timestamps."));
            }
            return from >= to ? (default, default, SentryErrors.BadRequest("start must be before end.")) : (from, to, null);
        }
        var span = string.IsNullOrEmpty(period) ? TimeSpan.FromDays(1) : SandboxRequests.ParsePeriod(period);
        return span is null ? (default, default, SentryErrors.BadRequest("Invalid statsPeriod.")) : (now - span.Value, now, null);
    }

    /// <summary>An owner string (<c>user:1</c>, <c>team:12</c>) as Sentry's actor object.</summary>
    public static object? Actor(DemoData data, string? owner)
    {
        if (owner is null)
        {
            return null;
        }
        var id = owner[(owner.IndexOf(':', StringComparison.Ordinal) + 1)..];
        return owner.StartsWith("team:", StringComparison.Ordinal)
            ? new { type = "team", id, name = data.Teams.FirstOrDefault(t => t.Id == id)?.Slug ?? id }
            : new { type = "user", id, name = data.Users.FirstOrDefault(u => u.Id == id)?.Name ?? id, email = data.Users.FirstOrDefault(u => u.Id == id)?.Email };
    }

    /// <summary>Sentry's owner filter: <c>user:ID</c>, <c>team:ID</c>, <c>myteams</c> or <c>unassigned</c>.</summary>
    public static bool OwnerMatches(DemoData data, string? filter, string? owner)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return true;
        }
        return filter.Trim() switch
        {
            "unassigned" => owner is null,
            "myteams" => owner is not null && owner.StartsWith("team:", StringComparison.Ordinal)
                && data.Teams.Any(t => owner == "team:" + t.Id && t.Slug is "backend" or "frontend"),
            var value => owner == value,
        };
    }

    /// <summary>Numeric project ids from repeated <c>project</c> parameters (<c>-1</c> means all).</summary>
    public static HashSet<string> ProjectIds(HttpContext http) =>
        http.Request.Query["project"].Where(p => !string.IsNullOrEmpty(p) && p != "-1").Select(p => p!).ToHashSet();
}
