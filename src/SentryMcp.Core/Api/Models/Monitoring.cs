using System.Text.Json;

namespace SentryMcp.Core.Api.Models;

// Alert components (conditions, triggers, actions) and owners vary by type and Sentry version:
// they stay JsonElement and are rendered generically.

/// <summary>An issue alert as a workflow (<c>/organizations/{org}/workflows/</c>).</summary>
public sealed record SentryIssueAlertRule(
    string Id,
    string Name,
    string? Status,
    bool? Enabled,
    string? ActionMatch,
    string? FilterMatch,
    int? Frequency,
    Dictionary<string, JsonElement>? Config,
    string? Environment,
    JsonElement? Owner,
    string? DateCreated,
    string? DateUpdated,
    string? LastTriggered,
    IReadOnlyList<string>? DetectorIds,
    IReadOnlyList<JsonElement>? Conditions,
    IReadOnlyList<JsonElement>? Filters,
    IReadOnlyList<JsonElement>? Actions,
    JsonElement? Triggers,
    IReadOnlyList<JsonElement>? ActionFilters);

public sealed record SentryMetricAlertRule(
    string Id,
    string Name,
    string? Status,
    string? Dataset,
    string? Aggregate,
    string? Query,
    double? TimeWindow,
    string? Environment,
    JsonElement? Owner,
    IReadOnlyList<string>? Projects,
    IReadOnlyList<JsonElement>? Triggers,
    string? DateCreated);

public sealed record SentryMonitorEnvironment(string? Name, string? Status, bool? IsMuted, string? LastCheckIn, string? NextCheckIn);

public sealed record SentryCronMonitor(
    string? Id,
    string Slug,
    string? Name,
    string? Status,
    bool? IsMuted,
    SentryProjectRef? Project,
    JsonElement? Owner,
    string? DateCreated,
    string? LastCheckIn,
    string? NextCheckIn,
    Dictionary<string, JsonElement>? Config,
    IReadOnlyList<SentryMonitorEnvironment>? Environments);

public sealed record SentryMonitorCheckIn(string? Id, string? Status, double? Duration, string? Environment, string? DateCreated, string? ExpectedTime);

public sealed record SentryUptimeMonitor(
    string Id,
    string? ProjectSlug,
    string? Environment,
    string Name,
    string? Status,
    JsonElement? UptimeStatus,
    JsonElement? Owner,
    int? RecoveryThreshold,
    int? DowntimeThreshold,
    string Url,
    string? Method,
    IReadOnlyList<IReadOnlyList<string>>? Headers,
    int IntervalSeconds,
    int TimeoutMs,
    bool? TraceSampling,
    bool? ResponseCaptureEnabled);

public sealed record SentryUptimeCheck(
    string? UptimeCheckId,
    string? Timestamp,
    string? ScheduledCheckTime,
    string? CheckStatus,
    string? CheckStatusReason,
    int? HttpStatusCode,
    double? DurationMs,
    string? TraceId,
    string? Environment,
    string? Region,
    string? RegionName);
