using System.ComponentModel;

namespace SentryMcp.Core.Tools.Output;

/// <summary>A release as tools return it in <c>structuredContent</c>.</summary>
public sealed record ReleaseOutput(
    [property: Description("The full release version, as Sentry search expects it.")] string Version,
    string? ShortVersion,
    IReadOnlyList<string> Projects,
    string? DateCreated,
    string? DateReleased,
    string? FirstEvent,
    string? LastEvent,
    int? NewGroups,
    int? CommitCount,
    int? DeployCount,
    string? LastDeployEnvironment,
    string Url);

/// <summary>A page of releases.</summary>
public sealed record ReleaseListOutput(
    IReadOnlyList<ReleaseOutput> Releases,
    [property: Description("More releases match than were returned; narrow with projectSlug or query.")] bool HasMore);
