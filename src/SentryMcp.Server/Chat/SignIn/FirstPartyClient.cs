using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using SentryMcp.Server.Auth;
using SentryMcp.Server.Hosting;
using SentryMcp.Server.Mcp;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SentryMcp.Server.Chat.SignIn;

/// <summary>
/// The chat as a known public client of our own authorization server: fixed client id, PKCE, and
/// redirect URIs on this server's own hosts only: its callback under PUBLIC_URL when that is set;
/// otherwise the allowed hosts, the host it was reached on and, when that is loopback, the loopback
/// names (any port matches there, RFC 8252 7.3). Kept in sync with the configuration and the hosts
/// it is reached on whenever a sign-in starts.
/// </summary>
public sealed class FirstPartyClient(IServiceScopeFactory scopes, IOptions<SentryHostOptions> server)
{
    public const string ClientId = "sentry-mcp-chat";
    public const string CallbackPath = "/api/auth/callback";
    private volatile string? _synced;

    public static bool IsChat(string? clientId) => clientId == ClientId;

    /// <summary>
    /// The chat asking to be sent back to exactly its own callback on this server. Registration
    /// matching lets loopback URIs use any port (RFC 8252 7.3); silent approval never does.
    /// </summary>
    public static bool IsOwnCallback(string? clientId, string? redirectUri, string baseUrl) =>
        IsChat(clientId) && string.Equals(redirectUri, baseUrl + CallbackPath, StringComparison.Ordinal);

    /// <summary>
    /// Creates the registration when missing (first start, or deleted by the cleanup job), and
    /// updates it when its redirect URIs differ from what this process last wrote (configuration
    /// changes, a new host), so nothing registered earlier outlives its reason.
    /// </summary>
    public async Task EnsureRegisteredAsync(HttpContext http)
    {
        var uris = RedirectUris(server.Value, ProtectedResourceMetadata.BaseUrl(http, server.Value));
        var key = string.Join(' ', uris.Select(u => u.AbsoluteUri).Order(StringComparer.Ordinal));
        await using var scope = scopes.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var existing = await applications.FindByClientIdAsync(ClientId, http.RequestAborted);
        if (existing is null)
        {
            await applications.CreateAsync(Descriptor(uris), http.RequestAborted);
        }
        else if (_synced != key)
        {
            await applications.PopulateAsync(existing, Descriptor(uris), http.RequestAborted);
            await applications.UpdateAsync(existing, http.RequestAborted);
        }
        _synced = key;
    }

    private static OpenIddictApplicationDescriptor Descriptor(IEnumerable<Uri> redirectUris)
    {
        var descriptor = ClientDescriptors.Create(ClientId, "Sentry MCP Chat", redirectUris);
        descriptor.ApplicationType = ApplicationTypes.Web;
        descriptor.ConsentType = ConsentTypes.Explicit;
        return descriptor;
    }

    private static HashSet<Uri> RedirectUris(SentryHostOptions server, string baseUrl)
    {
        if (server.PublicUrl is not null)
        {
            return [new Uri(server.PublicUrl.TrimEnd('/') + CallbackPath)];
        }
        var uris = new HashSet<Uri> { new(baseUrl + CallbackPath) };
        if (Uri.TryCreate(baseUrl, UriKind.Absolute, out var self) && Auth.RedirectUris.IsLoopback(self))
        {
            // Registration matching lets these use any port (LoopbackAwareApplicationManager); consent
            // for a port other than this server's own is still asked (AuthorizeEndpoint).
            uris.Add(new("http://127.0.0.1" + CallbackPath));
            uris.Add(new("http://localhost" + CallbackPath));
            uris.Add(new("http://[::1]" + CallbackPath));
        }
        foreach (var host in server.AllowedHosts.Where(h => h != "*"))
        {
            uris.Add(new Uri($"https://{host}{CallbackPath}"));
        }
        return uris;
    }
}
