namespace SentryMcp.Core.Api.Models;

public sealed record OnboardingStageState(string? Stage, string? Status, string? EventNote);

/// <summary>Sentry's answer to a progress update: the run as it now stands.</summary>
public sealed record OnboardingRun(
    int? Sequence,
    bool? ContinueUpdates,
    string? RunStatus,
    IReadOnlyList<string>? ProjectSlugs,
    IReadOnlyList<string>? IssueIds,
    IReadOnlyList<OnboardingStageState>? Stages);

/// <summary>The body of <c>POST /organizations/{org}/onboarding/agent/status/</c> (schema version 1); null fields are left out.</summary>
public sealed record OnboardingStatusUpdate(
    int SchemaVersion,
    string RunToken,
    string Stage,
    string Status,
    string? RunStatus,
    string? EventNote,
    IReadOnlyList<string>? ProjectSlugs,
    IReadOnlyList<string>? IssueIds);
