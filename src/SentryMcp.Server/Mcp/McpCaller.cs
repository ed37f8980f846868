using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using SentryMcp.Core.Tools;

namespace SentryMcp.Server.Mcp;

/// <summary>
/// Who is calling the MCP endpoints: the Sentry user, the Sentry token to act with (kept in memory
/// only), the permission groups they granted and any org/project scope their token is bound to.
/// </summary>
public sealed record McpCaller(string UserId, string SentryAccessToken, IReadOnlySet<PermissionGroup> Groups, SessionConstraints TokenScope)
{
    public const string AuthenticationScheme = "Mcp";
    private const string ItemKey = "SentryMcp.Caller";

    /// <summary>The grant behind one of our OAuth tokens; null for <c>Sentry-Bearer</c> callers.</summary>
    public string? GrantId { get; init; }

    /// <summary>When the credential stops being valid (our access token's expiry); null when not known.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>
    /// What an <c>/sse</c> stream is tied to: the grant (any token of it, refreshed ones included), or
    /// for <c>Sentry-Bearer</c> callers the token itself, by hash.
    /// </summary>
    public string Credential => GrantId is { } grant
        ? "grant:" + grant
        : "token:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(SentryAccessToken)));

    public static McpCaller? From(HttpContext http) => http.Items.TryGetValue(ItemKey, out var value) ? value as McpCaller : null;

    public void AttachTo(HttpContext http) => http.Items[ItemKey] = this;

    public ClaimsPrincipal ToPrincipal() =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, UserId)], AuthenticationScheme));
}

/// <summary>
/// Validates the server's own bearer tokens (issued by the authorization server). Registered by the
/// authorization-server feature; without it only <c>Sentry-Bearer</c> tokens are accepted.
/// </summary>
public interface IMcpBearerTokenValidator
{
    /// <summary>The caller the request's <c>Authorization: Bearer</c> token stands for, or null.</summary>
    Task<McpCaller?> ValidateAsync(HttpContext http, CancellationToken ct);
}

/// <summary>Whether a grant is still live (registered by the authorization-server feature).</summary>
public interface IMcpGrantStatus
{
    Task<bool> IsActiveAsync(string grantId, CancellationToken ct);
}
