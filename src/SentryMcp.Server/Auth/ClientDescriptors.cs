using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SentryMcp.Server.Auth;

/// <summary>
/// The one shape of a client of this authorization server, however it arrived (dynamic registration,
/// a metadata document, the first-party chat): the code flow with PKCE, refresh, revocation and every
/// permission scope, so what a client may ask for is decided at consent, never by how it registered.
/// </summary>
public static class ClientDescriptors
{
    /// <summary>A public client without <paramref name="secret"/>, a confidential one with it.</summary>
    public static OpenIddictApplicationDescriptor Create(string clientId, string displayName, IEnumerable<Uri> redirectUris, string? secret = null)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = secret is null ? ClientTypes.Public : ClientTypes.Confidential,
            DisplayName = displayName,
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
            },
        };
        foreach (var scope in PermissionScopes.AllScopes.Append(Scopes.OfflineAccess))
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }
        foreach (var uri in redirectUris)
        {
            descriptor.RedirectUris.Add(uri);
        }
        return descriptor;
    }
}
