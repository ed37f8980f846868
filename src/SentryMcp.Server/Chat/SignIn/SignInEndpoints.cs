using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;
using SentryMcp.Core.Api;
using SentryMcp.Core.Tools;
using SentryMcp.Server.Auth;
using SentryMcp.Server.Chat.Config;
using SentryMcp.Server.Chat.McpConnection;
using SentryMcp.Server.Hosting;
using SentryMcp.Server.Mcp;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SentryMcp.Server.Chat.SignIn;

/// <summary>
/// <c>/api/auth/*</c>: the chat signs in as a first-party client of our own authorization server
/// (code + PKCE), keeps the tokens server-side and gives the browser only the session cookie.
/// </summary>
public static class SignInEndpoints
{
    /// <summary>Read is pre-approved for the chat; these write groups are offered on the consent page.</summary>
    private const string DefaultScopes = "sentry:read sentry:triage sentry:project offline_access";
    private const string ReadScopes = "sentry:read offline_access";

    public static void MapSignIn(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth");
        auth.MapGet("/login", LoginAsync);
        auth.MapGet("/callback", CallbackAsync);
        auth.MapGet("/status", StatusAsync);
        auth.MapPost("/logout", LogoutAsync).AddEndpointFilter(SessionFilters.SameOriginJsonFilter);
        auth.MapGet("/popup.js", () => Results.Text(PopupPage.Script, "text/javascript; charset=utf-8"));
    }

    private static async Task<IResult> LoginAsync(HttpContext http, FirstPartyClient client, LoginStateCookie loginCookie, IOptions<SentryHostOptions> server,
        string? returnTo, string? mode, string? access)
    {
        await client.EnsureRegisteredAsync(http);
        var baseUrl = ProtectedResourceMetadata.BaseUrl(http, server.Value);
        var state = LoginState.Create(SafeReturnTo(returnTo), mode == "popup" ? "popup" : "page", baseUrl + FirstPartyClient.CallbackPath, baseUrl + "/mcp");
        loginCookie.Write(http, state);
        var url = QueryHelpers.AddQueryString(http.Request.PathBase + "/oauth/authorize", new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = FirstPartyClient.ClientId,
            ["redirect_uri"] = state.RedirectUri,
            ["code_challenge"] = state.Challenge,
            ["code_challenge_method"] = "S256",
            ["state"] = state.State,
            ["scope"] = access == "read" ? ReadScopes : DefaultScopes,
            ["resource"] = state.Resource,
        });
        return Results.Redirect(url);
    }

    private static async Task<IResult> CallbackAsync(HttpContext http, LoginStateCookie loginCookie, ChatOAuthClient oauth, ChatAuthenticator authenticator,
        ChatSessionStore sessions, SessionCookie sessionCookie, GrantStore grants, SentryApiClientFactory sentry, IOptions<SentryHostOptions> server,
        IOptions<ChatApiOptions> options, ILoggerFactory loggers, string? code, string? state, string? error)
    {
        var login = loginCookie.Read(http);
        loginCookie.Clear(http);
        if (login is null || state != login.State)
        {
            return Fail(http, login?.Mode, "invalid_state");
        }
        if (error is not null || code is null)
        {
            return Fail(http, login.Mode, error == Errors.AccessDenied ? "access_denied" : "sign_in_failed");
        }
        var tokens = await oauth.ExchangeCodeAsync(authenticator.SelfUrl(http), code, login.Verifier, login.RedirectUri, http.RequestAborted);
        if (tokens is null || await ValidateOwnTokenAsync(http, tokens.AccessToken) is not { } principal ||
            principal.GetClaim(OAuthBearerTokenValidator.GrantIdClaim) is not { } grantId || principal.GetClaim(Claims.Subject) is not { } userId)
        {
            return Fail(http, login.Mode, "sign_in_failed");
        }
        var groups = PermissionScopes.GroupsFromScopes(principal.GetScopes());
        var email = await EmailAsync(grants, sentry, server.Value, grantId, loggers.CreateLogger(typeof(SignInEndpoints)), http.RequestAborted);
        var sessionId = await sessions.CreateAsync(grantId, userId, principal.GetClaim(Claims.Name), email, groups, login.Resource, tokens, http.RequestAborted);
        sessionCookie.Write(http, sessionId, options.Value.SessionIdleTimeout);
        return login.Mode == "popup" ? PopupPage.Result(http, ok: true, null) : Results.Redirect(login.ReturnTo);
    }

    private static async Task<IResult> StatusAsync(HttpContext http, ChatAuthenticator authenticator)
    {
        var (outcome, user) = await authenticator.AuthenticateAsync(http);
        if (outcome != ChatAuthenticator.Outcome.Ok || user is null)
        {
            return Results.Json(new { authenticated = false });
        }
        return Results.Json(new
        {
            authenticated = true,
            user = new { id = user.UserId, name = user.Name, email = user.Email },
            groups = user.Groups.Order().Select(g => g.ToString()),
        });
    }

    /// <summary>
    /// Ends this browser's session and revokes its grant. With <c>?everywhere=true</c> ("sign out
    /// everywhere"), every grant of the user is revoked, whichever client holds it, and every chat
    /// session of the user ends.
    /// </summary>
    private static async Task<IResult> LogoutAsync(HttpContext http, SessionCookie cookie, ChatSessionStore sessions, ChatOAuthClient oauth,
        ChatAuthenticator authenticator, GrantRevocation revocation, McpConnections connections, IOptions<ChatApiOptions> options, bool? everywhere)
    {
        if (cookie.Read(http) is { } sessionId && await sessions.FindAsync(sessionId, options.Value.SessionIdleTimeout, http.RequestAborted) is { } user)
        {
            if (everywhere == true)
            {
                await revocation.RevokeAllOfUserAsync(user.UserId, http.RequestAborted);
                foreach (var other in await sessions.DeleteAllOfUserAsync(user.UserId, http.RequestAborted))
                {
                    connections.Evict(other);
                }
            }
            else
            {
                // Revoking one token revokes the grant, its other tokens and the Sentry token behind it.
                await oauth.RevokeAsync(authenticator.SelfUrl(http), user.Tokens.RefreshToken, http.RequestAborted);
                await revocation.RevokeAsync(user.GrantId, null, http.RequestAborted);
            }
            await authenticator.EndAsync(http, sessionId);
        }
        else if (everywhere == true)
        {
            // Without a live session nobody is known, so nothing could be revoked: say so rather than
            // let the user believe their other sign-ins (MCP clients, other browsers) have ended.
            cookie.Clear(http);
            return ChatProblems.Of(401, "AUTH_EXPIRED",
                "This browser's session has already ended, so the server cannot tell whose sign-ins to end. Sign in again, then sign out everywhere.");
        }
        cookie.Clear(http);
        return Results.NoContent();
    }

    /// <summary>A same-site relative path, never <c>//host</c> or <c>/\host</c> (browsers read both as another site).</summary>
    public static string SafeReturnTo(string? returnTo) =>
        returnTo is { Length: > 0 and <= 2000 } && returnTo[0] == '/' && (returnTo.Length == 1 || returnTo[1] is not ('/' or '\\')) &&
        !returnTo.Any(char.IsControl) && !returnTo.Contains('\\')
            ? returnTo
            : "/";

    private static IResult Fail(HttpContext http, string? mode, string code) =>
        mode == "popup" ? PopupPage.Result(http, ok: false, code) : Results.Redirect("/?authError=" + Uri.EscapeDataString(code));

    /// <summary>
    /// Reads our own access token with the same validation the MCP endpoints apply; OpenIddict's
    /// ASP.NET Core handler takes the token from the request, and the callback has none of its own.
    /// </summary>
    private static async Task<ClaimsPrincipal?> ValidateOwnTokenAsync(HttpContext http, string accessToken)
    {
        http.Request.Headers.Authorization = "Bearer " + accessToken;
        try
        {
            var result = await http.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
            return result.Succeeded ? result.Principal : null;
        }
        finally
        {
            http.Request.Headers.Remove("Authorization");
        }
    }

    private static async Task<string?> EmailAsync(GrantStore grants, SentryApiClientFactory sentry, SentryHostOptions server, string grantId, ILogger logger, CancellationToken ct)
    {
        try
        {
            return await grants.FindActiveAsync(grantId, ct) is { } grant
                ? (await sentry.Create(server.SentryHost, grant.Sentry.AccessToken).GetAuthenticatedUserAsync(ct)).Email
                : null;
        }
        catch (SentryApiException ex)
        {
            logger.LogInformation("Sentry did not tell the signed-in user's email: {Status}", ex.StatusCode);
            return null;
        }
        catch (SentryUnavailableException)
        {
            return null;
        }
    }
}
