using System.Diagnostics;
using System.Net;
using SentryMcp.Sandbox;
using SentryMcp.Server.Tests.Chat;
using SentryMcp.TestDoubles;
using Xunit.Abstractions;
using static SentryMcp.Server.Tests.Chat.ChatTestData;

namespace SentryMcp.Server.Tests.Robustness;

/// <summary>Short model bounds (2 s without a chunk, 6 s per call) and the Sentry client bounds of <see cref="FaultyUpstreamFixture"/>.</summary>
public sealed class ChatFaultFixture : ChatFixture
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(6);

    protected override IDictionary<string, string?> ChatSettings =>
        FaultyUpstreamFixture.With(base.ChatSettings, FaultyUpstreamFixture.QuickFailureSettings.Concat(new Dictionary<string, string?>
        {
            ["Chat:LlmIdleTimeout"] = IdleTimeout.ToString(),
            ["Chat:LlmTimeout"] = CallTimeout.ToString(),
        }));
}

/// <summary>
/// Chat turns while the model or Sentry misbehaves: a model that goes silent mid-answer, one that
/// trickles past the per-call bound, one that never sends its headers, 429 with Retry-After, 503
/// and a cut stream; and every sandbox fault during a tool call inside a turn. Each turn ends within
/// its bound with a clear error part (model) or a tool error the model answers (Sentry), the next
/// turn works, and threads and sockets do not leak.
/// </summary>
[Collection(ResourceMeasurements.Name)]
public sealed class ChatFaultTests(ChatFaultFixture fixture, ITestOutputHelper output) : SignedInChatTest<ChatFaultFixture>(fixture), IClassFixture<ChatFaultFixture>
{
    private const string Slow = "This answer arrives in small pieces, much too slowly to be useful.";

    private static readonly (string Name, Action<ScriptedLlmServer> Script, string[] Types, string Error, bool Abandoned)[] ModelFaults =
    [
        ("silent mid-answer", llm => llm.StallMidway(Slow, chunks: 2, TimeSpan.FromSeconds(30)),
            ["start", "start-step", "text-start", "text-delta", "text-delta", "text-end", "error"], "stopped sending its answer for 2 s", true),
        ("chunks past the call bound", llm => llm.Slow(Slow, TimeSpan.FromMilliseconds(700), chunkSize: 4),
            [], "did not finish its answer within 6 s", true),
        ("no headers", llm => llm.Stall(TimeSpan.FromSeconds(30)),
            ["start", "start-step", "error"], "did not start answering within 2 s", true),
        ("429 with Retry-After", llm => llm.Fail(429, retryAfter: "7"),
            ["start", "start-step", "error"], "rate-limited or out of quota. Try again in 7 s.", false),
        ("503", llm => llm.Fail(503),
            ["start", "start-step", "error"], "failed (HTTP 503)", false),
        ("cut", llm => llm.Cut(Slow, chunks: 2),
            ["start", "start-step", "text-start", "text-delta", "text-delta", "text-end", "error"], "cut off", false),
    ];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Server.SandboxHttp.DeleteAsync("__sandbox/faults");
        await NormalTurnAsync(withTool: true);
    }

    [RobustnessFact]
    public async Task Every_model_fault_ends_the_turn_with_a_clear_error_part_in_bounded_time_and_the_next_turn_works()
    {
        var (threadsBefore, socketsBefore) = ProcessCounters.ThreadsAndSockets();
        var slowest = TimeSpan.Zero;

        for (var round = 0; round < 2; round++)
        {
            foreach (var (name, script, types, error, abandoned) in ModelFaults)
            {
                Server.Llm.Clear();
                script(Server.Llm);
                var clock = Stopwatch.StartNew();

                var result = await Browser.ChatAsync(Body(User("Tell me about my errors")));

                var elapsed = clock.Elapsed;
                slowest = elapsed > slowest ? elapsed : slowest;
                var errorText = result.Types.Contains("error") ? result.Single("error").GetProperty("errorText").GetString() : null;
                output.WriteLine($"{name}: {elapsed.TotalSeconds:0.0} s, \"{errorText}\"");
                Assert.Equal(HttpStatusCode.OK, result.Response.StatusCode);
                if (types.Length > 0)
                {
                    Assert.Equal(types, result.Types);
                }
                Assert.True(result.Types.LastOrDefault() == "error", $"{name}: the turn ended with {result.Types.LastOrDefault()}, not an error part");
                Assert.True(result.Done, name);
                Assert.Contains(error, errorText);
                // No silent retries: the model was asked once.
                Assert.Single(Server.Llm.Requests);
                if (abandoned)
                {
                    // The bound's own message says which bound fired, and the host hung up on the model: the
                    // turn ended on the bound, before the script's end (30 s of silence, or 17 chunks 0.7 s
                    // apart), not when the model finished. Without the bound the answer would complete instead.
                    Assert.True(await Server.Llm.WaitForCancellationAsync(Eventually.DefaultDeadline), $"{name}: the model call was not abandoned");
                }
                else
                {
                    Assert.Empty(Server.Llm.CancelledRequests);
                }

                await NormalTurnAsync(withTool: round == 1);
            }
        }

        var (threadsAfter, socketsAfter) = await ProcessCounters.SettledThreadsAndSocketsAsync((threadsBefore, socketsBefore), margin: 25);
        output.WriteLine($"slowest faulty turn {slowest.TotalSeconds:0.0} s; threads {threadsBefore} → {threadsAfter}, sockets {socketsBefore} → {socketsAfter}");
    }

    [RobustnessFact]
    public async Task Sentry_faults_during_a_tool_call_reach_the_model_as_tool_errors_and_the_turn_finishes()
    {
        var (threadsBefore, socketsBefore) = ProcessCounters.ThreadsAndSockets();
        var outcomes = new SortedDictionary<string, int>();

        for (var round = 0; round < 2; round++)
        {
            foreach (var fault in FaultyUpstreamFixture.SentryFaults)
            {
                Server.Llm.Clear();
                Server.Llm.ReplyWithToolCalls(null, new ScriptedToolCall("call_fault", "find_projects", "{\"organizationSlug\":\"acme\"}"));
                Server.Llm.Reply("Handled.");
                await Server.AddSandboxFaultAsync(fault);

                var result = await Browser.ChatAsync(Body(User("Which projects do I have?")));
                await Server.SandboxHttp.DeleteAsync("__sandbox/faults");

                Assert.Equal(HttpStatusCode.OK, result.Response.StatusCode);
                Assert.Equal(["start", "start-step", "tool-input-start", "tool-input-available"], result.Types.Take(4));
                Assert.Equal(["finish-step", "finish"], result.Types.TakeLast(2));
                Assert.True(result.Done);
                Assert.Equal("Handled.", result.Text);
                var toolMessage = Server.Llm.Requests[1]["messages"]!.AsArray()[^1]!;
                Assert.Equal("tool", toolMessage["role"]!.GetValue<string>());
                var outcome = "ok";
                if (result.Types.Contains("tool-output-error"))
                {
                    var errorText = result.Single("tool-output-error").GetProperty("errorText").GetString()!;
                    outcome = errorText.Split('\n')[0];
                    Assert.StartsWith("**Sentry", errorText);
                    Assert.Equal("Error: " + errorText, toolMessage["content"]!.ToString());
                }
                else
                {
                    Assert.Contains("api-backend", result.Single("tool-output-available").GetRawText());
                }
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;

                await NormalTurnAsync(withTool: true);
            }
        }

        var (threadsAfter, socketsAfter) = await ProcessCounters.SettledThreadsAndSocketsAsync((threadsBefore, socketsBefore), margin: 25);
        output.WriteLine($"outcomes: {string.Join("; ", outcomes.Select(o => $"{o.Key} ×{o.Value}"))}");
        output.WriteLine($"threads {threadsBefore} → {threadsAfter}, sockets {socketsBefore} → {socketsAfter}");
        Assert.Contains("ok", outcomes.Keys);
        Assert.True(outcomes.Count >= 3, "the faults should produce several distinct outcomes");
    }

    /// <summary>A turn that must work: plain text, or a tool call and an answer.</summary>
    private async Task NormalTurnAsync(bool withTool)
    {
        Server.Llm.Clear();
        if (withTool)
        {
            Server.Llm.ReplyWithToolCalls(null, new ScriptedToolCall("call_ok", "whoami"));
        }
        Server.Llm.Reply("Back to normal.");

        var result = await Browser.ChatAsync(Body(User("Still there?")));

        Assert.Equal("finish", result.Types.Last());
        Assert.Equal("Back to normal.", result.Text);
        if (withTool)
        {
            Assert.Contains("Jane Doe", result.Single("tool-output-available").GetRawText());
        }
    }
}
