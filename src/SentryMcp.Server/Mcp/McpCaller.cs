using System.Security.Claims;
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
    Task<McpCaller?> ValidateAsync(HttpContext http, string token, CancellationToken ct);
}
