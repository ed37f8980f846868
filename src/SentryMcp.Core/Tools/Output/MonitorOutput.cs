using System.ComponentModel;

namespace SentryMcp.Core.Tools.Output;

public sealed record MonitorScheduleOutput(
    [property: Description("crontab or interval.")] string? Type,
    [property: Description("The crontab expression, or the interval such as '30 minute'.")] string? Value,
    [property: Description("Minutes a check-in may be late before it counts as missed.")] int? CheckInMargin,
    [property: Description("Minutes a run may take before it counts as timed out.")] int? MaxRuntime);

public sealed record MonitorEnvironmentOutput(string? Name, [property: Description("ok, error, missed_checkin, timeout or active.")] string? Status, string? LastCheckIn);

/// <summary>A cron monitor in <c>structuredContent</c>.</summary>
public sealed record MonitorOutput(
    string? Id,
    string Slug,
    string Name,
    string? ProjectSlug,
    [property: Description("active or disabled.")] string? Status,
    string? Owner,
    string? LastCheckIn,
    string? NextCheckIn,
    string WebUrl,
    MonitorScheduleOutput? Schedule,
    IReadOnlyList<MonitorEnvironmentOutput> Environments,
    bool HasMoreEnvironments);

public sealed record MonitorListOutput(
    IReadOnlyList<MonitorOutput> Monitors,
    [property: Description("More monitors match; pass nextCursor as cursor, or narrow with projectSlug, environment, owner or query.")] bool HasMore,
    string? NextCursor);

public sealed record MonitorCheckInOutput(string? Id, [property: Description("ok, error, missed, timeout or in_progress.")] string? Status, double? DurationMs, string? Environment, string? DateCreated, string? ExpectedTime);

/// <summary>Check-in counts of one stats bucket.</summary>
public sealed record MonitorStatOutput(string Timestamp, int Ok, int Error, int Missed, int Timeout, int InProgress, int Unknown, double? DurationMs);

public sealed record MonitorDetailsOutput(
    MonitorOutput Monitor,
    IReadOnlyList<MonitorCheckInOutput> CheckIns,
    [property: Description("Stats buckets of the time range, oldest first; empty when includeStats is false.")] IReadOnlyList<MonitorStatOutput> Stats);
