namespace SentryMcp.Sandbox;

/// <summary>A client key's cap on accepted errors: <c>Count</c> events per <c>Window</c> seconds.</summary>
public sealed record SandboxRateLimit(int Window, long Count);

/// <summary>Options of the JavaScript Loader Script served for a client key.</summary>
public sealed class SandboxLoaderOptions
{
    public bool HasReplay { get; set; } = true;
    public bool HasPerformance { get; set; } = true;
    public bool HasDebug { get; set; }
    public bool HasFeedback { get; set; }
    public bool HasLogsAndMetrics { get; set; }
}

public static class SandboxKeySettings
{
    /// <summary>The Browser SDK versions the loader offers, as Sentry lists them (value, label).</summary>
    public static readonly string[] BrowserSdkVersions = ["latest", "10.x", "9.x", "8.x", "7.x"];

    public const int MaxRateLimitWindow = 60 * 60 * 24;
}
