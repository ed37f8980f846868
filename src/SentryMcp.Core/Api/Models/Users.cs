namespace SentryMcp.Core.Api.Models;

public sealed record SentryUser(string? Id, string? Name, string? Username, string? Email);

public sealed record SentryRegion(string? Name, string? Url);

public sealed record UserRegions(IReadOnlyList<SentryRegion>? Regions);
