using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SentryMcp.Core.Api.Models;

namespace SentryMcp.Core.Api;

/// <summary>Alert rules, cron monitors and uptime monitors.</summary>
public sealed partial class SentryApiClient
{
    /// <summary>Issue alerts of a project, as workflows attached to one of its detectors.</summary>
    public async Task<(List<SentryIssueAlertRule> Rules, string? NextCursor)> ListIssueAlertRulesAsync(
        string organizationSlug, string projectSlug, string? nameQuery, string? id, int limit, string? cursor, string? regionUrl, CancellationToken ct)
    {
        var path = ApiPath.WithQuery(ApiPath.Of("organizations", organizationSlug, "workflows"),
            ("projectSlug", projectSlug), ("sortBy", "-id"), ("id", id), ("per_page", Count(limit)), ("cursor", cursor),
            ("query", nameQuery is null ? null : $"name:\"*{nameQuery.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}*\""));
        var (rules, next) = await GetPageAsync<List<SentryIssueAlertRule>>(path, regionUrl, ct).ConfigureAwait(false);
        // A project filter also returns unattached org-level workflows, which alert on nothing.
        return ([.. rules.Where(r => r.DetectorIds is { Count: > 0 })], next);
    }

    /// <summary>Metric alert rules; a name query goes through Sentry's combined-rules search.</summary>
    public Task<(List<SentryMetricAlertRule> Value, string? NextCursor)> ListMetricAlertRulesAsync(
        string organizationSlug, string? projectId, string? nameQuery, int limit, string? cursor, string? regionUrl, CancellationToken ct)
    {
        var path = nameQuery is null
            ? ApiPath.WithQuery(ApiPath.Of("organizations", organizationSlug, "alert-rules"), ("project", projectId), ("per_page", Count(limit)), ("cursor", cursor))
            : ApiPath.WithQuery(ApiPath.Of("organizations", organizationSlug, "combined-rules"),
                ("name", nameQuery), ("alertType", "alert_rule"), ("project", projectId), ("per_page", Count(limit)), ("cursor", cursor));
        return GetPageAsync<List<SentryMetricAlertRule>>(path, regionUrl, ct);
    }

    public Task<SentryMetricAlertRule> GetMetricAlertRuleAsync(string organizationSlug, string ruleId, string? regionUrl, CancellationToken ct) =>
        GetAsync<SentryMetricAlertRule>(ApiPath.Of("organizations", organizationSlug, "alert-rules", ruleId), regionUrl, ct);

    public Task<(List<SentryCronMonitor> Value, string? NextCursor)> ListCronMonitorsAsync(string organizationSlug, string? projectSlug, string? environment, string? owner, string? query, int limit, string? cursor, string? regionUrl, CancellationToken ct) =>
        GetPageAsync<List<SentryCronMonitor>>(ApiPath.WithQuery(ApiPath.Of("organizations", organizationSlug, "monitors"),
            ("projectSlug", projectSlug), ("environment", environment), ("owner", owner), ("query", query), ("per_page", Count(limit)), ("cursor", cursor)), regionUrl, ct);

    public Task<SentryCronMonitor> GetCronMonitorAsync(string organizationSlug, string? projectSlugOrId, string monitorSlug, string? environment, string? regionUrl, CancellationToken ct) =>
        GetAsync<SentryCronMonitor>(ApiPath.WithQuery(MonitorPath(organizationSlug, projectSlugOrId, monitorSlug), ("environment", environment)), regionUrl, ct);

    public Task<List<SentryMonitorCheckIn>> ListCheckInsAsync(string organizationSlug, string? projectSlugOrId, string monitorSlug, string? environment, MonitorTimeWindow window, int limit, string? regionUrl, CancellationToken ct) =>
        GetAsync<List<SentryMonitorCheckIn>>(ApiPath.WithQuery(MonitorPath(organizationSlug, projectSlugOrId, monitorSlug) + "checkins/",
            ("environment", environment), ("statsPeriod", window.Period), ("start", window.Start), ("end", window.End), ("per_page", Count(limit))), regionUrl, ct);

    /// <summary>Check-in counts per time bucket: <c>[{ts, ok, error, missed, timeout, …}]</c>.</summary>
    public Task<List<Dictionary<string, JsonElement>>> GetMonitorStatsAsync(string organizationSlug, string? projectSlugOrId, string monitorSlug, string? environment, MonitorTimeWindow window, int? rollupSeconds, string? regionUrl, CancellationToken ct) =>
        GetAsync<List<Dictionary<string, JsonElement>>>(ApiPath.WithQuery(MonitorPath(organizationSlug, projectSlugOrId, monitorSlug) + "stats/",
            ("environment", environment), ("statsPeriod", window.Period), ("start", window.Start), ("end", window.End),
            ("rollup", rollupSeconds?.ToString(CultureInfo.InvariantCulture))), regionUrl, ct);

    public Task<(List<SentryUptimeMonitor> Value, string? NextCursor)> ListUptimeMonitorsAsync(string organizationSlug, string? projectId, string? environment, string? owner, string? query, int limit, string? cursor, string? regionUrl, CancellationToken ct) =>
        GetPageAsync<List<SentryUptimeMonitor>>(ApiPath.WithQuery(ApiPath.Of("organizations", organizationSlug, "uptime"),
            ("project", projectId), ("environment", environment), ("owner", owner), ("query", query), ("per_page", Count(limit)), ("cursor", cursor)), regionUrl, ct);

    public Task<SentryUptimeMonitor> GetUptimeMonitorAsync(string organizationSlug, string projectSlug, string monitorId, string? regionUrl, CancellationToken ct) =>
        GetAsync<SentryUptimeMonitor>(ApiPath.Of("projects", organizationSlug, projectSlug, "uptime", monitorId), regionUrl, ct);

    public Task<List<SentryUptimeCheck>> ListUptimeChecksAsync(string organizationSlug, string projectSlug, string monitorId, MonitorTimeWindow window, int limit, string? regionUrl, CancellationToken ct) =>
        GetAsync<List<SentryUptimeCheck>>(ApiPath.WithQuery(ApiPath.Of("projects", organizationSlug, projectSlug, "uptime", monitorId, "checks"),
            ("statsPeriod", window.Period), ("start", window.Start), ("end", window.End), ("per_page", Count(limit))), regionUrl, ct);

    /// <summary>POST with the given fields; a JSON object so that explicit nulls are sent as nulls.</summary>
    public Task<SentryUptimeMonitor> CreateUptimeMonitorAsync(string organizationSlug, string projectSlug, JsonObject fields, string? regionUrl, CancellationToken ct) =>
        SendJsonAsync<SentryUptimeMonitor>(HttpMethod.Post, ApiPath.Of("projects", organizationSlug, projectSlug, "uptime"), fields, regionUrl, ct);

    /// <summary>PUT with only the fields that change; a null field clears it.</summary>
    public Task<SentryUptimeMonitor> UpdateUptimeMonitorAsync(string organizationSlug, string projectSlug, string monitorId, JsonObject fields, string? regionUrl, CancellationToken ct) =>
        SendJsonAsync<SentryUptimeMonitor>(HttpMethod.Put, ApiPath.Of("projects", organizationSlug, projectSlug, "uptime", monitorId), fields, regionUrl, ct);

    /// <summary>Sentry answers 202 with no body.</summary>
    public async Task DeleteUptimeMonitorAsync(string organizationSlug, string projectSlug, string monitorId, string? regionUrl, CancellationToken ct)
    {
        using var response = await SendCoreAsync(HttpMethod.Delete, ApiPath.Of("projects", organizationSlug, projectSlug, "uptime", monitorId), null, regionUrl, ct).ConfigureAwait(false);
    }

    private static string MonitorPath(string organizationSlug, string? projectSlugOrId, string monitorSlug) => projectSlugOrId is null
        ? ApiPath.Of("organizations", organizationSlug, "monitors", monitorSlug)
        : ApiPath.Of("projects", organizationSlug, projectSlugOrId, "monitors", monitorSlug);

    private static string Count(int limit) => Math.Clamp(limit, 1, 100).ToString(CultureInfo.InvariantCulture);
}

/// <summary>A Sentry time window: a relative <c>statsPeriod</c>, or absolute <c>start</c>/<c>end</c>.</summary>
public sealed record MonitorTimeWindow(string? Period, string? Start, string? End);
