using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using ModelContextProtocol.Client;
using SentryMcp.Server.Tests.Chat;
using SentryMcp.TestDoubles;
using Xunit.Abstractions;

namespace SentryMcp.Server.Tests.Robustness;

/// <summary>The host with its sandbox and the scripted model, rate limits out of the way.</summary>
public sealed class SoakFixture : ChatFixture
{
    protected override IDictionary<string, string?> ChatSettings => new Dictionary<string, string?>(base.ChatSettings)
    {
        ["RateLimits:PerUserPerMinute"] = "1000000",
        ["RateLimits:PerIpPerMinute"] = "1000000",
        ["Chat:MessagesPerMinute"] = "1000000",
        // Every soak turn starts a conversation of its own: far more than one user keeps.
        ["Chat:MaxConversationsPerUser"] = "1000000",
    };
}

/// <summary>
/// A bounded loopback soak for <c>SOAK_SECONDS</c> (default 60): 16 MCP clients calling a mix of
/// tools on /mcp and /sse, and 4 signed-in chat users sending turns through the scripted model, every
/// other one with a tool call that runs through MCP. Reports counts, errors, p50/p99 latency, and
/// memory, threads and sockets over time; fails on errors or on growth that does not level off.
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

    /// <summary>Tools the scripted model calls in chat turns (read-only, so no approval stops the turn).</summary>
    private static readonly (string Tool, string Args, string Expect)[] ChatTools =
    [
        ("whoami", "{}", "Jane Doe"),
        ("find_projects", "{\"organizationSlug\":\"acme\"}", "api-backend"),
        ("get_issue_details", "{\"organizationSlug\":\"acme\",\"issueId\":\"API-BACKEND-1\"}", "API-BACKEND-1"),
    ];

    [RobustnessFact]
    public async Task Mixed_load_runs_without_errors_and_memory_levels_off()
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("SOAK_SECONDS"), out var s) ? Math.Clamp(s, 10, 1800) : 60;
        var clients = new List<McpClient>();
        for (var i = 0; i < 16; i++)
        {
            clients.Add(await server.ConnectAsync(i % 4 == 0 ? "sse" : "mcp", i % 4 == 0 ? HttpTransportMode.Sse : HttpTransportMode.StreamableHttp));
        }
        var browsers = new List<ChatBrowser>();
        for (var i = 0; i < 4; i++)
        {
            browsers.Add(await server.SignedInAsync());
        }
        server.Llm.Clear();
        server.Llm.Respond(ScriptedModel);
        var latencies = new List<double>();
        var errors = 0;
        var turnLatencies = new List<double>();
        var turnErrors = new List<string>();
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
        var chatters = browsers.Select((browser, index) => Task.Run(async () =>
        {
            for (var n = index; !stop.IsCancellationRequested; n++)
            {
                // Every other turn asks for a tool; the model's rule picks which from the text.
                var (tool, _, expect) = ChatTools[n / 2 % ChatTools.Length];
                var text = n % 2 == 0 ? $"[tool:{tool}] please look this up" : "Just answer in words.";
                var started = Stopwatch.GetTimestamp();
                var failure = await ChatTurnAsync(browser, text, n % 2 == 0 ? expect : null);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                lock (turnLatencies)
                {
                    turnLatencies.Add(elapsed);
                    if (failure is not null)
                    {
                        turnErrors.Add(failure);
                    }
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
        await Task.WhenAll(chatters);
        await sampler;
        samples.Add(Sample((int)clock.Elapsed.TotalSeconds));
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
        browsers.ForEach(b => b.Dispose());

        latencies.Sort();
        turnLatencies.Sort();
        var p50 = latencies[latencies.Count / 2];
        var p99 = latencies[(int)(latencies.Count * 0.99)];
        output.WriteLine($"{seconds} s, {latencies.Count} MCP calls ({latencies.Count / (double)seconds:0} /s), errors {errors}, p50 {p50:0.0} ms, p99 {p99:0.0} ms");
        output.WriteLine($"{turnLatencies.Count} chat turns ({turnLatencies.Count / (double)seconds:0.0} /s, half with a tool call), errors {turnErrors.Count}, " +
            $"p50 {turnLatencies[turnLatencies.Count / 2]:0.0} ms, p99 {turnLatencies[(int)(turnLatencies.Count * 0.99)]:0.0} ms");
        output.WriteLine("second  RSS MB  heap MB  threads  sockets");
        foreach (var (second, rss, heap, threads, sockets) in samples)
        {
            output.WriteLine($"{second,6}  {rss,6}  {heap,7}  {threads,7}  {sockets,7}");
        }
        Assert.Equal(0, errors);
        Assert.True(turnErrors.Count == 0, $"{turnErrors.Count} chat turns failed:\n" + string.Join("\n", turnErrors.Take(10)));
        Assert.True(latencies.Count > seconds * 10, $"only {latencies.Count} calls in {seconds} s");
        Assert.True(turnLatencies.Count > seconds, $"only {turnLatencies.Count} chat turns in {seconds} s");
        // After warm-up (the first third), the live heap and sockets must level off. RSS is reported but
        // not judged: the GC keeps memory it has committed while the machine has plenty.
        var warm = samples[samples.Count / 3];
        var end = samples[^1];
        Assert.True(end.HeapMb - warm.HeapMb < 40, $"the live heap grew from {warm.HeapMb} MB to {end.HeapMb} MB after warm-up");
        Assert.True(end.Sockets - warm.Sockets < 40, $"sockets grew from {warm.Sockets} to {end.Sockets} after warm-up");
    }

    /// <summary>
    /// The model's rule, from the request alone so concurrent turns each get the right answer: after a
    /// tool result, words; for a "[tool:name]" message, a call to that tool; otherwise words.
    /// </summary>
    private static ScriptedReply ScriptedModel(JsonObject request)
    {
        var last = request["messages"]!.AsArray()[^1]!;
        if (last["role"]!.GetValue<string>() == "tool")
        {
            return new ScriptedReply("The tool answered; here is what it found, in a few words.");
        }
        var text = last["content"]!.ToJsonString();
        var asked = ChatTools.FirstOrDefault(t => text.Contains($"[tool:{t.Tool}]", StringComparison.Ordinal));
        return asked.Tool is null
            ? new ScriptedReply("A plain answer, streamed in a few chunks.")
            : new ScriptedReply(null) { ToolCalls = [new ScriptedToolCall("call_" + Guid.NewGuid().ToString("N")[..12], asked.Tool, asked.Args)] };
    }

    /// <summary>One chat turn; what went wrong, or null.</summary>
    private static async Task<string?> ChatTurnAsync(ChatBrowser browser, string text, string? toolExpect)
    {
        var result = await browser.ChatAsync(ChatTestData.Body(ChatTestData.User(text)));
        if (result.Response.StatusCode != HttpStatusCode.OK || !result.Done || result.Types.LastOrDefault() != "finish")
        {
            return $"{(int)result.Response.StatusCode}: {result.Raw[..Math.Min(300, result.Raw.Length)]}";
        }
        if (toolExpect is not null && !(result.Types.Contains("tool-output-available") && result.Single("tool-output-available").GetRawText().Contains(toolExpect, StringComparison.Ordinal)))
        {
            return "the tool did not run: " + string.Join(",", result.Types);
        }
        return result.Text.Length == 0 ? "no answer text" : null;
    }

    private static (int, long, long, int, int) Sample(int second)
    {
        var heap = ProcessCounters.HeapMbAfterFullCollection();
        var (rss, threads, sockets) = ProcessCounters.Read();
        return (second, rss, heap, threads, sockets);
    }
}
