using System.Diagnostics;
using ModelContextProtocol.Client;
using Xunit.Abstractions;

namespace SentryMcp.Server.Tests.Robustness;

public sealed class SoakFixture : ServerFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:PerUserPerMinute"] = "1000000",
        ["RateLimits:PerIpPerMinute"] = "1000000",
    };
}

/// <summary>
/// A bounded loopback soak: 16 MCP clients calling a mix of tools on /mcp and /sse for
/// <c>SOAK_SECONDS</c> (default 60). Reports error rate, p50/p99 latency, and memory, threads and
/// sockets over time; fails on errors or on growth that does not level off.
/// </summary>
[Collection(ResourceMeasurements.Name)]
public sealed class SoakTests(SoakFixture server, ITestOutputHelper output) : IClassFixture<SoakFixture>
{
    private static readonly (string Tool, Dictionary<string, object?> Args)[] Mix =
    [
        ("whoami", []),
        ("find_projects", new() { ["organizationSlug"] = "acme" }),
        ("search_issues", new() { ["organizationSlug"] = "acme", ["query"] = "is:unresolved" }),
        ("get_issue_details", new() { ["organizationSlug"] = "acme", ["issueId"] = "API-BACKEND-1" }),
        ("get_trace_details", new() { ["organizationSlug"] = "acme", ["traceId"] = "4bf92f3577b34da6a3ce929d0e0e4736" }),
        ("search_events", new() { ["organizationSlug"] = "acme", ["query"] = "level:error", ["period"] = "90d" }),
    ];

    [Fact]
    public async Task Mixed_load_runs_without_errors_and_memory_levels_off()
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("SOAK_SECONDS"), out var s) ? Math.Clamp(s, 10, 1800) : 60;
        var clients = new List<McpClient>();
        for (var i = 0; i < 16; i++)
        {
            clients.Add(await server.ConnectAsync(i % 4 == 0 ? "sse" : "mcp", i % 4 == 0 ? HttpTransportMode.Sse : HttpTransportMode.StreamableHttp));
        }
        var latencies = new List<double>();
        var errors = 0;
        var samples = new List<(int Second, long RssMb, long HeapMb, int Threads, int Sockets)>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var clock = Stopwatch.StartNew();

        var workers = clients.Select((client, index) => Task.Run(async () =>
        {
            var n = index;
            while (!stop.IsCancellationRequested)
            {
                var (tool, args) = Mix[n++ % Mix.Length];
                var started = Stopwatch.GetTimestamp();
                var result = await client.CallToolAsync(tool, args);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                lock (latencies)
                {
                    latencies.Add(elapsed);
                    errors += result.IsError == true ? 1 : 0;
                }
            }
        })).ToList();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                samples.Add(Sample((int)clock.Elapsed.TotalSeconds));
                await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, seconds / 12)));
            }
        });
        await Task.WhenAll(workers);
        await sampler;
        samples.Add(Sample((int)clock.Elapsed.TotalSeconds));
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }

        latencies.Sort();
        var p50 = latencies[latencies.Count / 2];
        var p99 = latencies[(int)(latencies.Count * 0.99)];
        output.WriteLine($"{seconds} s, {latencies.Count} calls ({latencies.Count / (double)seconds:0} /s), errors {errors}, p50 {p50:0.0} ms, p99 {p99:0.0} ms");
        output.WriteLine("second  RSS MB  heap MB  threads  sockets");
        foreach (var (second, rss, heap, threads, sockets) in samples)
        {
            output.WriteLine($"{second,6}  {rss,6}  {heap,7}  {threads,7}  {sockets,7}");
        }
        Assert.Equal(0, errors);
        Assert.True(latencies.Count > seconds * 10, $"only {latencies.Count} calls in {seconds} s");
        // After warm-up (the first third), the live heap and sockets must level off. RSS is reported but
        // not judged: the GC keeps memory it has committed while the machine has plenty.
        var warm = samples[samples.Count / 3];
        var end = samples[^1];
        Assert.True(end.HeapMb - warm.HeapMb < 40, $"the live heap grew from {warm.HeapMb} MB to {end.HeapMb} MB after warm-up");
        Assert.True(end.Sockets - warm.Sockets < 40, $"sockets grew from {warm.Sockets} to {end.Sockets} after warm-up");
    }

    private static (int, long, long, int, int) Sample(int second)
    {
        var heap = ProcessCounters.HeapMbAfterFullCollection();
        var (rss, threads, sockets) = ProcessCounters.Read();
        return (second, rss, heap, threads, sockets);
    }
}
