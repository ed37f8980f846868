using SentryMcp.Server.Hosting;

namespace SentryMcp.Server.Mcp;

/// <summary>
/// OAuth protected-resource metadata (RFC 9728) for <c>/mcp</c> and its scoped paths, the only
/// documents that cross-origin browsers (MCP Inspector) may read, hence their CORS.
/// </summary>
public static class ProtectedResourceMetadata
{
    public const string WellKnownPath = "/.well-known/oauth-protected-resource";
    public const string CorsPolicy = "well-known";

    public static readonly string[] ScopesSupported = ["sentry:read", "sentry:triage", "sentry:project", "sentry:seer"];

    public static string BaseUrl(HttpContext http, SentryHostOptions options) =>
        (options.PublicUrl ?? $"{http.Request.Scheme}://{http.Request.Host}").TrimEnd('/');

    /// <summary>
    /// The authorization server's issuer identifier, exactly as OpenIddict writes it into its metadata
    /// and into the <c>iss</c> of authorization responses: strict clients compare the two verbatim
    /// (RFC 8414 section 3.3), so <c>authorization_servers</c> lists this very string.
    /// </summary>
    public static string Issuer(HttpContext http, SentryHostOptions options) => BaseUrl(http, options) + "/";

    /// <summary>The metadata URL for the resource the request addresses (path-specific for scoped MCP URLs).</summary>
    public static string MetadataUrl(HttpContext http, SentryHostOptions options)
    {
        var path = http.Request.Path.Value ?? "/mcp";
        var resourcePath = path.StartsWith("/sse", StringComparison.Ordinal) ? "/mcp" + path["/sse".Length..] : path;
        if (resourcePath.EndsWith("/message", StringComparison.Ordinal))
        {
            resourcePath = resourcePath[..^"/message".Length];
        }
        return BaseUrl(http, options) + WellKnownPath + resourcePath.TrimEnd('/');
    }

    public static void MapProtectedResourceMetadata(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(WellKnownPath).RequireCors(CorsPolicy);
        group.MapGet("/", Document);
        group.MapGet("/mcp", Document);
        group.MapGet("/mcp/{organizationSlug}", Document);
        group.MapGet("/mcp/{organizationSlug}/{projectSlug}", Document);
    }

    private static IResult Document(HttpContext http, Microsoft.Extensions.Options.IOptions<SentryHostOptions> options, string? organizationSlug = null, string? projectSlug = null)
    {
        var baseUrl = BaseUrl(http, options.Value);
        var resource = baseUrl + "/mcp" + (organizationSlug is null ? "" : "/" + Uri.EscapeDataString(organizationSlug)) +
            (projectSlug is null ? "" : "/" + Uri.EscapeDataString(projectSlug));
        return Results.Json(new Dictionary<string, object>
        {
            ["resource"] = resource,
            ["authorization_servers"] = new[] { Issuer(http, options.Value) },
            ["scopes_supported"] = ScopesSupported,
            ["bearer_methods_supported"] = new[] { "header" },
            ["resource_name"] = "Sentry MCP",
            ["resource_documentation"] = baseUrl + "/",
        });
    }
}
