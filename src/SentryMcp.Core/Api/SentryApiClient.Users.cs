using SentryMcp.Core.Api.Models;

namespace SentryMcp.Core.Api;

public sealed partial class SentryApiClient
{
    /// <summary>The authenticated user. Always on the main host, never a region.</summary>
    public Task<SentryUser> GetAuthenticatedUserAsync(CancellationToken ct) =>
        GetAsync<SentryUser>("auth/", regionUrl: null, ct);

    /// <summary>Regions the user has organizations in. Always on the main host.</summary>
    public Task<UserRegions> GetUserRegionsAsync(CancellationToken ct) =>
        GetAsync<UserRegions>("users/me/regions/", regionUrl: null, ct);
}
