using SentryMcp.Server.Auth;
using StackExchange.Redis;

namespace SentryMcp.Server.Scale;

/// <summary>
/// The per-grant lock across instances: <c>SET key token NX PX</c>, released only by its holder
/// (compare-and-delete script), expiring on its own if the holder dies. Waiters of this instance
/// queue on an in-process lock first, so only one of them polls Redis.
/// </summary>
public sealed class RedisGrantLock(RedisConnection redis) : IGrantLock
{
    // Longer than a refresh can take (the token client times out after 20 s).
    public static readonly TimeSpan LockTime = TimeSpan.FromSeconds(30);

    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          return redis.call('DEL', KEYS[1])
        end
        return 0
        """;

    private readonly InProcessGrantLock _local = new();

    public async ValueTask<IAsyncDisposable> AcquireAsync(string grantId, CancellationToken ct)
    {
        var local = await _local.AcquireAsync(grantId, ct);
        try
        {
            var key = RedisConnection.KeyPrefix + "grant-lock:" + grantId;
            var token = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
            var delay = TimeSpan.FromMilliseconds(20);
            while (!await redis.Database.StringSetAsync(key, token, LockTime, When.NotExists))
            {
                await Task.Delay(delay, ct);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 250));
            }
            return new Release(redis, key, token, local);
        }
        catch
        {
            await local.DisposeAsync();
            throw;
        }
    }

    private sealed class Release(RedisConnection redis, string key, string token, IAsyncDisposable local) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }
            try
            {
                await redis.Database.ScriptEvaluateAsync(ReleaseScript, [key], [token]);
            }
            catch (RedisException)
            {
                // The work under the lock is done; an unreleased lock expires after LockTime.
            }
            finally
            {
                await local.DisposeAsync();
            }
        }
    }
}
