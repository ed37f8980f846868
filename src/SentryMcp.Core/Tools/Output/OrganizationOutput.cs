using System.ComponentModel;

namespace SentryMcp.Core.Tools.Output;

/// <summary>An organization as tools return it in <c>structuredContent</c>.</summary>
public sealed record OrganizationOutput(
    [property: Description("Pass it as organizationSlug to other tools.")] string Slug,
    string? Name,
    string WebUrl,
    [property: Description("Pass it as regionUrl to other tools; null on self-hosted Sentry.")] string? RegionUrl);

/// <summary>A page of organizations.</summary>
public sealed record OrganizationListOutput(
    IReadOnlyList<OrganizationOutput> Organizations,
    bool HasMore,
    [property: Description("Pass it as cursor to get the next page; null on the last page.")] string? NextCursor);
