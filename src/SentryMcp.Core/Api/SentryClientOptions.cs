using Microsoft.Extensions.Options;
using SentryMcp.Core.Hosting;

namespace SentryMcp.Core.Api;

/// <summary>HTTP behaviour of the Sentry API client (configuration section <c>Sentry:Client</c>).</summary>
public sealed class SentryClientOptions
{
    public const string SectionName = "Sentry:Client";

    /// <summary>Timeout for one attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Timeout for a call including all retries.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after the first attempt, for 429/502/503/504, timeouts and dropped connections.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>First back-off delay (exponential, jittered) when Sentry gives no Retry-After.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Longest wait honoured from a Retry-After header.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest response body read into memory (attachments included).</summary>
    public long MaxResponseBytes { get; set; } = 20 * 1024 * 1024;

    public string UserAgent { get; set; } = "sentry-mcp-dotnet/1.0";
}

/// <summary>Every unusable <see cref="SentryClientOptions"/> setting, with how to fix it.</summary>
public sealed class SentryClientOptionsValidator : IValidateOptions<SentryClientOptions>
{
    public ValidateOptionsResult Validate(string? name, SentryClientOptions options) => new OptionsProblems()
        .Require(options.AttemptTimeout > TimeSpan.Zero, "Sentry:Client:AttemptTimeout must be positive, e.g. 00:00:20.")
        .Require(options.TotalTimeout >= options.AttemptTimeout, "Sentry:Client:TotalTimeout must be at least Sentry:Client:AttemptTimeout, e.g. 00:01:00 with 00:00:20.")
        .Require(options.MaxRetryAttempts is >= 0 and <= 10, "Sentry:Client:MaxRetryAttempts must be between 0 and 10.")
        .Require(options.RetryBaseDelay > TimeSpan.Zero, "Sentry:Client:RetryBaseDelay must be positive, e.g. 00:00:00.300.")
        .Require(options.MaxRetryDelay >= options.RetryBaseDelay, "Sentry:Client:MaxRetryDelay must be at least Sentry:Client:RetryBaseDelay, e.g. 00:00:10.")
        .Require(options.MaxResponseBytes > 0, "Sentry:Client:MaxResponseBytes must be positive, e.g. 20971520.")
        .Require(!string.IsNullOrWhiteSpace(options.UserAgent), "Sentry:Client:UserAgent must not be empty; unset it to use the default.")
        .Result;
}
