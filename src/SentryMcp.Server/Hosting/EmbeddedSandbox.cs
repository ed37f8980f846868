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
        var (sandbox, baseUri) = SandboxApp.StartAsync(embedded: true).GetAwaiter().GetResult();
        builder.Configuration["Sentry:Host"] = baseUri.ToString().TrimEnd('/');
        builder.Configuration["Sentry:UsingSandbox"] = "true";
        builder.Configuration["SENTRY_DOCS_URL"] ??= baseUri.ToString().TrimEnd('/');
        builder.Services.AddHostedService(_ => new SandboxLifetime(sandbox));
        return builder;
    }

    private sealed class SandboxLifetime(WebApplication sandbox) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            await sandbox.StopAsync(cancellationToken);
            await sandbox.DisposeAsync();
        }
    }
}
