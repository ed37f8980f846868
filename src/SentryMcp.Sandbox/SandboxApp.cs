using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace SentryMcp.Sandbox;

/// <summary>
/// A Sentry-API-compatible server with a small demo organization. Product code reaches it only
/// through the configured Sentry host URL.
/// </summary>
public static class SandboxApp
{
    public static WebApplication Create(string[] args, Action<SandboxOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var options = new SandboxOptions();
        configure?.Invoke(options);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<SandboxState>();
        builder.Services.AddSingleton<FaultInjector>();
        builder.Services.AddSingleton<OAuthSandboxState>();
        builder.Services.AddSingleton<IngestStore>();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never;
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new SentryTimestamps.Converter());
        });
        if (string.Equals(builder.Configuration["LOG_FORMAT"]?.Trim(), "json", StringComparison.OrdinalIgnoreCase))
        {
            // Embedded in the server, its lines share the server's console: one format for both.
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            });
        }
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("SentryMcp.Sandbox", LogLevel.Information);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);

        var app = builder.Build();
        app.MapSandboxControl();
        app.UseMiddleware<FaultInjector.Middleware>();
        var api = app.MapGroup("/api/0").AddEndpointFilter<SentryAuthFilter>();
        api.MapUserEndpoints();
        api.MapOrganizationEndpoints();
        api.MapIssueEndpoints();
        api.MapEventEndpoints();
        api.MapIssueActivityEndpoints();
        api.MapExploreEndpoints();
        api.MapExploreStatsEndpoints();
        api.MapTraceEndpoints();
        api.MapProjectEndpoints();
        api.MapSeerEndpoints();
        api.MapDashboardEndpoints();
        api.MapProjectTeamEndpoints();
        api.MapProjectKeyUpdateEndpoints();
        api.MapRepositoryEndpoints();
        api.MapOnboardingEndpoints();
        api.MapAiConversationEndpoints();
        api.MapSnapshotEndpoints();
        api.MapMonitoringEndpoints();
        api.MapReleaseDetailEndpoints();
        api.MapReplayEndpoints();
        api.MapProfileEndpoints();
        app.MapDocsEndpoints();
        app.MapOAuthEndpoints();
        app.MapIngestEndpoints();
        app.MapFallback((HttpContext ctx) => Results.Json(new { detail = "The requested resource does not exist" }, statusCode: 404));
        return app;
    }

    /// <summary>Starts a sandbox on a free loopback port and returns it with its base URL.</summary>
    public static async Task<(WebApplication App, Uri BaseUri)> StartAsync(Action<SandboxOptions>? configure = null, CancellationToken ct = default)
    {
        var app = Create(["--urls", "http://127.0.0.1:0"], configure);
        await app.StartAsync(ct).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address.TrimEnd('/') + "/"));
    }
}
