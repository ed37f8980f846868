using System.ComponentModel;

namespace SentryMcp.Core.Tools.Output;

/// <summary>One moment of a replay's timeline.</summary>
public sealed record ReplayEventOutput(
    [property: Description("Seconds since the replay started.")] double? OffsetSeconds,
    [property: Description("page.view, navigation, click, rage.click, dead.click, request, console.error, console.warning, …")] string Kind,
    string Description);

/// <summary>An error event of the replay and the issue it belongs to, when found.</summary>
public sealed record ReplayErrorOutput(string EventId, string? Issue, string? Title);

/// <summary>A session replay: metadata, a timeline from its recording and the errors and traces it links to.</summary>
public sealed record ReplayOutput(
    string Id,
    string Url,
    string? ProjectId,
    string? StartedAt,
    double? DurationSeconds,
    string? Environment,
    string? User,
    string? Browser,
    string? Os,
    IReadOnlyList<string> Urls,
    string? Release,
    int Errors,
    int RageClicks,
    int DeadClicks,
    int Warnings,
    bool Archived,
    IReadOnlyList<string> TraceIds,
    IReadOnlyList<ReplayErrorOutput> RelatedErrors,
    [property: Description("Clicks, navigations, requests and console messages in time order (capped).")] IReadOnlyList<ReplayEventOutput> Timeline);
