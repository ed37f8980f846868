using Microsoft.AspNetCore.DataProtection;
using SentryMcp.Server.Auth;

namespace SentryMcp.Server.Chat.SignIn;

/// <summary>
/// The chat's session cookie: the encrypted session id, HttpOnly, SameSite=Lax, and Secure with the
/// <c>__Host-</c> prefix everywhere except plain-http loopback development.
/// </summary>
public sealed class SessionCookie(IDataProtectionProvider provider)
{
    public const string SecureName = "__Host-sentry-mcp-chat";
    public const string LocalName = "sentry-mcp-chat";
    private readonly IDataProtector _protector = provider.CreateProtector("SentryMcp.Chat.SessionCookie.v1");

    public string? Read(HttpContext http)
    {
        var value = http.Request.Cookies[SecureName] ?? http.Request.Cookies[LocalName];
        return string.IsNullOrEmpty(value) ? null : Unprotect(value);
    }

    /// <summary>The session id in a cookie value, or null when it was not issued by this server.</summary>
    public string? Unprotect(string value)
    {
        try
        {
            return _protector.Unprotect(value);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public void Write(HttpContext http, string sessionId, TimeSpan lifetime) =>
        http.Response.Cookies.Append(NameFor(http), _protector.Protect(sessionId), Options(http, lifetime));

    public void Clear(HttpContext http)
    {
        foreach (var name in new[] { SecureName, LocalName })
        {
            if (http.Request.Cookies.ContainsKey(name))
            {
                http.Response.Cookies.Delete(name, Options(http, TimeSpan.Zero, name == SecureName));
            }
        }
    }

    public static bool IsLocalDevelopment(HttpContext http) =>
        !http.Request.IsHttps && Uri.TryCreate($"http://{http.Request.Host}", UriKind.Absolute, out var uri) && RedirectUris.IsLoopback(uri);

    private static string NameFor(HttpContext http) => IsLocalDevelopment(http) ? LocalName : SecureName;

    private static CookieOptions Options(HttpContext http, TimeSpan lifetime, bool? secure = null) => new()
    {
        HttpOnly = true,
        Secure = secure ?? !IsLocalDevelopment(http),
        SameSite = SameSiteMode.Lax,
        Path = "/",
        MaxAge = lifetime,
        IsEssential = true,
    };
}
