using Microsoft.Extensions.DependencyInjection.Extensions;
using SentryMcp.Core.Hosting;

namespace SentryMcp.Server.Security;

/// <summary>What guards every request: the body-size cap, Host/Origin validation, rate limits and the public OAuth endpoints' CORS.</summary>
public static class RequestProtection
{
    public const long MaxRequestBodyBytes = 4 * 1024 * 1024;

    public static WebApplicationBuilder AddRequestProtection(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        var services = builder.Services;
        services.AddOptions<RateLimitOptions>().BindConfiguration("RateLimits").ValidateWith<RateLimitOptions, RateLimitOptionsValidator>();
        // Scale-out replaces these with Redis-backed ones: registered before it.
        services.AddSingleton<IRateLimitStore, InMemoryRateLimitStore>();
        services.Replace(ServiceDescriptor.Singleton<SentryMcp.Core.Search.ISearchTranslationBudget, SharedSearchTranslationBudget>());
        services.AddSingleton<HostAndOriginValidation.AllowedHostSet>();
        services.AddCors(o => o.AddPolicy(HostAndOriginValidation.PublicOAuthCorsPolicy, p => p.AllowAnyOrigin().WithMethods("POST").AllowAnyHeader()));
        return builder;
    }

    /// <summary>Token, registration and revocation are called from any origin without cookies: they get permissive CORS.</summary>
    public static WebApplication UsePublicOAuthCors(this WebApplication app)
    {
        app.UseWhen(http => HostAndOriginValidation.IsPublicOAuthEndpoint(http.Request.Path), branch => branch.UseCors(HostAndOriginValidation.PublicOAuthCorsPolicy));
        return app;
    }
}
