using System.ComponentModel;

namespace SentryMcp.Core.Tools.Output;

/// <summary>A client key (DSN) of a project.</summary>
public sealed record ClientKeyOutput(
    string Id,
    string? Name,
    [property: Description("The public DSN, as SDKs take it (SENTRY_DSN); null when Sentry did not return one.")] string? Dsn,
    bool? IsActive,
    string? DateCreated);

/// <summary>find_dsns: the project's client keys.</summary>
public sealed record ClientKeyListOutput(IReadOnlyList<ClientKeyOutput> Dsns, bool HasMore);

/// <summary>create_dsn: the new client key.</summary>
public sealed record CreateClientKeyOutput(ClientKeyOutput Dsn);
