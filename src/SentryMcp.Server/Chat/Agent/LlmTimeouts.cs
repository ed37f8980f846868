using System.ClientModel;
using System.Globalization;
using SentryMcp.Server.Chat.Config;

namespace SentryMcp.Server.Chat.Agent;

/// <summary>
/// Bounds one model call: the whole call (<see cref="ChatApiOptions.LlmTimeout"/>) and every wait for
/// the next chunk, the first one included (<see cref="ChatApiOptions.LlmIdleTimeout"/>). The idle
/// clock is paused while a chunk is passed on to the browser: a slow reader is not a silent model.
/// </summary>
public sealed class LlmTimeouts : IDisposable
{
    private readonly ChatApiOptions _options;
    private readonly CancellationToken _requestAborted;
    private readonly CancellationTokenSource _total;
    private readonly CancellationTokenSource _idle;
    private bool _received;

    public LlmTimeouts(ChatApiOptions options, CancellationToken requestAborted)
    {
        _options = options;
        _requestAborted = requestAborted;
        _total = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        _total.CancelAfter(options.LlmTimeout);
        _idle = CancellationTokenSource.CreateLinkedTokenSource(_total.Token);
        _idle.CancelAfter(options.LlmIdleTimeout);
    }

    /// <summary>The token for the model call.</summary>
    public CancellationToken Token => _idle.Token;

    /// <summary>True when a bound ran out (rather than the browser going away): whatever the call threw is a timeout.</summary>
    public bool Expired => _idle.IsCancellationRequested && !_requestAborted.IsCancellationRequested;

    public void ChunkArrived()
    {
        _received = true;
        _idle.CancelAfter(Timeout.InfiniteTimeSpan);
    }

    public void AwaitingNext() => _idle.CancelAfter(_options.LlmIdleTimeout);

    public LlmTimeoutException ToException() => new(
        _total.IsCancellationRequested
            ? $"The language model did not finish its answer within {Format(_options.LlmTimeout)}. Try again, or ask for a shorter answer."
            : _received
                ? $"The language model stopped sending its answer for {Format(_options.LlmIdleTimeout)}. Try again."
                : $"The language model did not start answering within {Format(_options.LlmIdleTimeout)}. Try again.");

    /// <summary>A model's 429 wait (<c>retry-after-ms</c>, or <c>Retry-After</c> in seconds or as a date), when it gave a sensible one.</summary>
    public static TimeSpan? RetryAfter(ClientResultException error)
    {
        var headers = error.GetRawResponse()?.Headers;
        TimeSpan? wait = null;
        if (headers is null)
        {
            return null;
        }
        if (headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis))
        {
            wait = TimeSpan.FromMilliseconds(millis);
        }
        else if (headers.TryGetValue("Retry-After", out var value))
        {
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                wait = TimeSpan.FromSeconds(seconds);
            }
            else if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                wait = at - DateTimeOffset.UtcNow;
            }
        }
        return wait > TimeSpan.Zero && wait <= TimeSpan.FromDays(1) ? wait : null;
    }

    /// <summary>"45 s" or "3 min".</summary>
    public static string Format(TimeSpan span) => span < TimeSpan.FromMinutes(2)
        ? Math.Max(1, (int)Math.Ceiling(span.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + " s"
        : ((int)Math.Round(span.TotalMinutes)).ToString(CultureInfo.InvariantCulture) + " min";

    public void Dispose()
    {
        _idle.Dispose();
        _total.Dispose();
    }
}

/// <summary>The model call ran out of time; the message says which bound, for the user.</summary>
public sealed class LlmTimeoutException(string message) : Exception(message);
