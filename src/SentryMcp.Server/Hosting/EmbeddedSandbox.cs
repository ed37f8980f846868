using SentryMcp.Core.Hosting;
using SentryMcp.Sandbox;

namespace SentryMcp.Server.Hosting;

/// <summary>
/// With no Sentry host or OAuth credentials configured, the server runs against the built-in
/// sandbox on a loopback port, so a newcomer can try everything without an account. Product code
/// only ever sees the sandbox's URL as the configured Sentry host.
/// </summary>
public static class EmbeddedSandbox
{
    public static WebApplicationBuilder AddSentryHostOrSandbox(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var host = config["SENTRY_HOST"] ?? config["Sentry:Host"];
        var hasCredentials = !string.IsNullOrEmpty(config["SENTRY_CLIENT_ID"]);
        builder.Services.AddOptions<SentryHostOptions>().BindConfiguration("Sentry")
            .PostConfigure(o =>
            {
                o.Host ??= config["SENTRY_HOST"];
                o.PublicUrl ??= config["PUBLIC_URL"];
            })
            .ValidateWith<SentryHostOptions, SentryHostOptionsValidator>();
        if (host is not null || hasCredentials)
        {
            return builder;
        }
        // Started beside the rest of the registrations (its own host: about 0.15 s of CPU, docs/benchmarks.md);
        // its address is needed only when the options are first read, after UseStartedSandbox.
        builder.Configuration["Sentry:UsingSandbox"] = "true";
        var starting = Task.Run(() => SandboxApp.StartAsync(embedded: true));
        builder.Services.AddSingleton(new StartingSandbox(starting));
        builder.Services.AddHostedService(services => new SandboxLifetime(services.GetRequiredService<StartingSandbox>().Task));
        return builder;
    }

    /// <summary>
    /// Waits for the sandbox started by <see cref="AddSentryHostOrSandbox"/> and points the Sentry host and
    /// docs settings at it; call once every service is registered, before the host is built.
    /// </summary>
    public static WebApplicationBuilder UseStartedSandbox(this WebApplicationBuilder builder)
    {
        var pending = builder.Services.LastOrDefault(d => d.ServiceType == typeof(StartingSandbox))?.ImplementationInstance as StartingSandbox;
        if (pending is null)
        {
            return builder;
        }
        var baseUri = pending.Task.GetAwaiter().GetResult().BaseUri.ToString().TrimEnd('/');
        builder.Configuration["Sentry:Host"] = baseUri;
        builder.Configuration["SENTRY_DOCS_URL"] ??= baseUri;
        return builder;
    }

    private sealed record StartingSandbox(Task<(WebApplication App, Uri BaseUri)> Task);

    private sealed class SandboxLifetime(Task<(WebApplication App, Uri BaseUri)> started) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            var (sandbox, _) = await started;
            await sandbox.StopAsync(cancellationToken);
            await sandbox.DisposeAsync();
        }
    }
}
