using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using SentryMcp.Core.Hosting;
using SentryMcp.Server.Mcp;
using SentryMcp.Server.Http;

namespace SentryMcp.Server.Security;

/// <summary>Rate limits (configuration section <c>RateLimits</c>).</summary>
public sealed class RateLimitOptions
{
    /// <summary>Requests per minute per client IP on the MCP endpoints, before authentication.</summary>
    public int PerIpPerMinute { get; set; } = 300;

    /// <summary>Requests per minute per authenticated user on the MCP endpoints.</summary>
    public int PerUserPerMinute { get; set; } = 60;
}

/// <summary>Limits must allow something; there is no upper bound (a load test runs with 100,000 per IP).</summary>
public sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options) => new OptionsProblems()
        .Require(options.PerIpPerMinute >= 1, "RateLimits:PerIpPerMinute must be at least 1, e.g. RateLimits__PerIpPerMinute=300.")
        .Require(options.PerUserPerMinute >= 1, "RateLimits:PerUserPerMinute must be at least 1, e.g. RateLimits__PerUserPerMinute=60.")
        .Result;
}

/// <summary>A sliding-window counter; in-process by default, shared when scaled out.</summary>
public interface IRateLimitStore
{
    /// <summary>Takes one permit for <paramref name="key"/>; returns the wait before retrying when refused.</summary>
    ValueTask<TimeSpan?> TryAcquireAsync(string key, int limit, TimeSpan window, CancellationToken ct);
}

public sealed class InMemoryRateLimitStore : IRateLimitStore, IDisposable
{
    private readonly PartitionedRateLimiter<(string Key, int Limit, TimeSpan Window)> _limiter =
        PartitionedRateLimiter.Create<(string Key, int Limit, TimeSpan Window), (string, int, TimeSpan)>(p =>
            RateLimitPartition.GetSlidingWindowLimiter(p, k => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = k.Item2,
                Window = k.Item3,
                SegmentsPerWindow = 6,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));

    public ValueTask<TimeSpan?> TryAcquireAsync(string key, int limit, TimeSpan window, CancellationToken ct)
    {
        using var lease = _limiter.AttemptAcquire((key, limit, window));
        if (lease.IsAcquired)
        {
            return ValueTask.FromResult<TimeSpan?>(null);
        }
        return ValueTask.FromResult<TimeSpan?>(lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : window / 6);
    }

    public void Dispose() => _limiter.Dispose();
}

/// <summary>
/// Applies the MCP rate limits: per IP before authentication (cheap rejection of floods) and per
/// user after it. Refusals are 429 with Retry-After and ProblemDetails code RATE_LIMIT_EXCEEDED.
/// </summary>
public static class RateLimits
{
    public static bool IsMcpPath(PathString path) => path.StartsWithSegments(Routes.Mcp) || path.StartsWithSegments(Routes.Sse);

    public static IApplicationBuilder UsePerIpRateLimit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (IsMcpPath(http.Request.Path))
        {
            var limit = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.PerIpPerMinute;
            var ip = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            if (await RefuseAsync(http, "ip:" + ip, limit))
            {
                return;
            }
        }
        await next(http);
    });

    public static IApplicationBuilder UsePerUserRateLimit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (IsMcpPath(http.Request.Path) && McpCaller.From(http) is { } caller)
        {
            var limit = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.PerUserPerMinute;
            if (await RefuseAsync(http, "user:" + caller.UserId, limit))
            {
                return;
            }
        }
        await next(http);
    });

    /// <summary>Counts a refusal in <c>sentry_mcp.rate_limit.rejections</c>, tagged with the limit (ip, user, chat, registration).</summary>
    public static void CountRejection(string limit) =>
        SentryMcp.Core.Telemetry.SentryMcpTelemetry.RateLimitRejections.Add(1, new KeyValuePair<string, object?>("limit", limit));

    private static async Task<bool> RefuseAsync(HttpContext http, string key, int limit)
    {
        var store = http.RequestServices.GetRequiredService<IRateLimitStore>();
        var retryAfter = await store.TryAcquireAsync(key, limit, TimeSpan.FromMinutes(1), http.RequestAborted);
        if (retryAfter is null)
        {
            return false;
        }
        CountRejection(key.StartsWith("ip:", StringComparison.Ordinal) ? "ip" : "user");
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.Value.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Problems.Of(429, ErrorCodes.RateLimitExceeded, $"Rate limit of {limit} requests per minute exceeded. Retry in {seconds} s.", title: "Too many requests").ExecuteAsync(http);
        return true;
    }
}
