using SentryMcp.Core.Tools;

namespace SentryMcp.Server.Auth;

/// <summary>
/// Our OAuth scopes (one per permission group) and the Sentry OAuth scopes each group needs upstream.
/// </summary>
public static class PermissionScopes
{
    public static readonly IReadOnlyDictionary<PermissionGroup, string> Scope = new Dictionary<PermissionGroup, string>
    {
        [PermissionGroup.Read] = "sentry:read",
        [PermissionGroup.IssueTriage] = "sentry:triage",
        [PermissionGroup.ProjectManagement] = "sentry:project",
        [PermissionGroup.Seer] = "sentry:seer",
    };

    private static readonly IReadOnlyDictionary<PermissionGroup, string[]> SentryScopesByGroup = new Dictionary<PermissionGroup, string[]>
    {
        [PermissionGroup.Read] = ["org:read", "project:read", "team:read", "event:read"],
        [PermissionGroup.IssueTriage] = ["event:write"],
        [PermissionGroup.ProjectManagement] = ["project:write", "team:write"],
        [PermissionGroup.Seer] = ["event:write"],
    };

    public static IEnumerable<string> AllScopes => Scope.Values;

    public static string[] SentryScopesFor(IEnumerable<PermissionGroup> groups) =>
        [.. groups.Append(PermissionGroup.Read).SelectMany(g => SentryScopesByGroup[g]).Distinct()];

    public static IEnumerable<PermissionGroup> GroupsFromScopes(IEnumerable<string> scopes) =>
        Scope.Where(pair => scopes.Contains(pair.Value, StringComparer.Ordinal)).Select(pair => pair.Key);

    public static string Format(IEnumerable<PermissionGroup> groups) => string.Join(',', groups.Distinct().Order());

    public static HashSet<PermissionGroup> Parse(string groups) =>
        [.. groups.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(g => Enum.TryParse<PermissionGroup>(g, out var group) ? group : (PermissionGroup?)null).OfType<PermissionGroup>()];
}
