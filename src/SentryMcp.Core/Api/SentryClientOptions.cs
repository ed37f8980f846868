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

    public void Validate()
    {
        if (AttemptTimeout <= TimeSpan.Zero || TotalTimeout < AttemptTimeout)
        {
            throw new InvalidOperationException("Sentry:Client timeouts must be positive and TotalTimeout must be at least AttemptTimeout.");
        }
        if (MaxRetryAttempts is < 0 or > 10)
        {
            throw new InvalidOperationException("Sentry:Client:MaxRetryAttempts must be between 0 and 10.");
        }
    }
}
