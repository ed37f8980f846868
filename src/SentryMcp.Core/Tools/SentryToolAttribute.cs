namespace SentryMcp.Core.Tools;

/// <summary>Permission groups a user grants; each tool belongs to exactly one.</summary>
public enum PermissionGroup
{
    /// <summary>Read-only access to organizations, projects, issues, events, traces and docs.</summary>
    Read,
    /// <summary>Changing issue status and assignee.</summary>
    IssueTriage,
    /// <summary>Creating and changing teams, projects and client keys.</summary>
    ProjectManagement,
    /// <summary>Starting Seer analyses (billed by Sentry).</summary>
    Seer,
}

/// <summary>
/// Declares, next to a tool method, the permission group it belongs to and the Sentry OAuth scopes
/// its API calls need.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SentryToolAttribute(PermissionGroup group, params string[] scopes) : Attribute
{
    public PermissionGroup Group { get; } = group;
    public IReadOnlyList<string> Scopes { get; } = scopes;
}
