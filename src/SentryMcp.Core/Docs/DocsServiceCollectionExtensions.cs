using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SentryMcp.Core.Hosting;

namespace SentryMcp.Core.Docs;

public static class DocsServiceCollectionExtensions
{
    /// <summary>Registers the docs options (validated at start), the docs HttpClient, client and search index.</summary>
    public static IServiceCollection AddSentryDocs(this IServiceCollection services)
    {
        services.AddOptions<DocsOptions>()
            .BindConfiguration(DocsOptions.SectionName)
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                if (configuration[DocsOptions.EnvironmentVariable] is { Length: > 0 } url)
                {
                    options.BaseUrl = url.Trim();
                }
            })
            .ValidateWith<DocsOptions, DocsOptionsValidator>();
        services.AddHttpClient(DocsClient.HttpClientName, (sp, http) =>
            {
                http.Timeout = sp.GetRequiredService<IOptions<DocsOptions>>().Value.RequestTimeout;
                http.DefaultRequestHeaders.UserAgent.ParseAdd("sentry-mcp-dotnet/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // Redirects are followed by DocsClient, which checks each hop stays on the docs site.
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.All,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        services.AddSingleton<DocsClient>();
        services.AddSingleton<DocsIndex>();
        return services;
    }
}
