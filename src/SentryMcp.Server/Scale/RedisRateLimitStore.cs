using SentryMcp.Server.Security;
using StackExchange.Redis;

namespace SentryMcp.Server.Scale;

/// <summary>
/// A sliding-window log in Redis (one sorted set per key, scored by Redis's own clock so instance
/// clocks do not matter): the limit holds for the sum of all instances. If Redis cannot be reached
/// the request is let through and logged, so an outage of the cache is not an outage of the server.
/// </summary>
public sealed class RedisRateLimitStore(RedisConnection redis, ILogger<RedisRateLimitStore> logger) : IRateLimitStore
{
    // Returns -1 when a permit was taken, else the milliseconds until the oldest entry leaves the window.
    private const string Script = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local window = tonumber(ARGV[1])
        local limit = tonumber(ARGV[2])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
        if redis.call('ZCARD', KEYS[1]) < limit then
          redis.call('ZADD', KEYS[1], now, ARGV[3])
          redis.call('PEXPIRE', KEYS[1], window)
          return -1
        end
        local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
        return math.max(1, tonumber(oldest[2]) + window - now)
        """;

    public async ValueTask<TimeSpan?> TryAcquireAsync(string key, int limit, TimeSpan window, CancellationToken ct)
    {
        var member = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
        try
        {
            var result = (long)await redis.Database.ScriptEvaluateAsync(Script,
                [RedisConnection.KeyPrefix + "rate:" + key],
                [(long)window.TotalMilliseconds, limit, member]);
            return result < 0 ? null : TimeSpan.FromMilliseconds(result);
        }
        catch (RedisException ex)
        {
            logger.LogWarning(ex, "Rate limit store unreachable; letting the request through");
            return null;
        }
    }
}
