using Microsoft.Extensions.DependencyInjection;
using SentryMcp.Core.Api;
using SentryMcp.Core.Search;
using SentryMcp.Core.Docs;
using SentryMcp.Core.Hosting;
using SentryMcp.Core.Tools;

namespace SentryMcp.Core;

public static class SentryMcpServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Sentry API client and the catalogs of tools, prompts and resources. The host
    /// registers a scoped <see cref="SentryToolContext"/> for the caller's credential.
    /// </summary>
    public static IServiceCollection AddSentryMcpCore(this IServiceCollection services)
    {
        services.AddSentryApiClient();
        services.AddSentryDocs();
        services.AddSingleton<SentryToolCatalog>();
        services.AddSearchQueryTranslator();
        services.AddSingleton<Completion.CompletionCache>();
        services.AddSingleton<ClientLogLevels>();
        services.AddOptions<ConfirmationOptions>().BindConfiguration(ConfirmationOptions.SectionName)
            .ValidateWith<ConfirmationOptions, ConfirmationOptionsValidator>();
        services.AddOptions<SeerOptions>().BindConfiguration(SeerOptions.SectionName)
            .ValidateWith<SeerOptions, SeerOptionsValidator>();
        return services;
    }
}
