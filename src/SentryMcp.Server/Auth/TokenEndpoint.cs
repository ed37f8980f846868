using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SentryMcp.Server.Auth;

/// <summary>
/// <c>/oauth/token</c> after OpenIddict validated the code or refresh token (PKCE verifier,
/// redirect URI, single use, rotation and reuse leeway): refuses grants revoked since, then issues.
/// </summary>
public static class TokenEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, GrantStore grants)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (!request.IsAuthorizationCodeGrantType() && !request.IsRefreshTokenGrantType())
        {
            return Reject(Errors.UnsupportedGrantType, "Only authorization_code and refresh_token are supported.");
        }
        var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (result.Principal is not { } principal ||
            principal.GetClaim(OAuthBearerTokenValidator.GrantIdClaim) is not { } grantId ||
            await grants.FindActiveAsync(grantId, http.RequestAborted) is null)
        {
            return Reject(Errors.InvalidGrant, "The sign-in behind this token was revoked. Sign in again.");
        }
        principal.SetDestinations(_ => [Destinations.AccessToken]);
        return Results.SignIn(principal, null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Reject(string error, string description) =>
        Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
