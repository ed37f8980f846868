using System.Buffers.Binary;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using SentryMcp.Server.Hosting;
using SentryMcp.Server.Http;

namespace SentryMcp.Server.Auth;

/// <summary>
/// Sign-in with Sentry's own OAuth (ASP.NET Core's OAuth handler): the state is DataProtection-signed,
/// bound to the browser by the correlation cookie and expires after <see cref="AuthOptions.SignInTimeout"/>.
/// The result lands in a short-lived encrypted cookie that <c>/oauth/authorize</c> turns into a grant.
/// </summary>
public static class UpstreamSentry
{
    public const string Scheme = "Sentry";
    public const string ResultCookieScheme = "SentryMcp.SignIn";
    public const string CallbackPath = Routes.OAuthCallback;
    public const string ErrorParameter = "upstream_error";

    public static void Add(AuthenticationBuilder auth)
    {
        auth.AddCookie(ResultCookieScheme, o =>
        {
            o.Cookie.Name = "sentry-mcp.signin";
            o.Cookie.Path = Routes.OAuth;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
            o.SlidingExpiration = false;
        });
        auth.AddOAuth(Scheme, _ => { });
        auth.Services.AddOptions<CookieAuthenticationOptions>(ResultCookieScheme).Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);
        auth.Services.AddOptions<OAuthOptions>(Scheme).Configure<IOptions<SentryHostOptions>, IOptions<AuthOptions>, IDataProtectionProvider, TimeProvider>(Configure);
    }

    private static void Configure(OAuthOptions o, IOptions<SentryHostOptions> server, IOptions<AuthOptions> auth, IDataProtectionProvider dataProtection, TimeProvider clock)
    {
        o.TimeProvider = clock;
        var host = server.Value.SentryHost.BaseUri;
        o.ClientId = auth.Value.SentryClientId ?? "not-configured";
        o.ClientSecret = auth.Value.SentryClientSecret ?? "not-configured";
        o.AuthorizationEndpoint = new Uri(host, "oauth/authorize/").ToString();
        o.TokenEndpoint = new Uri(host, "oauth/token/").ToString();
        o.CallbackPath = CallbackPath;
        o.SignInScheme = ResultCookieScheme;
        o.SaveTokens = true;
        // PKCE as well as the client secret: a code intercepted on its way back is useless without the
        // verifier, which travels only inside our DataProtection-encrypted state.
        o.UsePkce = true;
        o.RemoteAuthenticationTimeout = auth.Value.SignInTimeout;
        // Sentry sends the browser back with a top-level GET, which Lax cookies survive; None would need https.
        o.CorrelationCookie.SameSite = SameSiteMode.Lax;
        o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.CorrelationCookie.Path = Routes.OAuth;
        var protector = dataProtection.CreateProtector("SentryMcp.Auth.UpstreamState.v2");
        o.StateDataFormat = new PropertiesDataFormat(new ExpiringProtector(protector, auth.Value.SignInTimeout, clock));
        o.Events = new OAuthEvents
        {
            OnCreatingTicket = CreatingTicketAsync,
            OnAccessDenied = context =>
            {
                context.HandleResponse();
                context.Response.Redirect(BackToAuthorize(context.Properties!, "access_denied"));
                return Task.CompletedTask;
            },
            OnRemoteFailure = RemoteFailureAsync,
        };
    }

    private static async Task CreatingTicketAsync(OAuthCreatingTicketContext context)
    {
        var user = context.TokenResponse.Response?.RootElement.TryGetProperty("user", out var u) == true && u.ValueKind == JsonValueKind.Object
            ? u
            : await FetchUserAsync(context);
        var id = user.TryGetProperty("id", out var idValue) ? idValue.ToString() : null;
        if (string.IsNullOrEmpty(id))
        {
            context.Fail("Sentry did not identify the user.");
            return;
        }
        context.Identity!.AddClaim(new Claim(ClaimTypes.NameIdentifier, id));
        var name = user.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()
            : user.TryGetProperty("email", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        if (!string.IsNullOrEmpty(name))
        {
            context.Identity.AddClaim(new Claim(ClaimTypes.Name, name));
        }
    }

    private static async Task<JsonElement> FetchUserAsync(OAuthCreatingTicketContext context)
    {
        var host = context.HttpContext.RequestServices.GetRequiredService<IOptions<SentryHostOptions>>().Value.SentryHost.BaseUri;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host, "api/0/auth/"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", context.AccessToken);
        using var response = await context.Backchannel.SendAsync(request, context.HttpContext.RequestAborted);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(context.HttpContext.RequestAborted));
        return document.RootElement.Clone();
    }

    private static async Task RemoteFailureAsync(RemoteFailureContext context)
    {
        context.HandleResponse();
        var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(UpstreamSentry));
        logger.LogWarning("Sign-in with Sentry failed: {Reason}", context.Failure?.Message);
        // Without readable state, or from a browser that did not start the sign-in, there is no
        // client we may safely send the user back to.
        if (context.Properties?.RedirectUri is null || context.Failure?.Message == "Correlation failed.")
        {
            await AuthPages.ErrorAsync(context.HttpContext, 400, "Sign-in could not be completed",
                "This sign-in link has expired or was not started in this browser. Start again from your MCP client.");
            return;
        }
        context.Response.Redirect(BackToAuthorize(context.Properties, "server_error"));
    }

    /// <summary>Back to the original authorization request, which then answers the client with the error.</summary>
    private static string BackToAuthorize(AuthenticationProperties properties, string error) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(properties.RedirectUri!, ErrorParameter, error);

    /// <summary>
    /// Makes the OAuth state expire on the host's clock: the expiry (Unix milliseconds) leads the
    /// protected payload. PropertiesDataFormat only knows plain protectors, and DataProtection's own
    /// time-limited protector reads the system clock.
    /// </summary>
    private sealed class ExpiringProtector(IDataProtector inner, TimeSpan lifetime, TimeProvider clock) : IDataProtector
    {
        public IDataProtector CreateProtector(string purpose) => new ExpiringProtector(inner.CreateProtector(purpose), lifetime, clock);

        public byte[] Protect(byte[] plaintext)
        {
            var payload = new byte[sizeof(long) + plaintext.Length];
            BinaryPrimitives.WriteInt64BigEndian(payload, (clock.GetUtcNow() + lifetime).ToUnixTimeMilliseconds());
            plaintext.CopyTo(payload, sizeof(long));
            return inner.Protect(payload);
        }

        public byte[] Unprotect(byte[] protectedData)
        {
            var payload = inner.Unprotect(protectedData);
            if (payload.Length < sizeof(long) || BinaryPrimitives.ReadInt64BigEndian(payload) < clock.GetUtcNow().ToUnixTimeMilliseconds())
            {
                throw new CryptographicException("The sign-in state has expired.");
            }
            return payload[sizeof(long)..];
        }
    }
}
