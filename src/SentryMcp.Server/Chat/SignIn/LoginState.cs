using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace SentryMcp.Server.Chat.SignIn;

/// <summary>A sign-in in progress: the OAuth state, the PKCE verifier and where to go afterwards.</summary>
public sealed record LoginState(string State, string Verifier, string ReturnTo, string Mode, string RedirectUri, string Resource)
{
    public string Challenge => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));

    public static LoginState Create(string returnTo, string mode, string redirectUri, string resource) =>
        new(Base64Url(RandomNumberGenerator.GetBytes(24)), Base64Url(RandomNumberGenerator.GetBytes(32)), returnTo, mode, redirectUri, resource);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Carries the <see cref="LoginState"/> across the sign-in in an encrypted, short-lived cookie bound to this browser.</summary>
public sealed class LoginStateCookie(IDataProtectionProvider provider)
{
    private const string Name = "sentry-mcp-chat-login";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector("SentryMcp.Chat.LoginState.v1").ToTimeLimitedDataProtector();

    public void Write(HttpContext http, LoginState state) =>
        http.Response.Cookies.Append(Name, _protector.Protect(JsonSerializer.Serialize(state), Lifetime), Options(http));

    public LoginState? Read(HttpContext http)
    {
        if (http.Request.Cookies[Name] is not { Length: > 0 } value)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<LoginState>(_protector.Unprotect(value));
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException)
        {
            return null;
        }
    }

    public void Clear(HttpContext http) => http.Response.Cookies.Delete(Name, Options(http));

    private static CookieOptions Options(HttpContext http) => new()
    {
        HttpOnly = true,
        Secure = !SessionCookie.IsLocalDevelopment(http),
        // Lax: the authorization server sends the browser back with a top-level GET.
        SameSite = SameSiteMode.Lax,
        Path = "/api/auth",
        MaxAge = Lifetime,
        IsEssential = true,
    };
}
