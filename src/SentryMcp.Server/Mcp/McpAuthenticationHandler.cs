using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using SentryMcp.Core.Api;
using SentryMcp.Core.Tools;
using SentryMcp.Server.Hosting;

namespace SentryMcp.Server.Mcp;

/// <summary>
/// Authenticates MCP requests: <c>Bearer</c> (our tokens, through <see cref="IMcpBearerTokenValidator"/>)
/// or <c>Sentry-Bearer</c> (a Sentry user token, checked against <c>/api/0/auth/</c> and cached by
/// its hash). Challenges carry exactly one <c>resource_metadata</c> (RFC 9728).
/// </summary>
public sealed class McpAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<SentryHostOptions> server,
    SentryApiClientFactory clients,
    IMemoryCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private static readonly TimeSpan ValidationCacheTime = TimeSpan.FromMinutes(5);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return AuthenticateResult.NoResult();
        }
        McpCaller? caller = null;
        if (header.StartsWith("Sentry-Bearer ", StringComparison.OrdinalIgnoreCase) && server.Value.AllowSentryBearer)
        {
            caller = await ValidateSentryTokenAsync(header["Sentry-Bearer ".Length..].Trim());
        }
        else if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = header["Bearer ".Length..].Trim();
            // Resolved only for bearer tokens: validators pull in the database context.
            foreach (var validator in Context.RequestServices.GetServices<IMcpBearerTokenValidator>())
            {
                caller ??= await validator.ValidateAsync(Context, token, Context.RequestAborted);
            }
        }
        if (caller is null)
        {
            return AuthenticateResult.Fail("invalid_token");
        }
        caller.AttachTo(Context);
        return AuthenticateResult.Success(new AuthenticationTicket(caller.ToPrincipal(), Scheme.Name));
    }

    private async Task<McpCaller?> ValidateSentryTokenAsync(string token)
    {
        if (token.Length is 0 or > 512)
        {
            return null;
        }
        var key = "sentry-token:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        if (cache.TryGetValue(key, out string? userId))
        {
            return userId is null ? null : SentryBearerCaller(userId, token);
        }
        try
        {
            var user = await clients.Create(server.Value.SentryHost, token).GetAuthenticatedUserAsync(Context.RequestAborted);
            userId = user.Id ?? user.Email ?? "unknown";
        }
        catch (SentryApiException ex) when (ex.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden)
        {
            userId = null;
        }
        cache.Set(key, userId, ValidationCacheTime);
        return userId is null ? null : SentryBearerCaller(userId, token);
    }

    private static McpCaller SentryBearerCaller(string userId, string token) =>
        new("sentry:" + userId, token, ToolSelection.AllGroups, SessionConstraints.None);

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // RFC 6750 3.1: a request without credentials gets no error code; a credential we could not
        // accept (unknown, revoked, expired) gets invalid_token, so the client knows to sign in again.
        var rejected = (await HandleAuthenticateOnceSafeAsync()).Failure is not null;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        var metadata = ProtectedResourceMetadata.MetadataUrl(Context, server.Value);
        Response.Headers.WWWAuthenticate = Challenge(rejected ? "invalid_token" : null, BaseScope, metadata);
        await Results.Problem(
            statusCode: 401,
            title: rejected ? "Invalid token" : "Authentication required",
            detail: rejected
                ? "The token is unknown, revoked or expired. Sign in again through this server's OAuth flow."
                : "Send 'Authorization: Bearer <token>' from this server's OAuth flow, or 'Authorization: Sentry-Bearer <Sentry user auth token>'.",
            extensions: new Dictionary<string, object?> { ["code"] = rejected ? "INVALID_TOKEN" : "MISSING_AUTH_TOKEN" }).ExecuteAsync(Context);
    }

    /// <summary>What every MCP request needs: the read group; the others are asked for when a tool needs them (step-up).</summary>
    public const string BaseScope = "sentry:read";

    /// <summary>A Bearer challenge with exactly one <c>resource_metadata</c> (RFC 6750 3, RFC 9728 5.1).</summary>
    public static string Challenge(string? error, string scope, string metadataUrl) =>
        "Bearer " + (error is null ? "" : $"error=\"{error}\", ") + $"scope=\"{scope}\", resource_metadata=\"{metadataUrl}\"";
}
