// Logging (notifications/message) is deprecated from MCP 2026-07-28 (SEP-2577) but current for the
// 2025-06-18 and 2025-11-25 clients we serve, and 2026-07-28 clients may still ask per request.
#pragma warning disable MCP9005
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using SentryMcp.Core.Hosting;

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
            .ValidateWith<SentryClientOptions, SentryClientOptionsValidator>();
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
                    // The MCP client of the call sees retries in its log (method and status only: paths name issues).
                    OnRetry = args => Tools.ClientLog.Current is { } log
                        ? log.LogAsync(ModelContextProtocol.Protocol.LoggingLevel.Warning,
                            $"Sentry {RetryReason(args.Outcome)}; retrying in {args.RetryDelay.TotalSeconds.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} s (retry {args.AttemptNumber + 1} of {options.MaxRetryAttempts}).")
                        : default,
                };
                retry.DisableFor(HttpMethod.Post, HttpMethod.Patch, HttpMethod.Connect);
                builder.AddRetry(retry);
                builder.AddTimeout(options.AttemptTimeout);
            });
        return services;
    }

    private static string RetryReason(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => $"answered HTTP {(int)response.StatusCode} to {response.RequestMessage?.Method.Method ?? "a request"}",
        { Exception: Polly.Timeout.TimeoutRejectedException } => "did not answer in time",
        { Exception: { } ex } => $"could not be reached ({ex.GetType().Name})",
        _ => "failed",
    };
}

/// <summary>Creates API clients bound to one host and credential over the shared, resilient HttpClient.</summary>
public sealed class SentryApiClientFactory(IHttpClientFactory httpClientFactory, IOptions<SentryClientOptions> options)
{
    public SentryApiClient Create(SentryHost host, string accessToken) =>
        new(httpClientFactory.CreateClient(SentryApiServiceCollectionExtensions.HttpClientName), host, accessToken, options.Value.MaxResponseBytes);
}
