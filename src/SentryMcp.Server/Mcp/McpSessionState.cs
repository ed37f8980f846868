using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Hosting;
using SentryMcp.Core.Tools;
using SentryMcp.Server.Hosting;

namespace SentryMcp.Server.Mcp;

/// <summary>
/// The caller and constraints of one MCP request (Streamable HTTP) or one SSE session. Scoped; for
/// HTTP requests it is filled from the current request on first use.
/// </summary>
public sealed class McpSessionState(IHttpContextAccessor accessor)
{
    private McpCaller? _caller;
    private SessionConstraints? _constraints;

    public McpCaller Caller => _caller ??= McpCaller.From(accessor.HttpContext ?? throw new InvalidOperationException("No HTTP request."))
        ?? throw new InvalidOperationException("MCP request without an authenticated caller.");

    public SessionConstraints Constraints => _constraints ??= Combine(Caller, McpScopeCheck.ConstraintsFor(accessor.HttpContext!));

    public void Set(McpCaller caller, SessionConstraints constraints)
    {
        _caller = caller;
        _constraints = Combine(caller, constraints);
    }

    /// <summary>A scoped URL wins; otherwise the scope the token was granted for applies.</summary>
    private static SessionConstraints Combine(McpCaller caller, SessionConstraints route) =>
        route.OrganizationSlug is not null ? route : caller.TokenScope;

    /// <summary>
    /// Fills server options with the tools this caller may see in this scope, narrowed by the URL's
    /// <c>?skills=</c>/<c>?disable-skills=</c> and listed as <c>?tools=</c> asks (<see cref="McpToolQuery"/>).
    /// </summary>
    public void ConfigureServer(McpServerOptions options, SentryToolCatalog catalog)
    {
        var query = McpToolQuery.From(accessor.HttpContext);
        var selection = SentryMcpServerSetup.SelectionFor(Constraints, Caller.Groups, query.Capabilities) with { Skills = query.Skills, Surface = query.Surface };
        SentryMcpServerSetup.Apply(options, catalog, selection);
    }

    public static void AddTo(IServiceCollection services)
    {
        services.AddScoped<McpSessionState>();
        services.AddScoped(sp =>
        {
            var state = sp.GetRequiredService<McpSessionState>();
            var host = sp.GetRequiredService<IOptions<SentryHostOptions>>().Value.SentryHost;
            var api = sp.GetRequiredService<SentryApiClientFactory>().Create(host, state.Caller.SentryAccessToken);
            return new SentryToolContext(api, state.Constraints, state.Caller.UserId);
        });
    }
}
