using System.ComponentModel;

namespace SentryMcp.Core.Tools.Output;

public sealed record DeployOutput(string? Id, string? Environment, string? Name, string? DateStarted, string? DateFinished);

public sealed record CommitOutput(string? Id, string? Message, string? Author, string? Repository, string? DateCreated);

/// <summary>Release health of one project (sessions over the release's lifetime).</summary>
public sealed record ReleaseHealthOutput(
    string Project,
    [property: Description("Percentage of sessions that did not crash.")] double? CrashFreeSessions,
    [property: Description("Percentage of users who did not hit a crash.")] double? CrashFreeUsers,
    long? TotalSessions,
    long? TotalUsers,
    [property: Description("Percentage of the project's sessions on this release.")] double? Adoption,
    [property: Description("Adoption stage, e.g. adopted, replaced, low_adoption.")] string? Stage,
    string? PreviousRelease,
    string? NextRelease);

/// <summary>One release with its deploys, commits and (when asked) health.</summary>
public sealed record ReleaseDetailsOutput(
    ReleaseOutput Release,
    [property: Description("Newest first; empty when includeDeploys was false.")] IReadOnlyList<DeployOutput> Deploys,
    [property: Description("Newest first; empty when includeCommits was false.")] IReadOnlyList<CommitOutput> Commits,
    [property: Description("Set when includeHealth was true and a project was given.")] ReleaseHealthOutput? Health);
