using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using SentryMcp.Core.Tools;
using SentryMcp.Server.Http;

namespace SentryMcp.Server.Auth;

/// <summary>
/// Remembers, per browser, client and exact redirect URI, the permission groups the user approved,
/// in a DataProtection protected cookie, so returning clients skip the consent page. The redirect URI
/// is part of the key because loopback redirect URIs match on any port (RFC 8252 7.3): an approval
/// for one port must not send codes silently to another program listening on a different one.
/// </summary>
public sealed class ConsentCookie(IDataProtectionProvider provider)
{
    private const string Name = "sentry-mcp.consent";
    private const int MaxClients = 20;
    private readonly IDataProtector _protector = provider.CreateProtector("SentryMcp.Auth.Consent.v2");

    public IReadOnlySet<PermissionGroup>? Remembered(HttpContext http, string clientId, string redirectUri) =>
        Read(http).TryGetValue(Key(clientId, redirectUri), out var groups) ? PermissionScopes.Parse(groups) : null;

    public void Remember(HttpContext http, string clientId, string redirectUri, IEnumerable<PermissionGroup> groups)
    {
        var all = Read(http);
        var key = Key(clientId, redirectUri);
        all.Remove(key);
        while (all.Count >= MaxClients)
        {
            all.Remove(all.Keys.First());
        }
        all[key] = PermissionScopes.Format(groups);
        http.Response.Cookies.Append(Name, _protector.Protect(JsonSerializer.Serialize(all)), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = Routes.OAuth,
            MaxAge = TimeSpan.FromDays(365),
        });
    }

    /// <summary>Exact string comparison: the redirect URI as the client sent it, port included.</summary>
    private static string Key(string clientId, string redirectUri) => clientId + " " + redirectUri;

    private Dictionary<string, string> Read(HttpContext http)
    {
        if (http.Request.Cookies[Name] is not { Length: > 0 } value)
        {
            return [];
        }
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(_protector.Unprotect(value)) ?? [];
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or JsonException)
        {
            return [];
        }
    }
}
