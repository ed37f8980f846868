using Microsoft.Extensions.Options;
using SentryMcp.Server.Hosting;
using SentryMcp.Server.Mcp;

namespace SentryMcp.Server.Security;

/// <summary>
/// DNS-rebinding protection: the Host header must name this server (loopback names, the public
/// URL's host, or configured hosts), and a browser Origin must be one of those too. The
/// <c>/.well-known</c> documents and the cookie-free OAuth endpoints are exempt from the Origin check
/// because browser-based clients must reach them (with CORS).
/// </summary>
public static class HostAndOriginValidation
{
    public static IApplicationBuilder UseHostAndOriginValidation(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var allowed = http.RequestServices.GetRequiredService<AllowedHostSet>().Hosts;
        if (!allowed.Contains("*") && !allowed.Contains(http.Request.Host.Host))
        {
            await McpEndpoints.Problem(400, "Unknown host", "This server does not answer for that Host header. Set PUBLIC_URL or Sentry:AllowedHosts.", "INVALID_HOST").ExecuteAsync(http);
            return;
        }
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length > 0 && !http.Request.Path.StartsWithSegments("/.well-known") && !IsPublicOAuthEndpoint(http.Request.Path))
        {
            var ok = Uri.TryCreate(origin, UriKind.Absolute, out var uri) &&
                (allowed.Contains(uri.Host) || (allowed.Contains("*") && uri.Authority == http.Request.Host.Value));
            if (!ok)
            {
                await McpEndpoints.Problem(403, "Foreign origin", "Requests from this origin are not allowed.", "FORBIDDEN_ORIGIN").ExecuteAsync(http);
                return;
            }
        }
        await next(http);
    });

    /// <summary>
    /// Token, registration and revocation endpoints authenticate with the request body, never with
    /// cookies, and browser-based MCP clients (MCP Inspector) must reach them cross-origin.
    /// </summary>
    public static bool IsPublicOAuthEndpoint(PathString path) =>
        path.Equals("/oauth/token") || path.Equals("/oauth/register") || path.Equals("/oauth/revoke");

    public const string PublicOAuthCorsPolicy = "oauth-public";

    /// <summary>The allowed host names, computed once from the options.</summary>
    public sealed class AllowedHostSet(IOptions<SentryHostOptions> options)
    {
        public IReadOnlySet<string> Hosts { get; } = AllowedHosts(options.Value);
    }

    private static HashSet<string> AllowedHosts(SentryHostOptions options)
    {
        var hosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "localhost", "127.0.0.1", "[::1]", "::1" };
        if (options.PublicUrl is not null && Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out var publicUri))
        {
            hosts.Add(publicUri.Host);
        }
        foreach (var host in options.AllowedHosts)
        {
            hosts.Add(host);
        }
        return hosts;
    }
}
