using SentryMcp.Core.Tools;
using SentryMcp.Server.Http;

namespace SentryMcp.Server.Auth;

/// <summary>
/// The protected resources tokens are issued for (RFC 8707): <c>{base}/mcp</c> and its scoped forms
/// <c>{base}/mcp/{org}</c> and <c>{base}/mcp/{org}/{project}</c>. The resource becomes the audience.
/// </summary>
public static class McpResources
{
    /// <summary>The org/project scope the resource names, or null when it is not one of ours.</summary>
    public static SessionConstraints? Parse(string resource, string baseUrl)
    {
        var root = baseUrl.TrimEnd('/') + Routes.Mcp;
        if (!resource.StartsWith(root, StringComparison.Ordinal))
        {
            return null;
        }
        var rest = resource[root.Length..].TrimEnd('/');
        if (rest.Length == 0)
        {
            return SessionConstraints.None;
        }
        if (rest[0] != '/')
        {
            return null;
        }
        var segments = rest[1..].Split('/');
        if (segments.Length > 2 || !segments.All(IsSlug))
        {
            return null;
        }
        return new SessionConstraints(segments[0], segments.Length == 2 ? segments[1] : null);
    }

    /// <summary>
    /// Whether a token for <paramref name="audience"/> may be used on <paramref name="path"/>: a token for
    /// <c>/mcp</c> works on every MCP path, one for <c>/mcp/acme</c> only under <c>/mcp/acme</c> and <c>/sse/acme</c>.
    /// </summary>
    public static bool Allows(string audience, string baseUrl, PathString path)
    {
        if (Parse(audience, baseUrl) is not { } scope)
        {
            return false;
        }
        if (scope.OrganizationSlug is null || path.Equals(Routes.SseMessage))
        {
            return true;
        }
        var value = path.Value ?? "";
        var mcpPath = value.StartsWith(Routes.Sse, StringComparison.Ordinal) ? Routes.Mcp + value[Routes.Sse.Length..] : value;
        var required = Routes.Mcp + "/" + scope.OrganizationSlug + (scope.ProjectSlug is null ? "" : "/" + scope.ProjectSlug);
        return mcpPath.TrimEnd('/') == required || mcpPath.StartsWith(required + "/", StringComparison.Ordinal);
    }

    private static bool IsSlug(string value) =>
        value.Length is > 0 and <= 100 && value is not ("." or "..") && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
