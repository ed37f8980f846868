using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace SentryMcp.Core.Api;

public static class SentryApiServiceCollectionExtensions
{
    public const string HttpClientName = "sentry";

    private static readonly HashSet<HttpStatusCode> RetriedStatuses =
        [HttpStatusCode.TooManyRequests, HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout];

    /// <summary>
    /// Registers the named <c>sentry</c> HttpClient: total timeout → retry (429/502/503/504, dropped
    /// connections and attempt timeouts; honours Retry-After; never for POST/PATCH) → attempt timeout.
    /// </summary>
    public static IServiceCollection AddSentryApiClient(this IServiceCollection services)
    {
        services.AddOptions<SentryClientOptions>().BindConfiguration(SentryClientOptions.SectionName)
            .Validate(o => { o.Validate(); return true; }).ValidateOnStart();
        services.AddSingleton<SentryApiClientFactory>();
        services.AddHttpClient(HttpClientName, (sp, http) =>
            {
                var options = sp.GetRequiredService<IOptions<SentryClientOptions>>().Value;
                http.Timeout = Timeout.InfiniteTimeSpan;
                http.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AutomaticDecompression = DecompressionMethods.All,
            })
            .AddResilienceHandler("sentry-pipeline", (builder, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<SentryClientOptions>>().Value;
                builder.AddTimeout(options.TotalTimeout);
                var retry = new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(1, options.MaxRetryAttempts),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.RetryBaseDelay,
                    MaxDelay = options.MaxRetryDelay,
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = args => ValueTask.FromResult(options.MaxRetryAttempts > 0 && args.Outcome switch
                    {
                        { Exception: HttpRequestException or Polly.Timeout.TimeoutRejectedException } => true,
                        { Result: { } r } => RetriedStatuses.Contains(r.StatusCode),
                        _ => false,
                    }),
                };
                retry.DisableFor(HttpMethod.Post, HttpMethod.Patch, HttpMethod.Connect);
                builder.AddRetry(retry);
                builder.AddTimeout(options.AttemptTimeout);
            });
        return services;
    }
}

/// <summary>Creates API clients bound to one host and credential over the shared, resilient HttpClient.</summary>
public sealed class SentryApiClientFactory(IHttpClientFactory httpClientFactory, IOptions<SentryClientOptions> options)
{
    public SentryApiClient Create(SentryHost host, string accessToken) =>
        new(httpClientFactory.CreateClient(SentryApiServiceCollectionExtensions.HttpClientName), host, accessToken, options.Value.MaxResponseBytes);
}
