using System.Text.Json;
using Microsoft.Extensions.Options;
using SentryMcp.Server.Conversations;
using SentryMcp.Server.Scale;
using SentryMcp.TestDoubles;
using StackExchange.Redis;

namespace SentryMcp.Server.Tests.Scale;

/// <summary>
/// The turn lease in the cluster's Redis, with two stores on their own connections as two instances
/// have. The writer's instance "dies" by no longer renewing: the key's own PX expiry frees the
/// conversation, and the owner check keeps a late writer from touching the next turn's lease.
/// </summary>
[Trait("Category", "Scale")]
public sealed class RedisTurnLeaseTests(ScaleCluster cluster) : IClassFixture<ScaleCluster>, IAsyncLifetime
{
    // Short, so the expiry the test waits for comes soon; the waits themselves are generous.
    private static readonly ConversationOptions Settings = new() { TurnLeaseTtl = TimeSpan.FromSeconds(1), TurnLeaseRefresh = TimeSpan.FromMilliseconds(300) };
    private RedisConnection _a = null!;
    private RedisConnection _b = null!;

    public async Task InitializeAsync()
    {
        if (!ScaleCluster.IsRunning)
        {
            return;
        }
        _a = new RedisConnection(await ConnectionMultiplexer.ConnectAsync(RedisConnection.ParseUrl(cluster.RedisUrl)));
        _b = new RedisConnection(await ConnectionMultiplexer.ConnectAsync(RedisConnection.ParseUrl(cluster.RedisUrl)));
    }

    public Task DisposeAsync()
    {
        _a?.Dispose();
        _b?.Dispose();
        return Task.CompletedTask;
    }

    [ScaleFact]
    public async Task A_turn_no_longer_renewed_ends_its_follower_on_another_instance_with_TURN_LOST_and_frees_the_conversation()
    {
        var (a, b) = (new RedisLiveTurns(_a, Options.Create(Settings)), new RedisLiveTurns(_b, Options.Create(Settings)));
        var conversation = "lease-" + Guid.NewGuid().ToString("N");
        var writer = (await a.BeginAsync(conversation, "t1-" + conversation, [], CancellationToken.None))!;
        await writer.AppendAsync(UiChunks.Line(new { type = "text-delta", id = "0", delta = "So far" }));
        Assert.True(await writer.RenewAsync());
        Assert.Null(await b.BeginAsync(conversation, "t2-" + conversation, [], CancellationToken.None));
        var reader = (await b.OpenAsync(conversation, null, CancellationToken.None))!;

        var lines = new List<string>();
        using var deadline = new CancellationTokenSource(Eventually.DefaultDeadline);
        await foreach (var line in reader.ReadAsync(0, deadline.Token))
        {
            lines.Add(line);
        }

        Assert.Equal(4, lines.Count);
        Assert.Contains("So far", lines[0]);
        Assert.Equal(TurnLost.Text, Chunk(lines[1]).GetProperty("errorText").GetString());
        Assert.Equal("TURN_LOST", Chunk(lines[2]).GetProperty("messageMetadata").GetProperty("errorCode").GetString());
        Assert.Equal(UiChunks.DoneLine, lines[3]);
        Assert.Null(await b.RunningAsync(conversation, CancellationToken.None));
        var next = await b.BeginAsync(conversation, "t2-" + conversation, [], CancellationToken.None);
        Assert.NotNull(next);

        // The late writer cannot renew, and completing or dropping it leaves the new turn's lease alone.
        Assert.False(await writer.RenewAsync());
        await writer.CompleteAsync();
        await writer.DisposeAsync();
        Assert.Equal("t2-" + conversation, await a.RunningAsync(conversation, CancellationToken.None));
        Assert.True(await next.RenewAsync());
        await next.CompleteAsync();
        await next.DisposeAsync();
        Assert.Null(await a.RunningAsync(conversation, CancellationToken.None));
    }

    [ScaleFact]
    public async Task Renewing_keeps_the_lease_past_its_ttl()
    {
        var settings = new ConversationOptions { TurnLeaseTtl = TimeSpan.FromSeconds(5), TurnLeaseRefresh = TimeSpan.FromMilliseconds(250) };
        var a = new RedisLiveTurns(_a, Options.Create(settings));
        var conversation = "lease-" + Guid.NewGuid().ToString("N");
        await using var writer = (await a.BeginAsync(conversation, "t1-" + conversation, [], CancellationToken.None))!;
        using var lost = new CancellationTokenSource();
        using var stop = new CancellationTokenSource();
        var keeping = TurnLease.KeepAsync(writer, TimeProvider.System, settings.TurnLeaseRefresh, lost, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, stop.Token);
        var db = _b.Database;
        var key = $"{RedisConnection.KeyPrefix}turn:current:{conversation}";

        // Seen from the other connection: the remaining time goes back up, again and again (renewed, not just set once).
        var rises = 0;
        var last = TimeSpan.MaxValue;
        await Eventually.UntilAsync(async () =>
        {
            var left = await db.KeyTimeToLiveAsync(key) ?? TimeSpan.Zero;
            if (left > last)
            {
                rises++;
            }
            last = left;
            return rises >= 5;
        });

        Assert.False(lost.IsCancellationRequested);
        Assert.Equal("t1-" + conversation, await a.RunningAsync(conversation, CancellationToken.None));
        await stop.CancelAsync();
        await keeping;
    }

    private static JsonElement Chunk(string line) => JsonDocument.Parse(line["data: ".Length..].TrimEnd('\n')).RootElement;
}
