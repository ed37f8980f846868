using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SentryMcp.Server.Conversations;
using SentryMcp.TestDoubles;

namespace SentryMcp.Server.Tests.Conversations;

/// <summary>
/// The lease of a running turn in the single-instance store, on a clock the test moves: the test is the
/// turn's writer, so a writer that stops renewing is exactly what a dead instance looks like to the store.
/// </summary>
public sealed class TurnLeaseTests
{
    private static readonly ConversationOptions Settings = new();
    private readonly CountingClock _clock = new();
    private readonly InMemoryLiveTurns _turns;

    public TurnLeaseTests() => _turns = new InMemoryLiveTurns(_clock, Options.Create(Settings));

    [Fact]
    public async Task A_follower_of_a_turn_whose_lease_ran_out_ends_its_open_text_then_the_TURN_LOST_error_part_then_finish()
    {
        var writer = (await _turns.BeginAsync("c1", "t1", [], CancellationToken.None))!;
        await writer.AppendAsync(UiChunks.Line(new { type = "start", messageId = "m1" }));
        await writer.AppendAsync(UiChunks.Line(new { type = "text-start", id = "0" }));
        await writer.AppendAsync(UiChunks.Line(new { type = "text-delta", id = "0", delta = "So far" }));
        var reader = (await _turns.OpenAsync("c1", "t1", CancellationToken.None))!;
        var lines = new List<string>();
        var reading = ReadAllAsync(reader, lines);
        // Both lines read, and the reader asleep until the lease's end (its timer on the clock).
        await Eventually.UntilAsync(() => Count(lines) == 3 && _clock.Timers == 1);

        var refusedWhileHeld = await _turns.BeginAsync("c1", "t2", [], CancellationToken.None);
        _clock.Advance(Settings.TurnLeaseTtl);
        await reading.WaitAsync(Eventually.DefaultDeadline);

        Assert.Null(refusedWhileHeld);
        var chunks = lines.Skip(3).ToList();
        Assert.Equal(4, chunks.Count);
        // The open text part ends, so the tab shows it finished (as the stored copy has it).
        var textEnd = Chunk(chunks[0]);
        Assert.Equal("text-end", textEnd.GetProperty("type").GetString());
        Assert.Equal("0", textEnd.GetProperty("id").GetString());
        chunks.RemoveAt(0);
        var error = Chunk(chunks[0]);
        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal(TurnLost.Text, error.GetProperty("errorText").GetString());
        var finish = Chunk(chunks[1]);
        Assert.Equal("finish", finish.GetProperty("type").GetString());
        Assert.Equal("TURN_LOST", finish.GetProperty("messageMetadata").GetProperty("errorCode").GetString());
        Assert.True(finish.GetProperty("messageMetadata").GetProperty("interrupted").GetBoolean());
        Assert.Equal(UiChunks.DoneLine, chunks[2]);
        Assert.False(await writer.RenewAsync());
    }

    [Fact]
    public async Task After_the_lease_ran_out_the_conversation_is_free_and_a_new_turn_begins()
    {
        await _turns.BeginAsync("c1", "t1", [], CancellationToken.None);
        _clock.Advance(Settings.TurnLeaseTtl - TimeSpan.FromMilliseconds(1));
        Assert.Equal("t1", await _turns.RunningAsync("c1", CancellationToken.None));
        Assert.Null(await _turns.BeginAsync("c1", "t2", [], CancellationToken.None));

        _clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Null(await _turns.RunningAsync("c1", CancellationToken.None));
        Assert.Null(await _turns.OpenAsync("c1", null, CancellationToken.None));
        Assert.False(await _turns.StopAsync("c1", CancellationToken.None));
        var next = await _turns.BeginAsync("c1", "t2", [], CancellationToken.None);
        Assert.NotNull(next);
        Assert.Equal("t2", await _turns.RunningAsync("c1", CancellationToken.None));
    }

    [Fact]
    public async Task Renewing_every_refresh_keeps_a_slow_turn_running_well_past_the_ttl()
    {
        var writer = new CountingWriter((await _turns.BeginAsync("c1", "t1", [], CancellationToken.None))!);
        using var lost = new CancellationTokenSource();
        using var stop = new CancellationTokenSource();
        var keeping = TurnLease.KeepAsync(writer, _clock, Settings.TurnLeaseRefresh, lost, NullLogger.Instance, stop.Token);

        // Five refreshes: 15 s of a 10 s lease. Each step waits until the keeper sleeps on the clock again.
        for (var i = 1; i <= 5; i++)
        {
            await Eventually.UntilAsync(() => _clock.Timers == i);
            _clock.Advance(Settings.TurnLeaseRefresh);
            await Eventually.UntilAsync(() => writer.Renewals == i);
        }

        Assert.Equal("t1", await _turns.RunningAsync("c1", CancellationToken.None));
        Assert.Null(await _turns.BeginAsync("c1", "t2", [], CancellationToken.None));
        Assert.False(lost.IsCancellationRequested);
        await stop.CancelAsync();
        await keeping;

        // Without the keeper the same lease runs out.
        _clock.Advance(Settings.TurnLeaseTtl);
        Assert.Null(await _turns.RunningAsync("c1", CancellationToken.None));
    }

    [Fact]
    public async Task A_writer_that_finds_its_lease_gone_is_told_to_stop()
    {
        var writer = new CountingWriter((await _turns.BeginAsync("c1", "t1", [], CancellationToken.None))!);
        using var lost = new CancellationTokenSource();
        _clock.Advance(Settings.TurnLeaseTtl);

        // A stalled instance wakes after its lease ran out: its next renewal fails and the turn stops.
        var keeping = TurnLease.KeepAsync(writer, _clock, Settings.TurnLeaseRefresh, lost, NullLogger.Instance, CancellationToken.None);
        await Eventually.UntilAsync(() => _clock.Timers == 1);
        _clock.Advance(Settings.TurnLeaseRefresh);
        await keeping.WaitAsync(Eventually.DefaultDeadline);

        Assert.True(lost.IsCancellationRequested);
        Assert.Equal(1, writer.Renewals);
    }

    [Fact]
    public async Task A_completed_turn_ends_its_follower_without_an_error_even_after_the_ttl()
    {
        var writer = (await _turns.BeginAsync("c1", "t1", [], CancellationToken.None))!;
        var reader = (await _turns.OpenAsync("c1", "t1", CancellationToken.None))!;
        var lines = new List<string>();
        var reading = ReadAllAsync(reader, lines);
        await writer.AppendAsync(UiChunks.Line(new { type = "finish" }));
        await writer.AppendAsync(UiChunks.DoneLine);
        await writer.CompleteAsync();
        _clock.Advance(Settings.TurnLeaseTtl);

        await reading.WaitAsync(Eventually.DefaultDeadline);

        Assert.Equal([UiChunks.Line(new { type = "finish" }), UiChunks.DoneLine], lines);
    }

    private static async Task ReadAllAsync(ITurnReader reader, List<string> lines)
    {
        await foreach (var line in reader.ReadAsync(0, CancellationToken.None))
        {
            lock (lines)
            {
                lines.Add(line);
            }
        }
    }

    [Fact]
    public void A_lost_turn_ends_only_the_parts_still_open_in_the_order_they_started()
    {
        var open = new OpenParts();
        open.Observe(UiChunks.Line(new { type = "reasoning-start", id = "r0" }));
        open.Observe(UiChunks.Line(new { type = "text-start", id = "0" }));
        open.Observe(UiChunks.Line(new { type = "text-delta", id = "0", delta = "text-end\" lookalike" }));
        open.Observe(UiChunks.Line(new { type = "text-end", id = "0" }));
        open.Observe(UiChunks.Line(new { type = "text-start", id = "1" }));

        var ending = TurnLost.Lines(open).Select(line => line == UiChunks.DoneLine ? "[DONE]" : Chunk(line).GetProperty("type").GetString() + " " + (Chunk(line).TryGetProperty("id", out var id) ? id.GetString() : "")).ToList();

        Assert.Equal(["reasoning-end r0", "text-end 1", "error ", "finish ", "[DONE]"], ending);
    }

    private static int Count(List<string> lines)
    {
        lock (lines)
        {
            return lines.Count;
        }
    }

    private static JsonElement Chunk(string line) => JsonDocument.Parse(line["data: ".Length..].TrimEnd('\n')).RootElement;

    /// <summary>A fake clock that counts the timers created on it (each Task.Delay is one), so a step waits for a sleeper.</summary>
    private sealed class CountingClock : FakeTimeProvider
    {
        private int _timers;

        public int Timers => Volatile.Read(ref _timers);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Interlocked.Increment(ref _timers);
            return base.CreateTimer(callback, state, dueTime, period);
        }
    }

    /// <summary>The store's own writer, with its renewals counted.</summary>
    private sealed class CountingWriter(ITurnWriter inner) : ITurnWriter
    {
        private int _renewals;

        public int Renewals => Volatile.Read(ref _renewals);

        public string TurnId => inner.TurnId;

        public int ReplayPrefix => inner.ReplayPrefix;

        public CancellationToken StopRequested => inner.StopRequested;

        public Task AppendAsync(string line) => inner.AppendAsync(line);

        public async Task<bool> RenewAsync()
        {
            var renewed = await inner.RenewAsync();
            Interlocked.Increment(ref _renewals);
            return renewed;
        }

        public Task CompleteAsync() => inner.CompleteAsync();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
