namespace SentryMcp.Core.Api.Models;

public sealed record ClientKeyRateLimit(long? Window, long? Count);

public sealed record ClientKeyLoaderOptions(bool? HasReplay, bool? HasPerformance, bool? HasDebug, bool? HasFeedback, bool? HasLogsAndMetrics);

/// <summary>A client key with the settings update_dsn changes (rate limit, loader script).</summary>
public sealed record SentryClientKeySettings(
    string Id,
    string? Name,
    bool? IsActive,
    ClientKeyDsn? Dsn,
    ClientKeyRateLimit? RateLimit,
    string? BrowserSdkVersion,
    ClientKeyLoaderOptions? DynamicSdkLoaderOptions);

/// <summary>
/// The body of <c>PUT /projects/{org}/{project}/keys/{id}/</c>. Null properties are left out (Sentry
/// keeps those settings), so removing the rate limit is a separate flag that writes an explicit null.
/// </summary>
public sealed record ClientKeyChanges(
    string? Name,
    bool? IsActive,
    ClientKeyRateLimit? RateLimit,
    string? BrowserSdkVersion,
    ClientKeyLoaderOptions? DynamicSdkLoaderOptions,
    bool RemoveRateLimit);
