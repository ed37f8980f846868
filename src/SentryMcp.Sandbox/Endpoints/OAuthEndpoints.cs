using System.Net;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace SentryMcp.Sandbox;

/// <summary>
/// Sentry's OAuth endpoints (<c>/oauth/authorize/</c>, <c>/oauth/token/</c>, <c>/oauth/revoke/</c>)
/// for the demo user: a sign-in page with Sign in / Deny, Sentry's token response shape, rotating
/// refresh tokens and RFC 7009 revocation of a token pair.
/// Test controls under <c>/__sandbox/oauth</c>.
/// </summary>
public static class OAuthEndpoints
{
    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(1);

    public static void MapOAuthEndpoints(this WebApplication app)
    {
        app.MapGet("/oauth/authorize/", (HttpContext http) => Authorize(http, http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()), null));
        app.MapPost("/oauth/authorize/", async (HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync();
            return Authorize(http, form.ToDictionary(f => f.Key, f => f.Value.ToString()), form["decision"].ToString());
        });
        app.MapPost("/oauth/token/", TokenAsync);
        app.MapPost("/oauth/revoke/", RevokeAsync);

        var control = app.MapGroup("/__sandbox/oauth");
        control.MapGet("", (OAuthSandboxState oauth, SandboxOptions options) =>
            Results.Json(new { tokenRequests = oauth.TokenRequests, revocations = oauth.Revocations, accessTokenLifetimeSeconds = (int)options.OAuthAccessTokenLifetime.TotalSeconds }));
        control.MapPost("/lifetime", (int seconds, SandboxOptions options) =>
        {
            options.OAuthAccessTokenLifetime = TimeSpan.FromSeconds(seconds);
            return Results.NoContent();
        });
        control.MapDelete("/tokens", (OAuthSandboxState oauth, SandboxOptions options) =>
        {
            foreach (var token in oauth.IssuedAccessTokens.Keys)
            {
                options.Tokens.Remove(token);
            }
            oauth.RefreshTokens.Clear();
            return Results.NoContent();
        });
    }

    private static IResult Authorize(HttpContext http, Dictionary<string, string> query, string? decision)
    {
        var state = http.RequestServices.GetRequiredService<SandboxState>();
        var oauth = http.RequestServices.GetRequiredService<OAuthSandboxState>();
        query.TryGetValue("client_id", out var clientId);
        query.TryGetValue("redirect_uri", out var redirectUri);
        if (clientId != SandboxOptions.OAuthClientId)
        {
            return Page(400, "<h1>Unknown application</h1><p>This OAuth application does not exist.</p>");
        }
        if (!Uri.TryCreate(redirectUri, UriKind.Absolute, out var redirect) || redirect.Scheme is not ("http" or "https") || redirect.AbsolutePath != "/oauth/callback")
        {
            return Page(400, "<h1>Invalid redirect URI</h1><p>The redirect URI is not registered for this application.</p>");
        }
        var stateParam = query.GetValueOrDefault("state");
        if (query.GetValueOrDefault("response_type") != "code")
        {
            return Results.Redirect(With(redirectUri!, ("error", "unsupported_response_type"), ("state", stateParam)));
        }
        if (decision is null)
        {
            var user = state.Data.Users.First(u => u.Id == DemoData.UserId);
            var fields = new StringBuilder();
            foreach (var (name, value) in query)
            {
                fields.Append($"<input type=\"hidden\" name=\"{WebUtility.HtmlEncode(name)}\" value=\"{WebUtility.HtmlEncode(value)}\">");
            }
            return Page(200, $"<h1>Sentry sandbox sign-in</h1><p>Sign in as {WebUtility.HtmlEncode(user.Name)} ({WebUtility.HtmlEncode(user.Email)}) " +
                $"and allow access with scopes: {WebUtility.HtmlEncode(query.GetValueOrDefault("scope") ?? "")}</p>" +
                $"<form method=\"post\" action=\"/oauth/authorize/\">{fields}" +
                "<button type=\"submit\" name=\"decision\" value=\"allow\">Sign in</button> " +
                "<button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button></form>");
        }
        if (decision != "allow")
        {
            return Results.Redirect(With(redirectUri!, ("error", "access_denied"), ("state", stateParam)));
        }
        var code = OAuthSandboxState.NewSecret("code_");
        var scopes = (query.GetValueOrDefault("scope") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(SandboxOptions.AllScopes.Contains).ToHashSet();
        oauth.Codes[code] = new OAuthSandboxState.PendingCode(clientId, redirectUri!, scopes, DemoData.UserId, DateTimeOffset.UtcNow + CodeLifetime);
        return Results.Redirect(With(redirectUri!, ("code", code), ("state", stateParam)));
    }

    private static async Task<IResult> TokenAsync(HttpContext http, OAuthSandboxState oauth, SandboxOptions options, SandboxState state)
    {
        oauth.CountTokenRequest();
        var form = await http.Request.ReadFormAsync();
        var (clientId, secret) = ClientCredentials(http, form);
        if (clientId != SandboxOptions.OAuthClientId || secret != SandboxOptions.OAuthClientSecret)
        {
            return Error(401, "invalid_client", "Invalid client_id or client_secret");
        }
        IReadOnlySet<string> scopes;
        switch (form["grant_type"].ToString())
        {
            case "authorization_code":
                if (!oauth.Codes.TryRemove(form["code"].ToString(), out var pending) || pending.ExpiresAt < DateTimeOffset.UtcNow || pending.ClientId != clientId)
                {
                    return Error(400, "invalid_grant", "Invalid or expired code");
                }
                if (pending.RedirectUri != form["redirect_uri"].ToString())
                {
                    return Error(400, "invalid_grant", "redirect_uri does not match");
                }
                scopes = pending.Scopes;
                break;
            case "refresh_token":
                if (!oauth.RefreshTokens.TryRemove(form["refresh_token"].ToString(), out var refresh) || refresh.ClientId != clientId)
                {
                    return Error(400, "invalid_grant", "Invalid refresh token");
                }
                scopes = refresh.Scopes;
                break;
            default:
                return Error(400, "unsupported_grant_type", "Unsupported grant type");
        }
        var user = state.Data.Users.First(u => u.Id == DemoData.UserId);
        var accessToken = OAuthSandboxState.NewSecret("sntrya_sandbox_");
        var refreshToken = OAuthSandboxState.NewSecret("sntryr_sandbox_");
        var expiresAt = DateTimeOffset.UtcNow + options.OAuthAccessTokenLifetime;
        options.Tokens.Add(new SandboxToken(accessToken, user.Id, scopes, expiresAt));
        oauth.IssuedAccessTokens[accessToken] = 0;
        oauth.RefreshTokens[refreshToken] = new OAuthSandboxState.RefreshGrant(clientId, scopes, user.Id, accessToken);
        return Results.Json(new Dictionary<string, object>
        {
            ["access_token"] = accessToken,
            ["refresh_token"] = refreshToken,
            ["expires_in"] = (int)options.OAuthAccessTokenLifetime.TotalSeconds,
            ["expires_at"] = expiresAt.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture),
            ["token_type"] = "bearer",
            ["scope"] = string.Join(' ', scopes),
            ["user"] = new Dictionary<string, string> { ["id"] = user.Id, ["name"] = user.Name, ["email"] = user.Email },
        });
    }

    /// <summary>
    /// Like Sentry's: client credentials in the form, either token of a pair revokes both (Sentry
    /// keeps them in one row), 200 whether or not the token existed (RFC 7009 §2.2).
    /// </summary>
    private static async Task<IResult> RevokeAsync(HttpContext http, OAuthSandboxState oauth, SandboxOptions options)
    {
        if (!http.Request.HasFormContentType)
        {
            return Error(400, "invalid_request", "Send an application/x-www-form-urlencoded body");
        }
        var form = await http.Request.ReadFormAsync();
        var (clientId, secret) = ClientCredentials(http, form);
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(secret))
        {
            return Error(400, "invalid_client", "client_id and client_secret are required");
        }
        if (clientId != SandboxOptions.OAuthClientId || secret != SandboxOptions.OAuthClientSecret)
        {
            return Error(401, "invalid_credentials", "invalid client_id or client_secret");
        }
        var token = form["token"].ToString();
        var hint = form["token_type_hint"].ToString();
        if (token.Length == 0)
        {
            return Error(400, "invalid_request", "token parameter not found");
        }
        if (hint.Length > 0 && hint is not ("access_token" or "refresh_token"))
        {
            return Error(400, "unsupported_token_type", "token_type_hint must be access_token or refresh_token");
        }
        string? accessToken = null;
        if (oauth.RefreshTokens.TryRemove(token, out var refresh))
        {
            accessToken = refresh.AccessToken;
        }
        else if (oauth.IssuedAccessTokens.ContainsKey(token))
        {
            accessToken = token;
            foreach (var pair in oauth.RefreshTokens.Where(p => p.Value.AccessToken == token))
            {
                oauth.RefreshTokens.TryRemove(pair.Key, out _);
            }
        }
        if (accessToken is not null && oauth.IssuedAccessTokens.TryRemove(accessToken, out _))
        {
            options.Tokens.Remove(accessToken);
            oauth.CountRevocation();
        }
        return Results.Ok();
    }

    private static (string? ClientId, string? Secret) ClientCredentials(HttpContext http, IFormCollection form)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    return (Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]));
                }
            }
            catch (FormatException)
            {
                return (null, null);
            }
        }
        return (form["client_id"].ToString(), form["client_secret"].ToString());
    }

    private static string With(string uri, params (string Name, string? Value)[] parameters) =>
        QueryHelpers.AddQueryString(uri, parameters.Where(p => p.Value is not null).Select(p => new KeyValuePair<string, string?>(p.Name, p.Value)));

    private static IResult Error(int status, string error, string description) =>
        Results.Json(new Dictionary<string, string> { ["error"] = error, ["error_description"] = description }, statusCode: status);

    private static IResult Page(int status, string body) =>
        Results.Content($"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sentry sandbox</title></head><body>{body}</body></html>",
            "text/html; charset=utf-8", Encoding.UTF8, status);
}
