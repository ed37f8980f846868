using System.ComponentModel;

namespace SentryMcp.Core.Tools.Output;

/// <summary>The authenticated Sentry user.</summary>
public sealed record UserOutput(string Id, string? Name, string? Email, string? Username);

/// <summary>The organization, project and region a session is pinned to.</summary>
public sealed record SessionConstraintsOutput(string? OrganizationSlug, string? ProjectSlug, string? RegionUrl);

/// <summary>whoami: who the caller is and what the session is limited to.</summary>
public sealed record WhoamiOutput(
    UserOutput User,
    [property: Description("Null when the session is not pinned to an organization or project.")] SessionConstraintsOutput? SessionConstraints);
