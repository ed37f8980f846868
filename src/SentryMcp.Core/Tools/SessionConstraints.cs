namespace SentryMcp.Core.Tools;

/// <summary>
/// Organization/project a session is pinned to. Constrained parameters disappear from tool schemas
/// and are injected into every call.
/// </summary>
public sealed record SessionConstraints(string? OrganizationSlug = null, string? ProjectSlug = null, string? RegionUrl = null)
{
    public static SessionConstraints None { get; } = new();

    public bool IsEmpty => OrganizationSlug is null && ProjectSlug is null && RegionUrl is null;

    /// <summary>Parameter name → pinned value, for every parameter this session fixes.</summary>
    public IReadOnlyDictionary<string, string> PinnedParameters()
    {
        var pinned = new Dictionary<string, string>(StringComparer.Ordinal);
        if (OrganizationSlug is not null)
        {
            pinned["organizationSlug"] = OrganizationSlug;
        }
        if (ProjectSlug is not null)
        {
            pinned["projectSlug"] = ProjectSlug;
            pinned["projectSlugOrId"] = ProjectSlug;
        }
        if (RegionUrl is not null || OrganizationSlug is not null)
        {
            pinned["regionUrl"] = RegionUrl ?? string.Empty;
        }
        return pinned;
    }
}
