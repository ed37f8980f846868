using SentryMcp.Core;
using SentryMcp.Core.Hosting;
using SentryMcp.Server.Auth;
using SentryMcp.Server.Chat;
using SentryMcp.Server.Hosting;
using SentryMcp.Server.Mcp;
using SentryMcp.Server.Observability;
using SentryMcp.Server.Scale;
using SentryMcp.Server.Security;
using SentryMcp.Server.Storage;
using SentryMcp.Server.Web;

namespace SentryMcp.Server;

/// <summary>The host, as a list of features. Tests build it exactly as production does.</summary>
public static class ServerApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        StartupTrace.Mark("main");
        StartupTrace.TraceAssemblyLoads();
        var builder = WebApplication.CreateBuilder(args);
        StartupTrace.Mark("builder created");
        configure?.Invoke(builder);
        builder.AddSentryHostOrSandbox();
        StartupTrace.Mark("Sentry host or sandbox");
        builder.AddObservability();
        builder.AddPublicOrigin();
        builder.AddSiteEndpoints();
        builder.Services.AddSentryMcpCore();
        builder.AddMcpEndpoints();
        builder.AddRequestProtection();
        builder.AddStorage();
        StartupTrace.Mark("registrations before auth");
        builder.AddSentryMcpAuth();
        StartupTrace.Mark("auth registered");
        builder.AddScaleOut();
        builder.AddChat();
        builder.Services.AddAuthorization();
        builder.AddErrorHandling();
        builder.AddWeb();

        StartupTrace.Mark("registrations done");
        builder.UseStartedSandbox();
        StartupTrace.Mark("sandbox started");
        var app = builder.Build();
        StartupTrace.Mark("app built");
        // Before anything reads a key or a token.
        app.InitializeStorage();
        StartupTrace.Mark("storage initialized");
        app.UseStartupTraceMark("first request: pipeline entered");
        // The client's scheme, host and IP first: everything below judges the request by them.
        app.UseForwardedHeadersFromTrustedProxies();
        // Outermost handler, so a failure anywhere below is still a ProblemDetails.
        app.UseErrorHandling();
        // Headers on every answer, errors and rejections included.
        app.UseSecurityHeaders();
        // Rewrites the path forms of the metadata documents before Host/Origin checks and routing see them.
        app.UseAuthorizationServerMetadataPaths();
        // DNS-rebinding and cross-origin protection before any work is done for the request.
        app.UseHostAndOriginValidation();
        // After the Host check, which judges the Host header the client sent.
        app.UsePublicUrl();
        // Token, registration and revocation are called cross-origin without cookies.
        app.UsePublicOAuthCors();
        // Cheap refusals (per-IP rate, MCP body size) before static files and authentication cost anything.
        app.UsePerIpRateLimit();
        app.UseMcpRequestSizeLimit(McpEndpoints.MaxMessageBytes);
        // Static files answer without routing or authentication.
        app.UseWeb();
        app.UseRouting();
        app.UseStartupTraceMark("first request: routed");
        // After routing: the endpoint names its CORS policy (the /.well-known documents).
        app.UseCors();
        app.UseStartupTraceMark("first request: CORS done");
        app.UseAuthenticationWithMcpFastPath();
        app.UseStartupTraceMark("first request: authenticated");
        // Counts per caller, so it needs authentication's answer.
        app.UsePerUserRateLimit();
        app.UseAuthorization();
        // Wraps only the endpoint's own writes: the last middleware.
        app.UseMcpResponseCoalescing();

        app.MapSiteEndpoints();
        app.MapProtectedResourceMetadata();
        app.MapSentryMcpAuth();
        app.MapSentryMcp();
        app.MapWeb();
        app.MapChat();
        app.LogWhereToStart();
        StartupTrace.Mark("pipeline and endpoints mapped");
        if (StartupTrace.Enabled)
        {
            app.Lifetime.ApplicationStarted.Register(() => StartupTrace.Mark("host started"));
        }
        return app;
    }
}
