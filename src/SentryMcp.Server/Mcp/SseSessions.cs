using System.Collections.Concurrent;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace SentryMcp.Server.Mcp;

/// <summary>An open legacy-SSE session: its transport and the user who opened it.</summary>
public sealed record SseSession(string Id, string UserId, SseResponseStreamTransport Transport);

/// <summary>The SSE sessions this instance owns; removed as soon as their stream closes.</summary>
public sealed class SseSessions
{
    private readonly ConcurrentDictionary<string, SseSession> _sessions = new(StringComparer.Ordinal);

    public int Count => _sessions.Count;

    public void Add(SseSession session) => _sessions[session.Id] = session;

    public void Remove(string id) => _sessions.TryRemove(id, out _);

    public SseSession? Find(string id) => _sessions.GetValueOrDefault(id);
}

/// <summary>
/// Finds the instance that owns an SSE stream when several serve <c>/sse</c>. The default knows only
/// this instance; with Redis, see <c>Scale/RedisSseRouter</c>.
/// </summary>
public interface ISseSessionRouter
{
    ValueTask OpenedAsync(SseSession session, CancellationToken ct);

    ValueTask ClosedAsync(SseSession session);

    /// <summary>Delivers a message to a session another instance owns; false when none owns it for this user.</summary>
    ValueTask<bool> ForwardAsync(string sessionId, string userId, JsonRpcMessage message, CancellationToken ct);
}

public sealed class LocalSseSessionRouter : ISseSessionRouter
{
    public ValueTask OpenedAsync(SseSession session, CancellationToken ct) => ValueTask.CompletedTask;

    public ValueTask ClosedAsync(SseSession session) => ValueTask.CompletedTask;

    public ValueTask<bool> ForwardAsync(string sessionId, string userId, JsonRpcMessage message, CancellationToken ct) => ValueTask.FromResult(false);
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
