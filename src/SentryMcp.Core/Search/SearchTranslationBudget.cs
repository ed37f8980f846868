using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace SentryMcp.Core.Search;

/// <summary>
/// How many natural-language searches each user may have translated per minute, apart from the
/// tool and chat limits: every translation is a paid model call. Queries are at most
/// <see cref="Tools.ToolInputLimits.Text"/> characters, so the calls bound the characters too.
/// </summary>
public interface ISearchTranslationBudget
{
    /// <summary>Takes one translation for <paramref name="user"/>; returns the wait before retrying when none is left.</summary>
    ValueTask<TimeSpan?> TryTakeAsync(string user, CancellationToken ct);
}

/// <summary>
/// The in-process budget (stdio, one instance): each user's translation times in the last minute,
/// a sliding window. The HTTP server shares its budget across instances instead. Written without
/// System.Threading.RateLimiting, which the stdio host's runtime does not ship.
/// </summary>
public sealed class InMemorySearchTranslationBudget(IOptions<SearchTranslatorOptions> options, TimeProvider? clock = null) : ISearchTranslationBudget
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _taken = new(StringComparer.Ordinal);

    public ValueTask<TimeSpan?> TryTakeAsync(string user, CancellationToken ct)
    {
        var now = _clock.GetUtcNow();
        var times = _taken.GetOrAdd(user, _ => new Queue<DateTimeOffset>());
        lock (times)
        {
            while (times.Count > 0 && times.Peek() <= now - Window)
            {
                times.Dequeue();
            }
            if (times.Count >= options.Value.TranslationsPerUserPerMinute)
            {
                return ValueTask.FromResult<TimeSpan?>(times.Peek() + Window - now);
            }
            times.Enqueue(now);
        }
        if (_taken.Count > 10_000)
        {
            // Users who have not searched for a minute hold nothing worth keeping.
            foreach (var (key, queue) in _taken)
            {
                lock (queue)
                {
                    if (queue.Count == 0 || queue.Peek() <= now - Window)
                    {
                        _taken.TryRemove(key, out _);
                    }
                }
            }
        }
        return ValueTask.FromResult<TimeSpan?>(null);
    }
}
