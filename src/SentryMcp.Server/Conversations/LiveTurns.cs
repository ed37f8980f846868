using System.Collections.Concurrent;
using SentryMcp.Server.Chat.Agent;

namespace SentryMcp.Server.Conversations;

/// <summary>
/// The answers being written right now, one per conversation at most, as the SSE lines of the UI
/// message stream: the POST that started a turn and any tab that resumes it read the same lines,
/// while the turn runs on without them. A turn's first <see cref="ITurnWriter.ReplayPrefix"/> lines
/// rebuild the message it continues and are only for resumed tabs (the POSTing tab has that message).
/// In memory on one instance; through Redis when instances share the work (<see cref="Scale.RedisLiveTurns"/>).
/// A running turn holds a lease (<c>Chat:TurnLeaseTtl</c>) its writer renews: when the writer's instance
/// dies the lease runs out, its readers end with <see cref="TurnLost"/>'s lines and the conversation is free again.
/// </summary>
public interface ILiveTurns
{
    /// <summary>Registers a new turn; null when one is already running (its lease held) for the conversation.</summary>
    Task<ITurnWriter?> BeginAsync(string conversationId, string turnId, IReadOnlyList<string> replayPrefix, CancellationToken ct);

    /// <summary>
    /// The running turn of the conversation (<paramref name="turnId"/> null), or the named turn while
    /// it runs or shortly after it finished; null when there is none.
    /// </summary>
    Task<ITurnReader?> OpenAsync(string conversationId, string? turnId, CancellationToken ct);

    /// <summary>The id of the running turn, if any.</summary>
    Task<string?> RunningAsync(string conversationId, CancellationToken ct);

    /// <summary>Asks the running turn to stop (wherever it runs); false when none runs.</summary>
    Task<bool> StopAsync(string conversationId, CancellationToken ct);
}

/// <summary>The running side of a turn.</summary>
public interface ITurnWriter : IAsyncDisposable
{
    string TurnId { get; }

    int ReplayPrefix { get; }

    /// <summary>Cancelled when someone asked the turn to stop.</summary>
    CancellationToken StopRequested { get; }

    Task AppendAsync(string line);

    /// <summary>Extends the turn's lease by <c>Chat:TurnLeaseTtl</c>; false when it ran out already (the turn is lost).</summary>
    Task<bool> RenewAsync();

    /// <summary>The turn is over (its last line written); readers drain and end.</summary>
    Task CompleteAsync();
}

/// <summary>One reader of a turn's lines.</summary>
public interface ITurnReader
{
    int ReplayPrefix { get; }

    /// <summary>
    /// The lines from <paramref name="from"/> on, as they come, until the turn completes; when its lease
    /// runs out first, <see cref="TurnLost.Lines"/> end them.
    /// </summary>
    IAsyncEnumerable<string> ReadAsync(int from, CancellationToken ct);
}

/// <summary>The single-instance <see cref="ILiveTurns"/>.</summary>
public sealed class InMemoryLiveTurns(TimeProvider clock, Microsoft.Extensions.Options.IOptions<ConversationOptions> options) : ILiveTurns
{
    private TimeProvider Clock => clock;

    private readonly ConcurrentDictionary<string, Turn> _turns = new(StringComparer.Ordinal);

    private DateTimeOffset Now => clock.GetUtcNow();

    private TimeSpan LeaseTtl => options.Value.TurnLeaseTtl;

    public Task<ITurnWriter?> BeginAsync(string conversationId, string turnId, IReadOnlyList<string> replayPrefix, CancellationToken ct)
    {
        var turn = new Turn(this, conversationId, turnId, replayPrefix);
        while (true)
        {
            if (_turns.TryAdd(conversationId, turn))
            {
                return Task.FromResult<ITurnWriter?>(turn);
            }
            if (_turns.TryGetValue(conversationId, out var existing))
            {
                if (existing.IsRunning)
                {
                    return Task.FromResult<ITurnWriter?>(null);
                }
                // Finished, or lost (its lease ran out): the new turn takes its place.
                _turns.TryRemove(KeyValuePair.Create(conversationId, existing));
            }
        }
    }

    public Task<ITurnReader?> OpenAsync(string conversationId, string? turnId, CancellationToken ct)
    {
        if (!_turns.TryGetValue(conversationId, out var turn))
        {
            return Task.FromResult<ITurnReader?>(null);
        }
        if (turn.IsFinished && (turnId is null || turn.TurnId != turnId || clock.GetUtcNow() - turn.FinishedAt > options.Value.FinishedTurnGrace))
        {
            if (clock.GetUtcNow() - turn.FinishedAt > options.Value.FinishedTurnGrace)
            {
                _turns.TryRemove(KeyValuePair.Create(conversationId, turn));
            }
            return Task.FromResult<ITurnReader?>(null);
        }
        // A lost turn is no longer the running one; by its id it still replays, then ends as lost.
        if (turnId is null && !turn.IsRunning)
        {
            return Task.FromResult<ITurnReader?>(null);
        }
        return Task.FromResult<ITurnReader?>(turnId is null || turn.TurnId == turnId ? turn : null);
    }

    public Task<string?> RunningAsync(string conversationId, CancellationToken ct) =>
        Task.FromResult(_turns.TryGetValue(conversationId, out var turn) && turn.IsRunning ? turn.TurnId : null);

    public Task<bool> StopAsync(string conversationId, CancellationToken ct)
    {
        if (_turns.TryGetValue(conversationId, out var turn) && turn.IsRunning)
        {
            turn.Stop.Cancel();
            return Task.FromResult(true);
        }
        return Task.FromResult(false);
    }

    private sealed class Turn(InMemoryLiveTurns owner, string conversationId, string turnId, IReadOnlyList<string> prefix) : ITurnWriter, ITurnReader
    {
        private readonly List<string> _lines = [.. prefix];
        private readonly object _gate = new();
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string TurnId => turnId;

        public int ReplayPrefix { get; } = prefix.Count;

        public CancellationTokenSource Stop { get; } = new();

        public CancellationToken StopRequested => Stop.Token;

        public bool IsFinished { get; private set; }

        private DateTimeOffset _leaseUntil = owner.Now + owner.LeaseTtl;

        private bool IsLost => !IsFinished && owner.Now >= _leaseUntil;

        /// <summary>Not finished, and its lease is held.</summary>
        public bool IsRunning
        {
            get
            {
                lock (_gate)
                {
                    return !IsFinished && !IsLost;
                }
            }
        }

        public Task<bool> RenewAsync()
        {
            lock (_gate)
            {
                if (IsFinished || IsLost)
                {
                    return Task.FromResult(false);
                }
                _leaseUntil = owner.Now + owner.LeaseTtl;
                return Task.FromResult(true);
            }
        }

        public DateTimeOffset FinishedAt { get; private set; }

        public Task AppendAsync(string line)
        {
            TaskCompletionSource changed;
            lock (_gate)
            {
                _lines.Add(line);
                changed = _changed;
                _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            changed.TrySetResult();
            return Task.CompletedTask;
        }

        public Task CompleteAsync()
        {
            TaskCompletionSource changed;
            lock (_gate)
            {
                IsFinished = true;
                FinishedAt = owner.Now;
                changed = _changed;
            }
            changed.TrySetResult();
            return Task.CompletedTask;
        }

        public async IAsyncEnumerable<string> ReadAsync(int from, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
        {
            var next = from;
            var open = new OpenParts();
            while (true)
            {
                string[] batch;
                Task wait;
                bool over, lost;
                TimeSpan leaseLeft;
                lock (_gate)
                {
                    batch = next < _lines.Count ? [.. _lines.Skip(next)] : [];
                    wait = _changed.Task;
                    over = batch.Length == 0 && IsFinished;
                    lost = batch.Length == 0 && IsLost;
                    leaseLeft = _leaseUntil - owner.Now;
                }
                if (over)
                {
                    yield break;
                }
                if (lost)
                {
                    foreach (var line in TurnLost.Lines(open))
                    {
                        yield return line;
                    }
                    yield break;
                }
                next += batch.Length;
                foreach (var line in batch)
                {
                    open.Observe(line);
                    yield return line;
                }
                if (batch.Length == 0)
                {
                    // Woken by the next line, or when the lease would run out (renewed meanwhile: wait again).
                    using var wake = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    var leaseEnd = Task.Delay(leaseLeft > TimeSpan.Zero ? leaseLeft : TimeSpan.Zero, owner.Clock, wake.Token);
                    await Task.WhenAny(wait, leaseEnd);
                    await wake.CancelAsync();
                    ct.ThrowIfCancellationRequested();
                }
            }
        }

        public ValueTask DisposeAsync()
        {
            if (!IsFinished)
            {
                // Abandoned before it ran (a check failed): forget it at once.
                owner._turns.TryRemove(KeyValuePair.Create(conversationId, this));
            }
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>How a followed turn ends when its lease ran out before it completed: the server writing it stopped.</summary>
public static class TurnLost
{
    public const string Text = "The server that was writing this answer stopped before it finished. The answer so far is kept; ask again to continue.";

    /// <summary>
    /// The end of a lost turn for a reader that saw <paramref name="open"/>'s parts start: their end chunks (so the
    /// tab shows them finished, as the stored copy has them), an error part, a finish chunk marking the message
    /// interrupted (with the code), and the stream's end.
    /// </summary>
    public static IEnumerable<string> Lines(OpenParts open)
    {
        foreach (var (type, id) in open.Open)
        {
            yield return UiChunks.Line(new TextChunk(type + "-end", id));
        }
        yield return UiChunks.Line(new ErrorChunk(Text));
        yield return UiChunks.Line(new InterruptedFinishChunk("error", Interrupted));
        yield return UiChunks.DoneLine;
    }

    private static readonly InterruptedMetadata Interrupted = new(true, Http.ErrorCodes.TurnLost);
}

/// <summary>The metadata of an answer that ended without its finish: interrupted, and why.</summary>
public sealed record InterruptedMetadata(bool Interrupted, string ErrorCode);

/// <summary>The finish chunk a reader writes for a turn that cannot finish itself.</summary>
public sealed record InterruptedFinishChunk(string FinishReason, InterruptedMetadata MessageMetadata)
{
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)]
    public string Type => "finish";
}

/// <summary>The text and reasoning parts a reader has seen start and not end, in order.</summary>
public sealed class OpenParts
{
    private readonly List<(string Type, string Id)> _open = [];

    public IReadOnlyList<(string Type, string Id)> Open => _open;

    /// <summary>Notes a line the reader passed on (only start and end chunks are parsed).</summary>
    public void Observe(string line)
    {
        if (!line.Contains("-start\"", StringComparison.Ordinal) && !line.Contains("-end\"", StringComparison.Ordinal))
        {
            return;
        }
        if (UiChunks.Parse(line) is not { } chunk || chunk["type"]?.GetValue<string>() is not { } type || chunk["id"]?.GetValue<string>() is not { } id)
        {
            return;
        }
        switch (type)
        {
            case "text-start":
            case "reasoning-start":
                _open.Add((type[..^"-start".Length], id));
                break;
            case "text-end":
            case "reasoning-end":
                _open.Remove((type[..^"-end".Length], id));
                break;
        }
    }
}
