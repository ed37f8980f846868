using System.ComponentModel;

namespace SentryMcp.Core.Tools.Output;

/// <summary>An HTTP uptime monitor in <c>structuredContent</c>.</summary>
public sealed record UptimeMonitorOutput(
    string Id,
    string Name,
    string ProjectSlug,
    [property: Description("active or disabled.")] string Status,
    [property: Description("ok, failed or unknown (not checked yet).")] string UptimeStatus,
    string Url,
    string? Method,
    int IntervalSeconds,
    string? Environment,
    string? Owner,
    string WebUrl,
    int TimeoutMs,
    int? RecoveryThreshold,
    int? DowntimeThreshold,
    bool? TraceSampling,
    bool? ResponseCaptureEnabled);

public sealed record UptimeMonitorListOutput(
    IReadOnlyList<UptimeMonitorOutput> Monitors,
    [property: Description("More monitors match; pass nextCursor as cursor, or narrow with projectSlug, environment, owner or query.")] bool HasMore,
    string? NextCursor);

/// <summary>The monitor after a create or update.</summary>
public sealed record UptimeMonitorResultOutput(UptimeMonitorOutput Monitor);

/// <summary>A request header; values of credential-like headers are redacted.</summary>
public sealed record UptimeHeaderOutput(string Name, string Value);

public sealed record UptimeCheckOutput(
    string? Id,
    string? ScheduledCheckTime,
    [property: Description("success, failure, failure_incident or missed_window.")] string? CheckStatus,
    string? CheckStatusReason,
    int? HttpStatusCode,
    double? DurationMs,
    string? Region,
    string? TraceId);

public sealed record UptimeMonitorDetailsOutput(UptimeMonitorOutput Monitor, IReadOnlyList<UptimeHeaderOutput> Headers, IReadOnlyList<UptimeCheckOutput> Checks);

public sealed record UptimeMonitorDeletedOutput(bool Success, string UptimeMonitorId, string ProjectSlug);
