using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using SentryMcp.Server.Mcp;
using StackExchange.Redis;

namespace SentryMcp.Server.Scale;

/// <summary>
/// <c>/sse</c> without sticky sessions. Each open stream is recorded in Redis as
/// <c>session id → owner instance, user, credential</c> with a TTL refreshed while the stream is
/// open. A POST that lands elsewhere is published on the owner's channel; the owner hands it to the
/// session (which answers on its stream as usual) and acknowledges, so the POST's 202 still means
/// "delivered". A revoked grant is published to every instance, and each ends that grant's streams.
/// </summary>
public sealed class RedisSseRouter(RedisConnection redis, SseSessions sessions, ILogger<RedisSseRouter> logger) : ISseSessionRouter, IHostedService, IAsyncDisposable
{
    public static readonly TimeSpan OwnerTtl = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan AckTimeout = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, SseSession> _owned = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<bool>> _pending = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private ChannelMessageQueue? _deliveries;
    private ChannelMessageQueue? _acks;
    private ChannelMessageQueue? _revocations;
    private Task? _refresh;

    private string DeliverChannel(string instance) => $"{RedisConnection.KeyPrefix}sse:deliver:{instance}";

    private string AckChannel(string instance) => $"{RedisConnection.KeyPrefix}sse:ack:{instance}";

    private static RedisChannel RevokedChannel => RedisChannel.Literal($"{RedisConnection.KeyPrefix}sse:grant-revoked");

    private static RedisKey OwnerKey(string sessionId) => $"{RedisConnection.KeyPrefix}sse:owner:{sessionId}";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var subscriber = redis.Multiplexer.GetSubscriber();
        _deliveries = await subscriber.SubscribeAsync(RedisChannel.Literal(DeliverChannel(redis.InstanceId)));
        _deliveries.OnMessage(DeliverAsync);
        _acks = await subscriber.SubscribeAsync(RedisChannel.Literal(AckChannel(redis.InstanceId)));
        _acks.OnMessage(message =>
        {
            if (JsonSerializer.Deserialize(message.Message.ToString(), RouterJson.Default.Ack) is { } ack && _pending.TryRemove(ack.Id, out var waiter))
            {
                waiter.TrySetResult(ack.Delivered);
            }
        });
        _revocations = await subscriber.SubscribeAsync(RevokedChannel);
        _revocations.OnMessage(message => sessions.EndGrant(message.Message.ToString()));
        _refresh = RefreshOwnershipAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_refresh is not null)
        {
            await _refresh;
        }
        if (_deliveries is not null)
        {
            await _deliveries.UnsubscribeAsync();
        }
        if (_acks is not null)
        {
            await _acks.UnsubscribeAsync();
        }
        if (_revocations is not null)
        {
            await _revocations.UnsubscribeAsync();
        }
    }

    public async ValueTask OpenedAsync(SseSession session, CancellationToken ct)
    {
        _owned[session.Id] = session;
        await redis.Database.StringSetAsync(OwnerKey(session.Id), Owner(session), OwnerTtl);
    }

    public async ValueTask ClosedAsync(SseSession session)
    {
        _owned.TryRemove(session.Id, out _);
        try
        {
            await redis.Database.KeyDeleteAsync(OwnerKey(session.Id));
        }
        catch (RedisException ex)
        {
            logger.LogDebug(ex, "Could not remove SSE session {Session} from Redis; its entry expires on its own", session.Id);
        }
    }

    public async ValueTask<SseForwardResult> ForwardAsync(string sessionId, McpCaller caller, JsonRpcMessage message, CancellationToken ct)
    {
        var owner = (string?)await redis.Database.StringGetAsync(OwnerKey(sessionId));
        if (owner?.Split('\n', 3) is not [var instance, var ownerUser, var credential] || ownerUser != caller.UserId || instance == redis.InstanceId)
        {
            return SseForwardResult.NotFound;
        }
        if (credential != caller.Credential)
        {
            return SseForwardResult.OtherCredential;
        }
        var id = Guid.NewGuid().ToString("N");
        var waiter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = waiter;
        try
        {
            var envelope = new Delivery(id, redis.InstanceId, sessionId, caller.UserId, caller.Credential, caller.ExpiresAt,
                JsonSerializer.Serialize(message, McpJsonUtilities.DefaultOptions));
            var receivers = await redis.Multiplexer.GetSubscriber().PublishAsync(
                RedisChannel.Literal(DeliverChannel(instance)), JsonSerializer.Serialize(envelope, RouterJson.Default.Delivery));
            if (receivers == 0)
            {
                return SseForwardResult.NotFound;
            }
            return await waiter.Task.WaitAsync(AckTimeout, ct) ? SseForwardResult.Delivered : SseForwardResult.NotFound;
        }
        catch (TimeoutException)
        {
            logger.LogWarning("Instance {Owner} did not acknowledge a message for SSE session {Session}", instance, sessionId);
            return SseForwardResult.NotFound;
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    private async Task DeliverAsync(ChannelMessage raw)
    {
        Delivery? delivery = null;
        var delivered = false;
        try
        {
            delivery = JsonSerializer.Deserialize(raw.Message.ToString(), RouterJson.Default.Delivery);
            if (delivery is not null && sessions.Find(delivery.Session) is { } session &&
                session.UserId == delivery.User && session.Credential == delivery.Credential &&
                JsonSerializer.Deserialize<JsonRpcMessage>(delivery.Message, McpJsonUtilities.DefaultOptions) is { } message)
            {
                session.ExtendTo(delivery.ExpiresAt);
                await session.Transport.OnMessageReceivedAsync(message, _stopping.Token);
                delivered = true;
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or OperationCanceledException or ObjectDisposedException)
        {
            logger.LogWarning(ex, "Could not deliver a forwarded SSE message");
        }
        if (delivery is not null)
        {
            try
            {
                await redis.Multiplexer.GetSubscriber().PublishAsync(RedisChannel.Literal(AckChannel(delivery.ReplyTo)),
                    JsonSerializer.Serialize(new Ack(delivery.Id, delivered), RouterJson.Default.Ack));
            }
            catch (RedisException ex)
            {
                // The sender times out and answers 404; the client re-opens its stream.
                logger.LogWarning(ex, "Could not acknowledge a forwarded SSE message");
            }
        }
    }

    private async Task RefreshOwnershipAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(RefreshInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                foreach (var session in _owned.Values)
                {
                    try
                    {
                        await redis.Database.StringSetAsync(OwnerKey(session.Id), Owner(session), OwnerTtl);
                    }
                    catch (RedisException ex)
                    {
                        logger.LogWarning(ex, "Could not refresh the owner of SSE session {Session}", session.Id);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    public async ValueTask GrantRevokedAsync(string grantId)
    {
        // Here at once, whatever Redis does; the other instances through the channel.
        sessions.EndGrant(grantId);
        try
        {
            await redis.Multiplexer.GetSubscriber().PublishAsync(RevokedChannel, grantId);
        }
        catch (RedisException ex)
        {
            // Their streams stay open until their token expires, but carry nothing: every POST is
            // authenticated, and the grant's tokens no longer are.
            logger.LogWarning(ex, "Could not tell the other instances that grant {Grant} was revoked", grantId);
        }
    }

    private string Owner(SseSession session) => redis.InstanceId + "\n" + session.UserId + "\n" + session.Credential;

    public ValueTask DisposeAsync()
    {
        _stopping.Dispose();
        return ValueTask.CompletedTask;
    }

    internal sealed record Delivery(string Id, string ReplyTo, string Session, string User, string Credential, DateTimeOffset? ExpiresAt, string Message);

    internal sealed record Ack(string Id, bool Delivered);
}

[JsonSerializable(typeof(RedisSseRouter.Delivery))]
[JsonSerializable(typeof(RedisSseRouter.Ack))]
internal sealed partial class RouterJson : JsonSerializerContext;
