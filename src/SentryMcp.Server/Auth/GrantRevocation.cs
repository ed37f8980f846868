using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SentryMcp.Server.Auth;

/// <summary>
/// Revoking a sign-in revokes all of it (RFC 7009 §2.1): our grant (which every MCP request checks
/// in the database, on every instance, and which closes its <c>/sse</c> streams), OpenIddict's
/// authorization and each of its tokens, and the Sentry token at Sentry.
/// </summary>
public sealed class GrantRevocation(
    GrantStore grants, IOpenIddictAuthorizationManager authorizations, IOpenIddictTokenManager tokens, SentryTokenClient sentry,
    ILogger<GrantRevocation> logger)
{
    public async Task RevokeAsync(string? grantId, string? authorizationId, CancellationToken ct)
    {
        // The grant first: once it is revoked no token issued for it works, whatever happens next.
        var credentials = grantId is null ? null : await grants.RevokeAsync(grantId, ct);
        if (authorizationId is not null)
        {
            if (await authorizations.FindByIdAsync(authorizationId, ct) is { } authorization)
            {
                await authorizations.TryRevokeAsync(authorization, ct);
            }
            await tokens.RevokeByAuthorizationIdAsync(authorizationId, ct);
        }
        if (credentials is not null)
        {
            logger.LogInformation("Grant {Grant} was revoked with its tokens", grantId);
            await sentry.RevokeAsync(credentials, ct);
        }
    }

    /// <summary>"Sign out everywhere": every grant, authorization and token of the user, whatever the client.</summary>
    public async Task RevokeAllOfUserAsync(string userId, CancellationToken ct)
    {
        var credentials = await grants.RevokeAllOfUserAsync(userId, ct);
        await authorizations.RevokeBySubjectAsync(userId, ct);
        await tokens.RevokeBySubjectAsync(userId, ct);
        logger.LogInformation("All {Count} grants of a user were revoked with their tokens", credentials.Count);
        foreach (var sentryCredentials in credentials)
        {
            await sentry.RevokeAsync(sentryCredentials, ct);
        }
    }

    /// <summary>
    /// After OpenIddict revoked the token a client sent to <c>/oauth/revoke</c>: revoke the rest of
    /// its grant. OpenIddict alone would leave an access token working when its refresh token is
    /// revoked (and the other way round).
    /// </summary>
    public sealed class RevokeWholeGrant(GrantRevocation revocation) : IOpenIddictServerHandler<HandleRevocationRequestContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<HandleRevocationRequestContext>()
            .UseScopedHandler<RevokeWholeGrant>()
            .SetOrder(OpenIddictServerHandlers.Revocation.RevokeToken.Descriptor.Order + 1_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

        public async ValueTask HandleAsync(HandleRevocationRequestContext context)
        {
            if (context.IsRejected || context.GenericTokenPrincipal is not { } principal)
            {
                return;
            }
            await revocation.RevokeAsync(principal.GetClaim(OAuthBearerTokenValidator.GrantIdClaim), principal.GetAuthorizationId(), context.CancellationToken);
        }
    }
}
