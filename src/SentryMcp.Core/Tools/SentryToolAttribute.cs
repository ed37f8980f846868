namespace SentryMcp.Core.Tools;

/// <summary>
/// Permission groups a user grants (our OAuth scopes); each enables one or more <see cref="Skill"/>s.
/// A tool's group is the least-privileged group that makes it available.
/// </summary>
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
/// Declares, next to a tool method, the permission group it belongs to, the Sentry OAuth scopes
/// its API calls need and the skills it belongs to (the official server's membership; when none are
/// named, the skills of its group).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SentryToolAttribute(PermissionGroup group, params string[] scopes) : Attribute
{
    public PermissionGroup Group { get; } = group;
    public IReadOnlyList<string> Scopes { get; } = scopes;

    /// <summary>The skills this tool belongs to; empty means the skills its group enables.</summary>
    public Skill[] Skills { get; set; } = [];
}
