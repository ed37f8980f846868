using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;
using SentryMcp.Core.Tools;
using SentryMcp.Server.Hosting;
using SentryMcp.Server.Mcp;

namespace SentryMcp.Server.Auth;

/// <summary>
/// Accepts this server's own access tokens on the MCP endpoints: valid signature, expiry and token
/// entry (OpenIddict), an audience that covers the requested path, and a live grant whose Sentry
/// token is then used for the call.
/// </summary>
public sealed class OAuthBearerTokenValidator(SentryTokenLifecycle lifecycle, GrantStore grants, IOptions<SentryHostOptions> server) : IMcpBearerTokenValidator
{
    public const string GrantIdClaim = "grant_id";
    private const string GrantItem = "SentryMcp.GrantId";

    public static string? GrantIdOf(HttpContext http) => http.Items.TryGetValue(GrantItem, out var value) ? value as string : null;

    public async Task<McpCaller?> ValidateAsync(HttpContext http, string token, CancellationToken ct)
    {
        var result = await http.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        if (!result.Succeeded || result.Principal is not { } principal)
        {
            return null;
        }
        var baseUrl = ProtectedResourceMetadata.BaseUrl(http, server.Value);
        if (!principal.GetAudiences().Any(audience => McpResources.Allows(audience, baseUrl, http.Request.Path)))
        {
            return null;
        }
        if (principal.GetClaim(GrantIdClaim) is not { } grantId || await lifecycle.GetUsableAsync(grantId, ct) is not { } grant)
        {
            return null;
        }
        await grants.TouchAsync(grant.Id, ct);
        http.Items[GrantItem] = grant.Id;
        var tokenGroups = PermissionScopes.GroupsFromScopes(principal.GetScopes()).ToHashSet();
        var groups = grant.Groups.Where(tokenGroups.Contains).Append(PermissionGroup.Read).ToHashSet();
        return new McpCaller("sentry:" + grant.UserId, grant.Sentry.AccessToken, groups, grant.Scope)
        {
            GrantId = grant.Id,
            ExpiresAt = principal.GetExpirationDate(),
        };
    }
}

/// <summary>When Sentry answers 401 to a tool call, the grant is dead: revoke it so the client signs in again.</summary>
public sealed class GrantCredentialObserver(IHttpContextAccessor accessor, GrantStore grants, ILogger<GrantCredentialObserver> logger) : Core.Tools.ISentryCredentialObserver
{
    public async ValueTask CredentialsRejectedAsync(CancellationToken ct)
    {
        if (accessor.HttpContext is { } http && OAuthBearerTokenValidator.GrantIdOf(http) is { } grantId)
        {
            logger.LogInformation("Sentry rejected the token of grant {Grant} during a tool call; revoking it", grantId);
            await grants.RevokeAsync(grantId, ct);
        }
    }
}
