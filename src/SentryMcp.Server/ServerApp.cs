using Microsoft.Extensions.DependencyInjection.Extensions;
using SentryMcp.Core;
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
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.AddSentryHostOrSandbox();
        builder.AddObservability();
        builder.AddPublicOrigin();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 4 * 1024 * 1024);

        builder.Services.AddMemoryCache();
        builder.Services.AddHttpClient("readiness");
        builder.Services.AddSentryMcpCore();
        builder.Services.AddSentryMcpHttp();
        builder.Services.AddOptions<SseOptions>().BindConfiguration("Sse");
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration("RateLimits");
        builder.Services.AddSingleton<IRateLimitStore, InMemoryRateLimitStore>();
        builder.Services.Replace(ServiceDescriptor.Singleton<SentryMcp.Core.Search.ISearchTranslationBudget, SharedSearchTranslationBudget>());
        builder.Services.AddSingleton<HostAndOriginValidation.AllowedHostSet>();
        builder.Services.AddAuthentication(McpCaller.AuthenticationScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, McpAuthenticationHandler>(McpCaller.AuthenticationScheme, null);
        builder.AddStorage();
        builder.AddSentryMcpAuth();
        builder.AddScaleOut();
        builder.AddChat();
        builder.Services.AddAuthorization();
        builder.Services.AddCors(o =>
        {
            o.AddPolicy(ProtectedResourceMetadata.CorsPolicy, p => p.AllowAnyOrigin().WithMethods("GET").AllowAnyHeader());
            o.AddPolicy(HostAndOriginValidation.PublicOAuthCorsPolicy, p => p.AllowAnyOrigin().WithMethods("POST").AllowAnyHeader());
        });
        ProblemExceptionHandler.AddTo(builder.Services);
        builder.AddWeb();

        var app = builder.Build();
        app.InitializeStorage();
        app.UseForwardedHeadersFromTrustedProxies();
        app.UseExceptionHandler();
        app.UseStatusCodePages(ProblemExceptionHandler.WriteStatusCodePageAsync);
        app.UseSecurityHeaders();
        app.UseAuthorizationServerMetadataPaths();
        app.UseHostAndOriginValidation();
        app.UsePublicUrl();
        app.UseWhen(http => HostAndOriginValidation.IsPublicOAuthEndpoint(http.Request.Path), branch => branch.UseCors(HostAndOriginValidation.PublicOAuthCorsPolicy));
        app.UsePerIpRateLimit();
        app.UseMcpRequestSizeLimit(McpEndpoints.MaxMessageBytes);
        app.UseWeb();
        app.UseRouting();
        app.UseCors();
        app.UseAuthenticationWithMcpFastPath();
        app.UsePerUserRateLimit();
        app.UseAuthorization();
        app.UseMcpResponseCoalescing();

        app.MapSiteEndpoints();
        app.MapProtectedResourceMetadata();
        app.MapSentryMcpAuth();
        app.MapSentryMcp();
        app.MapWeb();
        app.MapChat();
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SentryHostOptions>>().Value.UsingSandbox)
        {
            app.Logger.LogWarning("No Sentry host or credentials configured: serving the built-in Sentry sandbox at {Host} (demo data, token '{Token}').",
                app.Configuration["Sentry:Host"], SentryMcp.Sandbox.SandboxOptions.DefaultToken);
        }
        return app;
    }
}
