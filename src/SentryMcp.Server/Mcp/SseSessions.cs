using System.Collections.Concurrent;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace SentryMcp.Server.Mcp;

/// <summary>
/// An open legacy-SSE session: its transport, the user who opened it and the credential it is tied to
/// (<see cref="McpCaller.Credential"/>). It ends when its grant is revoked (<see cref="End"/>) or
/// when the credential expires: a timer on the host's <see cref="TimeProvider"/>, moved later when
/// a POST brings a newer token of the same grant.
/// </summary>
public sealed class SseSession : IDisposable
{
    // CancelAfter's limit (Timer.MaxSupportedTimeout, about 49 days).
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(uint.MaxValue - 1);
    private readonly CancellationTokenSource _ended;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private DateTimeOffset? _expiresAt;
    private bool _disposed;

    public SseSession(string id, McpCaller caller, SseResponseStreamTransport transport, TimeProvider clock)
    {
        (Id, UserId, Credential, GrantId, Transport, _clock) = (id, caller.UserId, caller.Credential, caller.GrantId, transport, clock);
        _ended = new CancellationTokenSource(Timeout.InfiniteTimeSpan, clock);
        ExtendTo(caller.ExpiresAt);
    }

    public string Id { get; }
    public string UserId { get; }
    public string Credential { get; }
    public string? GrantId { get; }
    public SseResponseStreamTransport Transport { get; }

    /// <summary>Cancelled when the session must end: revoked or expired.</summary>
    public CancellationToken Ended => _ended.Token;

    /// <summary>The credential's expiry as last seen (null: not known, no timer).</summary>
    public DateTimeOffset? ExpiresAt
    {
        get
        {
            lock (_gate)
            {
                return _expiresAt;
            }
        }
    }

    /// <summary>Moves the end of the session to a later expiry; never earlier, never for unknown expiries.</summary>
    public void ExtendTo(DateTimeOffset? expiresAt)
    {
        lock (_gate)
        {
            if (_disposed || expiresAt is not { } expires || expires <= _expiresAt)
            {
                return;
            }
            _expiresAt = expires;
            var delay = expires - _clock.GetUtcNow();
            _ended.CancelAfter(delay <= TimeSpan.Zero ? TimeSpan.Zero : delay > MaxDelay ? MaxDelay : delay);
        }
    }

    public void End()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _ended.Cancel();
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _ended.Dispose();
        }
    }
}

/// <summary>The SSE sessions this instance owns; removed as soon as their stream closes.</summary>
public sealed class SseSessions
{
    private readonly ConcurrentDictionary<string, SseSession> _sessions = new(StringComparer.Ordinal);

    public int Count => _sessions.Count;

    public void Add(SseSession session) => _sessions[session.Id] = session;

    public void Remove(string id) => _sessions.TryRemove(id, out _);

    public SseSession? Find(string id) => _sessions.GetValueOrDefault(id);

    /// <summary>Ends every stream of a revoked grant; the number ended.</summary>
    public int EndGrant(string grantId)
    {
        var ended = 0;
        foreach (var session in _sessions.Values)
        {
            if (session.GrantId == grantId)
            {
                session.End();
                ended++;
            }
        }
        return ended;
    }
}

/// <summary>What became of a POST for a session another instance may own.</summary>
public enum SseForwardResult { Delivered, NotFound, OtherCredential }

/// <summary>
/// Finds the instance that owns an SSE stream when several serve <c>/sse</c>, and ends the streams
/// of revoked grants wherever they are. The default knows only this instance; with Redis, see
/// <c>Scale/RedisSseRouter</c>.
/// </summary>
public interface ISseSessionRouter
{
    ValueTask OpenedAsync(SseSession session, CancellationToken ct);

    ValueTask ClosedAsync(SseSession session);

    /// <summary>Delivers a message to a session another instance owns, if it belongs to this caller's user and credential.</summary>
    ValueTask<SseForwardResult> ForwardAsync(string sessionId, McpCaller caller, JsonRpcMessage message, CancellationToken ct);

    /// <summary>Ends the streams of a revoked grant on every instance.</summary>
    ValueTask GrantRevokedAsync(string grantId);
}

public sealed class LocalSseSessionRouter(SseSessions sessions) : ISseSessionRouter
{
    public ValueTask OpenedAsync(SseSession session, CancellationToken ct) => ValueTask.CompletedTask;

    public ValueTask ClosedAsync(SseSession session) => ValueTask.CompletedTask;

    public ValueTask<SseForwardResult> ForwardAsync(string sessionId, McpCaller caller, JsonRpcMessage message, CancellationToken ct) =>
        ValueTask.FromResult(SseForwardResult.NotFound);

    public ValueTask GrantRevokedAsync(string grantId)
    {
        sessions.EndGrant(grantId);
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// Wraps the SSE response body so keep-alive comments can be written between events, never inside
/// one: a comment goes out only when the last bytes written ended an event.
/// </summary>
public sealed class KeepAliveSseStream(Stream inner) : WriteOnlyStream
{
    private static readonly byte[] Ping = ": ping\n\n"u8.ToArray();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte _last = (byte)'\n';
    private byte _beforeLast = (byte)'\n';

    private bool AtEventBoundary => _last == '\n' && _beforeLast == '\n';

    public async Task RunKeepAliveAsync(TimeSpan interval, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                await _gate.WaitAsync(ct);
                try
                {
                    if (AtEventBoundary)
                    {
                        await inner.WriteAsync(Ping, ct);
                        await inner.FlushAsync(ct);
                    }
                }
                finally
                {
                    _gate.Release();
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The client went away; the session ends with the request.
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await inner.WriteAsync(buffer, cancellationToken);
            var span = buffer.Span;
            if (span.Length >= 2)
            {
                (_beforeLast, _last) = (span[^2], span[^1]);
            }
            else if (span.Length == 1)
            {
                (_beforeLast, _last) = (_last, span[0]);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
}
