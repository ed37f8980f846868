namespace SentryMcp.Core.Api.Models;

public sealed record SentryProjectRef(string? Id, string? Slug, string? Name, string? Platform);

public sealed record SentryTeamRef(string? Id, string? Slug, string? Name);

public sealed record SentryTeam(string Id, string Slug, string? Name, int? MemberCount, string? DateCreated, IReadOnlyList<SentryProjectRef>? Projects);

public sealed record SentryProject(string Id, string Slug, string? Name, string? Platform, string? DateCreated, IReadOnlyList<SentryTeamRef>? Teams);

public sealed record ClientKeyDsn(string? Public, string? Secret, string? Csp, string? Security, string? Minidump, string? Cdn);

public sealed record SentryClientKey(string Id, string? Name, bool? IsActive, string? DateCreated, ClientKeyDsn? Dsn, ClientKeyRateLimit? RateLimit = null);

public sealed record ReleaseAuthor(string? Name, string? Email);

public sealed record ReleaseCommit(string? Id, string? Message, string? DateCreated, ReleaseAuthor? Author);

public sealed record ReleaseDeploy(string? Id, string? Environment, string? DateStarted, string? DateFinished);

public sealed record SentryRelease(
    string? Id,
    string Version,
    string? ShortVersion,
    string? DateCreated,
    string? DateReleased,
    string? FirstEvent,
    string? LastEvent,
    int? NewGroups,
    int? CommitCount,
    int? DeployCount,
    ReleaseCommit? LastCommit,
    ReleaseDeploy? LastDeploy,
    IReadOnlyList<ReleaseAuthor>? Authors,
    IReadOnlyList<SentryProjectRef>? Projects);
