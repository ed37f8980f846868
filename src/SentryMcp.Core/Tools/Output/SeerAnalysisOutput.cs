using System.ComponentModel;

namespace SentryMcp.Core.Tools.Output;

/// <summary>What a Seer run found for an issue.</summary>
public sealed record SeerAnalysisOutput(
    string IssueId,
    string? RunId,
    [property: Description("not_started (the user declined), processing, completed, error or awaiting_user_input.")] string Status,
    [property: Description("One-line root cause, when Seer found one.")] string? RootCause,
    [property: Description("One-line proposed solution, when Seer proposed one.")] string? Solution,
    IReadOnlyList<string> PullRequests);
