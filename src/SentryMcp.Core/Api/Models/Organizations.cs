namespace SentryMcp.Core.Api.Models;

public sealed record OrganizationLinks(string? OrganizationUrl, string? RegionUrl);

public sealed record SentryOrganization(string? Id, string Slug, string? Name, OrganizationLinks? Links, string? DateCreated);
