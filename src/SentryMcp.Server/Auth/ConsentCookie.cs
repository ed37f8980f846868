using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using SentryMcp.Core.Tools;

namespace SentryMcp.Server.Auth;

/// <summary>
/// Remembers, per browser and client, the permission groups the user approved, in a DataProtection
/// protected cookie, so returning clients skip the consent page.
/// </summary>
public sealed class ConsentCookie(IDataProtectionProvider provider)
{
    private const string Name = "sentry-mcp.consent";
    private const int MaxClients = 20;
    private readonly IDataProtector _protector = provider.CreateProtector("SentryMcp.Auth.Consent.v1");

    public IReadOnlySet<PermissionGroup>? Remembered(HttpContext http, string clientId) =>
        Read(http).TryGetValue(clientId, out var groups) ? PermissionScopes.Parse(groups) : null;

    public void Remember(HttpContext http, string clientId, IEnumerable<PermissionGroup> groups)
    {
        var all = Read(http);
        all.Remove(clientId);
        while (all.Count >= MaxClients)
        {
            all.Remove(all.Keys.First());
        }
        all[clientId] = PermissionScopes.Format(groups);
        http.Response.Cookies.Append(Name, _protector.Protect(JsonSerializer.Serialize(all)), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/oauth",
            MaxAge = TimeSpan.FromDays(365),
        });
    }

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
