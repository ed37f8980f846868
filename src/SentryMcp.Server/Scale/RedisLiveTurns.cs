using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SentryMcp.Server.Conversations;
using StackExchange.Redis;

namespace SentryMcp.Server.Scale;

/// <summary>
/// Live turns shared by the instances: the turn's lines in a Redis list (a tab on any instance reads
/// them and is woken by a pub/sub message per line), the conversation's running turn in a lease key
/// (<c>PX Chat:TurnLeaseTtl</c>) its writer renews, and stop requests published to every instance (the
/// owner cancels its turn). Renewing and releasing check the owner in one script, so a writer whose lease
/// ran out never extends or deletes a newer turn's. When the owner dies mid-answer the key expires by
/// itself: readers end with <see cref="TurnLost"/>'s lines, not a hang, and a new turn can begin.
/// Finished answers live in the database; their lines stay only for <c>Chat:FinishedTurnGrace</c>.
/// </summary>
public sealed class RedisLiveTurns : ILiveTurns
{
    private static readonly TimeSpan RunningLinesTtl = TimeSpan.FromHours(1);
    private static readonly TimeSpan Backstop = TimeSpan.FromSeconds(1);

    private const string RenewScript = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
    private const string ReleaseScript = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    private readonly RedisConnection _redis;
    private readonly IOptions<ConversationOptions> _options;
    private readonly ConcurrentDictionary<string, Writer> _local = new(StringComparer.Ordinal);

    public RedisLiveTurns(RedisConnection redis, IOptions<ConversationOptions> options)
    {
        _redis = redis;
        _options = options;
        redis.Multiplexer.GetSubscriber().Subscribe(StopChannel, (_, conversationId) =>
        {
            if (_local.TryGetValue(conversationId.ToString(), out var writer))
            {
                writer.RequestStop();
            }
        });
    }

    private static RedisChannel StopChannel => RedisChannel.Literal(RedisConnection.KeyPrefix + "turn:stop");

    private static RedisKey Current(string conversationId) => $"{RedisConnection.KeyPrefix}turn:current:{conversationId}";

    private static RedisKey Lines(string turnId) => $"{RedisConnection.KeyPrefix}turn:lines:{turnId}";

    private static RedisKey Meta(string turnId) => $"{RedisConnection.KeyPrefix}turn:meta:{turnId}";

    private static RedisChannel Changed(string turnId) => RedisChannel.Literal($"{RedisConnection.KeyPrefix}turn:changed:{turnId}");

    public async Task<ITurnWriter?> BeginAsync(string conversationId, string turnId, IReadOnlyList<string> replayPrefix, CancellationToken ct)
    {
        var db = _redis.Database;
        if (!await db.StringSetAsync(Current(conversationId), turnId, _options.Value.TurnLeaseTtl, When.NotExists))
        {
            return null;
        }
        await db.HashSetAsync(Meta(turnId), [new HashEntry("prefix", replayPrefix.Count), new HashEntry("done", 0), new HashEntry("conversation", conversationId)]);
        if (replayPrefix.Count > 0)
        {
            await db.ListRightPushAsync(Lines(turnId), [.. replayPrefix.Select(l => (RedisValue)l)]);
        }
        await db.KeyExpireAsync(Meta(turnId), RunningLinesTtl);
        await db.KeyExpireAsync(Lines(turnId), RunningLinesTtl);
        var writer = new Writer(this, conversationId, turnId, replayPrefix.Count);
        _local[conversationId] = writer;
        return writer;
    }

    public async Task<ITurnReader?> OpenAsync(string conversationId, string? turnId, CancellationToken ct)
    {
        var db = _redis.Database;
        var running = (string?)await db.StringGetAsync(Current(conversationId));
        var id = turnId ?? running;
        if (id is null)
        {
            return null;
        }
        var meta = await db.HashGetAllAsync(Meta(id));
        var fields = meta.ToDictionary(e => e.Name.ToString(), e => e.Value);
        if (!fields.TryGetValue("conversation", out var owner) || owner != conversationId || (turnId is null && fields["done"] == 1))
        {
            return null;
        }
        return new Reader(this, conversationId, id, (int)fields["prefix"]);
    }

    public async Task<string?> RunningAsync(string conversationId, CancellationToken ct) =>
        (string?)await _redis.Database.StringGetAsync(Current(conversationId));

    public async Task<bool> StopAsync(string conversationId, CancellationToken ct)
    {
        if (!await _redis.Database.KeyExistsAsync(Current(conversationId)))
        {
            return false;
        }
        await _redis.Multiplexer.GetSubscriber().PublishAsync(StopChannel, conversationId);
        return true;
    }

    private sealed class Writer(RedisLiveTurns turns, string conversationId, string turnId, int prefix) : ITurnWriter
    {
        private readonly CancellationTokenSource _stop = new();
        private bool _completed;

        public string TurnId => turnId;

        public int ReplayPrefix => prefix;

        public CancellationToken StopRequested => _stop.Token;

        public void RequestStop()
        {
            try
            {
                _stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Ended meanwhile.
            }
        }

        public async Task<bool> RenewAsync()
        {
            var ttl = (long)turns._options.Value.TurnLeaseTtl.TotalMilliseconds;
            return (long)await turns._redis.Database.ScriptEvaluateAsync(RenewScript, [Current(conversationId)], [turnId, ttl]) == 1;
        }

        public async Task AppendAsync(string line)
        {
            await turns._redis.Database.ListRightPushAsync(Lines(TurnId), line);
            await turns._redis.Multiplexer.GetSubscriber().PublishAsync(Changed(TurnId), "1");
        }

        public async Task CompleteAsync()
        {
            var db = turns._redis.Database;
            var grace = turns._options.Value.FinishedTurnGrace;
            await db.HashSetAsync(Meta(TurnId), "done", 1);
            await db.KeyExpireAsync(Meta(TurnId), grace);
            await db.KeyExpireAsync(Lines(TurnId), grace);
            await ReleaseAsync(db);
            await turns._redis.Multiplexer.GetSubscriber().PublishAsync(Changed(TurnId), "1");
            _completed = true;
        }

        private Task ReleaseAsync(IDatabase db) => db.ScriptEvaluateAsync(ReleaseScript, [Current(conversationId)], [turnId]);

        public async ValueTask DisposeAsync()
        {
            turns._local.TryRemove(KeyValuePair.Create(conversationId, this));
            if (!_completed)
            {
                // Abandoned before it ran (a check failed): nothing to resume.
                var db = turns._redis.Database;
                await db.KeyDeleteAsync([Meta(TurnId), Lines(TurnId)]);
                await ReleaseAsync(db);
            }
        }
    }

    private sealed class Reader(RedisLiveTurns turns, string conversationId, string turnId, int prefix) : ITurnReader
    {
        public int ReplayPrefix => prefix;

        public async IAsyncEnumerable<string> ReadAsync(int from, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
        {
            var db = turns._redis.Database;
            var wake = new SemaphoreSlim(0);
            var channel = await turns._redis.Multiplexer.GetSubscriber().SubscribeAsync(Changed(turnId));
            channel.OnMessage(_ => wake.Release());
            try
            {
                var next = from;
                var open = new OpenParts();
                while (true)
                {
                    var lines = await db.ListRangeAsync(Lines(turnId), next, -1);
                    foreach (var line in lines)
                    {
                        var text = line.ToString();
                        open.Observe(text);
                        yield return text;
                    }
                    next += lines.Length;
                    if (lines.Length > 0)
                    {
                        continue;
                    }
                    if (await db.HashGetAsync(Meta(turnId), "done") == 1)
                    {
                        yield break;
                    }
                    if ((string?)await db.StringGetAsync(Current(conversationId)) != turnId && await db.HashGetAsync(Meta(turnId), "done") != 1)
                    {
                        // Not done, and its lease ran out: the instance that ran it is gone.
                        foreach (var line in TurnLost.Lines(open))
                        {
                            yield return line;
                        }
                        yield break;
                    }
                    // Woken by the next line; the backstop also notices an owner that died silently.
                    await wake.WaitAsync(Backstop, ct);
                }
            }
            finally
            {
                await channel.UnsubscribeAsync();
                wake.Dispose();
            }
        }
    }
}
