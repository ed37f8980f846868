using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using SentryMcp.Core.Tools;
using SentryMcp.Server.Hosting;
using SentryMcp.Server.Mcp;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SentryMcp.Server.Auth;

/// <summary>
/// <c>/oauth/authorize</c> after OpenIddict validated the request (client, redirect URI, PKCE,
/// resource): consent page → approve/cancel → sign-in with Sentry → grant → authorization code.
/// Each leg comes back here with the original request, so OpenIddict validates it every time.
/// </summary>
public static class AuthorizeEndpoint
{
    private const string GroupsItem = "groups";
    private const string RequestItem = "request";
    private static readonly HashSet<string> OwnFields = [ConsentPage.GroupField, ConsentPage.DecisionField, UpstreamSentry.ErrorParameter, "__RequestVerificationToken"];

    public static async Task<IResult> HandleAsync(HttpContext http, IOpenIddictApplicationManager applications, IAntiforgery antiforgery,
        ConsentCookie consent, GrantStore grants, IOptions<SentryHostOptions> server, IOptions<AuthOptions> auth)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var application = await applications.FindByClientIdAsync(request.ClientId!, http.RequestAborted)
            ?? throw new InvalidOperationException("OpenIddict validated an unknown client.");
        var resource = ResourceOf(request, http, server.Value);
        var scope = McpResources.Parse(resource, ProtectedResourceMetadata.BaseUrl(http, server.Value))!;

        if (request.GetParameter(UpstreamSentry.ErrorParameter)?.ToString() is { } upstreamError)
        {
            return upstreamError == Errors.AccessDenied
                ? Deny(Errors.AccessDenied, "The user denied access at Sentry.")
                : Deny(Errors.ServerError, "Sign-in with Sentry failed. Try again later.");
        }

        var signIn = await http.AuthenticateAsync(UpstreamSentry.ResultCookieScheme);
        if (signIn.Succeeded && signIn.Properties?.Items.TryGetValue(RequestItem, out var bound) == true && bound == Fingerprint(request))
        {
            await http.SignOutAsync(UpstreamSentry.ResultCookieScheme);
            return await IssueCodeAsync(http, signIn, request, resource, scope, grants);
        }

        if (HttpMethods.IsPost(http.Request.Method))
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return AuthPages.Html(http, 400, AuthPages.Layout("Form expired", "<h1>This form has expired</h1><p>Start again from your MCP client.</p>"));
            }
            if (http.Request.Form[ConsentPage.DecisionField] != "approve")
            {
                return Deny(Errors.AccessDenied, "The user cancelled the request.");
            }
            var chosen = http.Request.Form[ConsentPage.GroupField]
                .Select(g => Enum.TryParse<PermissionGroup>(g, out var group) ? group : PermissionGroup.Read)
                .Append(PermissionGroup.Read).ToHashSet();
            consent.Remember(http, request.ClientId!, request.RedirectUri ?? "", chosen);
            return ToSentry(http, request, chosen, auth.Value);
        }

        var requested = PermissionScopes.GroupsFromScopes(request.GetScopes()).ToHashSet();
        // The chat is our own first-party client: read access needs no consent on its own callback;
        // write groups, and any other redirect URI (another loopback port), still do.
        if (Chat.SignIn.FirstPartyClient.IsOwnCallback(request.ClientId, request.RedirectUri, ProtectedResourceMetadata.BaseUrl(http, server.Value)) &&
            requested.All(g => g == PermissionGroup.Read))
        {
            return ToSentry(http, request, new HashSet<PermissionGroup> { PermissionGroup.Read }, auth.Value);
        }
        var remembered = consent.Remembered(http, request.ClientId!, request.RedirectUri ?? "");
        // A request for a group not approved yet (step-up after insufficient_scope) asks again.
        if (remembered is not null && requested.IsSubsetOf(remembered) && !request.HasPromptValue(PromptValues.Consent))
        {
            return ToSentry(http, request, remembered, auth.Value);
        }
        if (request.HasPromptValue(PromptValues.None))
        {
            return Deny(Errors.ConsentRequired, "The user has not approved this client yet.");
        }

        var tokens = antiforgery.GetAndStoreTokens(http);
        var redirect = new Uri(request.RedirectUri!);
        var name = await applications.GetDisplayNameAsync(application, http.RequestAborted) ?? request.ClientId!;
        var html = ConsentPage.Render(request, name, redirect, scope, remembered ?? new HashSet<PermissionGroup>(), OriginalParameters(request), tokens.FormFieldName, tokens.RequestToken!);
        return AuthPages.Html(http, 200, html, FormAction(redirect, server.Value));
    }

    private static IResult ToSentry(HttpContext http, OpenIddictRequest request, IReadOnlySet<PermissionGroup> groups, AuthOptions auth)
    {
        if (string.IsNullOrEmpty(auth.SentryClientId))
        {
            return Deny(Errors.ServerError, "Sign-in with Sentry is not configured on this server (SENTRY_CLIENT_ID).");
        }
        var properties = new OAuthChallengeProperties
        {
            RedirectUri = http.Request.PathBase + "/oauth/authorize" + QueryString.Create(OriginalParameters(request).Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))),
        };
        properties.SetScope(PermissionScopes.SentryScopesFor(groups));
        properties.Items[GroupsItem] = PermissionScopes.Format(groups);
        properties.Items[RequestItem] = Fingerprint(request);
        return Results.Challenge(properties, [UpstreamSentry.Scheme]);
    }

    private static async Task<IResult> IssueCodeAsync(HttpContext http, AuthenticateResult signIn, OpenIddictRequest request, string resource,
        SessionConstraints scope, GrantStore grants)
    {
        var principal = signIn.Principal!;
        var properties = signIn.Properties!;
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var userName = principal.FindFirstValue(ClaimTypes.Name);
        var accessToken = properties.GetTokenValue("access_token")!;
        DateTimeOffset? expiresAt = DateTimeOffset.TryParse(properties.GetTokenValue("expires_at"), System.Globalization.CultureInfo.InvariantCulture, out var expires) ? expires : null;
        var groups = PermissionScopes.Parse(properties.Items[GroupsItem] ?? "");
        var sentry = new SentryCredentials(accessToken, properties.GetTokenValue("refresh_token"), expiresAt);
        var grantId = await grants.CreateAsync(userId, userName, request.ClientId!, sentry, groups, scope, http.RequestAborted);

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, userId)
            .SetClaim(Claims.Name, userName)
            .SetClaim(OAuthBearerTokenValidator.GrantIdClaim, grantId);
        // Refresh tokens are part of every sign-in: MCP clients rarely ask for offline_access.
        identity.SetScopes(groups.Append(PermissionGroup.Read).Distinct().Select(g => PermissionScopes.Scope[g]).Append(Scopes.OfflineAccess));
        identity.SetResources(resource);
        identity.SetAudiences(resource);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>The validated <c>resource</c>, or <c>{base}/mcp</c> when the client sent none.</summary>
    private static string ResourceOf(OpenIddictRequest request, HttpContext http, SentryHostOptions server) =>
        request.GetResources().FirstOrDefault() ?? ProtectedResourceMetadata.BaseUrl(http, server) + "/mcp";

    private static IEnumerable<KeyValuePair<string, string>> OriginalParameters(OpenIddictRequest request) =>
        request.GetParameters()
            .Where(p => !OwnFields.Contains(p.Key))
            .SelectMany(p => ((Microsoft.Extensions.Primitives.StringValues)(OpenIddictParameter?)p.Value).OfType<string>().Select(v => new KeyValuePair<string, string>(p.Key, v)));

    /// <summary>Binds a finished Sentry sign-in to the authorization request that started it.</summary>
    private static string Fingerprint(OpenIddictRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join('\n', request.ClientId, request.RedirectUri, request.CodeChallenge, request.State, string.Join(' ', request.GetResources())))));

    /// <summary>
    /// Browsers apply form-action to the redirects that follow a form post: ours, Sentry's sign-in
    /// page and finally the client's redirect URI.
    /// </summary>
    private static string FormAction(Uri redirect, SentryHostOptions server)
    {
        // Headers are ASCII: internationalized hosts go in their punycode form.
        var client = redirect.Scheme is "http" or "https"
            ? $"{redirect.Scheme}://{redirect.IdnHost}{(redirect.IsDefaultPort ? "" : ":" + redirect.Port)}"
            : redirect.Scheme + ":";
        return $"'self' {server.SentryHost.BaseUri.GetLeftPart(UriPartial.Authority)} {client}";
    }

    private static IResult Deny(string error, string description) =>
        Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
