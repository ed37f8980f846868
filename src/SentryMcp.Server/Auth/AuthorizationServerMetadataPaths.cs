using SentryMcp.Server.Mcp;
using SentryMcp.Server.Http;

namespace SentryMcp.Server.Auth;

/// <summary>
/// The authorization-server metadata under every name clients ask for it. Clients that follow RFC
/// 8414 §3.1 (and OpenID Connect Discovery's path insertion) build the URL from the MCP endpoint's
/// path: <c>/.well-known/oauth-authorization-server/mcp[/{org}[/{project}]]</c>, the same with
/// <c>openid-configuration</c>, or <c>/mcp/.well-known/openid-configuration</c>. One authorization
/// server serves every resource here, so each form is answered with the root document. All of them
/// are readable cross-origin (browser-based MCP clients), like the protected-resource metadata.
/// </summary>
public static class AuthorizationServerMetadataPaths
{
    public const string OAuthPath = Routes.WellKnown + "/oauth-authorization-server";
    public const string OpenIdPath = Routes.WellKnown + "/openid-configuration";

    public static IApplicationBuilder UseAuthorizationServerMetadataPaths(this IApplicationBuilder app) =>
        app.UseWhen(http => IsMetadataRequest(http.Request.Path), branch => branch
            .UseCors(ProtectedResourceMetadata.CorsPolicy)
            .Use((http, next) =>
            {
                // OpenIddict serves the document on its two configured paths only.
                http.Request.Path = Canonical(http.Request.Path);
                return next(http);
            }));

    /// <summary>The configured path this request names, or the request's own path when it names none.</summary>
    public static PathString Canonical(PathString path)
    {
        foreach (var root in new[] { OAuthPath, OpenIdPath })
        {
            if (path.StartsWithSegments(root, StringComparison.Ordinal, out var rest) && IsMcpResourcePath(rest))
            {
                return root;
            }
        }
        // OpenID Connect Discovery's path appending: {issuer path}/.well-known/openid-configuration.
        var value = path.Value ?? "";
        return value.EndsWith(OpenIdPath, StringComparison.Ordinal) && IsMcpResourcePath(value[..^OpenIdPath.Length]) ? OpenIdPath : path;
    }

    private static bool IsMetadataRequest(PathString path) =>
        path.Equals(OAuthPath) || path.Equals(OpenIdPath) || Canonical(path) != path;

    /// <summary><c>""</c>, <c>/mcp</c>, <c>/mcp/{org}</c> or <c>/mcp/{org}/{project}</c> (slugs checked loosely: the document does not depend on them).</summary>
    private static bool IsMcpResourcePath(PathString rest)
    {
        var value = rest.Value ?? "";
        if (value.Length == 0)
        {
            return true;
        }
        var segments = value.Split('/');
        return value.Length <= 250 && segments.Length is >= 2 and <= 4 && segments[0].Length == 0 && segments[1] == "mcp" &&
            segments.Skip(2).All(s => s.Length > 0 && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'));
    }
}
