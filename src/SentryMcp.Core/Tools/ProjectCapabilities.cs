using System.Text.Json;

namespace SentryMcp.Core.Tools;

/// <summary>
/// What kinds of data a project has, read from Sentry's project details (<c>hasProfiles</c>,
/// <c>hasReplays</c>, <c>firstTransactionEvent</c>). A project-scoped session hides the tools that
/// need data the project has none of, as the official server does; a field that is missing counts as
/// "none", but when the project could not be read at all (null capabilities) every tool stays listed.
/// </summary>
public sealed record ProjectCapabilities(bool Profiles, bool Replays, bool Traces)
{
    /// <summary>Tool name → the capability it needs. Keyed on names: the tools may come from other parts of the catalog.</summary>
    private static readonly (string Tool, Func<ProjectCapabilities, bool> Has)[] Requirements =
    [
        ("get_profile", c => c.Profiles),
        ("get_profile_details", c => c.Profiles),
        ("get_replay_details", c => c.Replays),
        ("get_trace_details", c => c.Traces),
        ("get_span_details", c => c.Traces),
    ];

    public static ProjectCapabilities FromProject(JsonElement project) => new(
        Profiles: IsTrue(project, "hasProfiles"),
        Replays: IsTrue(project, "hasReplays"),
        Traces: IsTrue(project, "firstTransactionEvent"));

    /// <summary>The tools this project cannot serve.</summary>
    public IEnumerable<string> UnavailableTools() => Requirements.Where(r => !r.Has(this)).Select(r => r.Tool);

    private static bool IsTrue(JsonElement project, string name) =>
        project.ValueKind == JsonValueKind.Object && project.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
