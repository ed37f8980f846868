using System.Collections.Concurrent;
using System.Diagnostics;

namespace SentryMcp.Core.Completion;

/// <summary>
/// Candidate values fetched from Sentry for completion, per caller credential and list (e.g. the
/// projects of one organization), kept for a short time: a client completes as the user types, and
/// each keystroke must not cost a Sentry request. Bounded; the oldest entries go first.
/// </summary>
public sealed class CompletionCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private const int MaxEntries = 4096;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private sealed record Entry(Task<IReadOnlyList<string>> Values, long Created);

    /// <summary>
    /// The cached list for <paramref name="key"/>, or <paramref name="load"/>'s. Concurrent callers
    /// share one load; a failed or cancelled load is not kept.
    /// </summary>
    public async Task<IReadOnlyList<string>> GetAsync(string key, Func<CancellationToken, Task<IReadOnlyList<string>>> load, CancellationToken ct)
    {
        if (_entries.TryGetValue(key, out var existing) && Stopwatch.GetElapsedTime(existing.Created) < Lifetime && !existing.Values.IsFaulted && !existing.Values.IsCanceled)
        {
            try
            {
                return await existing.Values.WaitAsync(ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // The caller that started the shared load cancelled it; this one still wants the list.
                _entries.TryRemove(new KeyValuePair<string, Entry>(key, existing));
            }
        }
        if (_entries.Count >= MaxEntries)
        {
            Trim();
        }
        var entry = new Entry(load(ct), Stopwatch.GetTimestamp());
        _entries[key] = entry;
        try
        {
            return await entry.Values.ConfigureAwait(false);
        }
        catch
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            throw;
        }
    }

    private void Trim()
    {
        foreach (var (key, entry) in _entries)
        {
            if (Stopwatch.GetElapsedTime(entry.Created) >= Lifetime)
            {
                _entries.TryRemove(key, out _);
            }
        }
        if (_entries.Count >= MaxEntries)
        {
            // Everything is fresh: many callers at once. Start over rather than grow.
            _entries.Clear();
        }
    }
}
