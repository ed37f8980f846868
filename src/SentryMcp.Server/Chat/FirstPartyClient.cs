using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using SentryMcp.Server.Auth;
using SentryMcp.Server.Hosting;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SentryMcp.Server.Chat;

/// <summary>
/// The chat as a known public client of our own authorization server: fixed client id, PKCE, and
/// redirect URIs on this server's own hosts (loopback on any port, the public URL, allowed hosts).
/// Kept in sync with the configuration whenever a sign-in starts.
/// </summary>
public sealed class FirstPartyClient(IServiceScopeFactory scopes, IOptions<ServerOptions> server)
{
    public const string ClientId = "sentry-mcp-chat";
    public const string CallbackPath = "/api/auth/callback";
    private volatile bool _synced;

    public static bool IsChat(string? clientId) => clientId == ClientId;

    /// <summary>
    /// Creates the registration when missing (first start, or deleted by the cleanup job), and
    /// updates it once per process so configuration changes (PUBLIC_URL, allowed hosts) apply.
    /// </summary>
    public async Task EnsureRegisteredAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var existing = await applications.FindByClientIdAsync(ClientId, ct);
        if (existing is null)
        {
            await applications.CreateAsync(Descriptor(), ct);
        }
        else if (!_synced)
        {
            var descriptor = Descriptor();
            await applications.PopulateAsync(existing, descriptor, ct);
            await applications.UpdateAsync(existing, ct);
        }
        _synced = true;
    }

    private OpenIddictApplicationDescriptor Descriptor()
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientType = ClientTypes.Public,
            ApplicationType = ApplicationTypes.Web,
            ConsentType = ConsentTypes.Explicit,
            DisplayName = "Sentry MCP Chat",
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
        foreach (var uri in RedirectUris(server.Value))
        {
            descriptor.RedirectUris.Add(uri);
        }
        return descriptor;
    }

    private static IEnumerable<Uri> RedirectUris(ServerOptions server)
    {
        // Loopback http URIs match on any port (RFC 8252 7.3, LoopbackAwareApplicationManager).
        var uris = new HashSet<Uri>
        {
            new("http://127.0.0.1" + CallbackPath),
            new("http://localhost" + CallbackPath),
            new("http://[::1]" + CallbackPath),
        };
        if (server.PublicUrl is not null)
        {
            uris.Add(new Uri(server.PublicUrl.TrimEnd('/') + CallbackPath));
        }
        foreach (var host in server.AllowedHosts.Where(h => h != "*"))
        {
            uris.Add(new Uri($"https://{host}{CallbackPath}"));
        }
        return uris;
    }
}
