using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SentryMcp.Sandbox;
using SentryMcp.Server.Tests.Auth;
using Xunit.Abstractions;

namespace SentryMcp.Server.Tests.Robustness;

public sealed class FaultyUpstreamFixture : AuthServerFixture
{
    /// <summary>Every way the sandbox can misbehave, once each: slow, 429, 500, repeated 503, malformed, dropped, stalled.</summary>
    public static IReadOnlyList<FaultRule> SentryFaults { get; } =
    [
        new(FaultKind.Latency, "/api/0/", Count: 1, DelayMs: 1500),
        new(FaultKind.Status, "/api/0/", Count: 1, Status: 429, RetryAfterSeconds: 0),
        new(FaultKind.Status, "/api/0/", Count: 1, Status: 500),
        new(FaultKind.Status, "/api/0/", Count: 3, Status: 503),
        new(FaultKind.MalformedJson, "/api/0/", Count: 1),
        new(FaultKind.Drop, "/api/0/", Count: 1),
        new(FaultKind.Drop, "/api/0/", Count: 8),
        new(FaultKind.Latency, "/api/0/", Count: 8, DelayMs: 5000),
    ];

    /// <summary>Short Sentry-client timings so faulted calls end quickly, and no per-user limit in the way.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> QuickFailureSettings { get; } = new Dictionary<string, string?>
    {
        ["Sentry:Client:AttemptTimeout"] = "00:00:01",
        ["Sentry:Client:TotalTimeout"] = "00:00:04",
        ["Sentry:Client:RetryBaseDelay"] = "00:00:00.020",
        ["Sentry:Client:MaxRetryDelay"] = "00:00:00.500",
        ["RateLimits:PerUserPerMinute"] = "100000",
    };

    protected override IDictionary<string, string?> Settings => With(base.Settings, QuickFailureSettings);

    /// <summary><paramref name="settings"/> with <paramref name="overrides"/> applied on top.</summary>
    public static Dictionary<string, string?> With(IDictionary<string, string?> settings, IEnumerable<KeyValuePair<string, string?>> overrides)
    {
        var merged = new Dictionary<string, string?>(settings);
        foreach (var (key, value) in overrides)
        {
            merged[key] = value;
        }
        return merged;
    }
}

/// <summary>
/// MCP calls over HTTP while the Sentry side misbehaves in every way the sandbox can: each call
/// ends in a result or a clear error, the next call works, and threads and sockets do not leak.
/// </summary>
[Collection(ResourceMeasurements.Name)]
public sealed class FaultTests(FaultyUpstreamFixture server, ITestOutputHelper output) : IClassFixture<FaultyUpstreamFixture>
{
    [RobustnessFact]
    public async Task Every_fault_ends_in_a_result_or_a_clear_error_and_nothing_leaks()
    {
        await using var client = await server.ConnectAsync();
        await client.CallToolAsync("find_projects", new Dictionary<string, object?> { ["organizationSlug"] = "acme" });
        var (threadsBefore, socketsBefore) = ProcessCounters.ThreadsAndSockets();
        var outcomes = new Dictionary<string, int>();

        for (var round = 0; round < 3; round++)
        {
            foreach (var fault in FaultyUpstreamFixture.SentryFaults)
            {
                await server.AddSandboxFaultAsync(fault);
                var result = await client.CallToolAsync("find_projects", new Dictionary<string, object?> { ["organizationSlug"] = "acme" });
                var text = string.Join("\n", result.Content.OfType<TextContentBlock>().Select(c => c.Text));
                var outcome = result.IsError == true ? text.Split('\n')[0] : "ok";
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
                Assert.True(result.IsError != true || text.StartsWith("**Sentry", StringComparison.Ordinal) || text.StartsWith("**Input Error** (HTTP 429)", StringComparison.Ordinal), text);
                await server.SandboxHttp.DeleteAsync("/__sandbox/faults");

                var next = await client.CallToolAsync("find_projects", new Dictionary<string, object?> { ["organizationSlug"] = "acme" });
                Assert.NotEqual(true, next.IsError);
            }
        }

        var (threadsAfter, socketsAfter) = await ProcessCounters.SettledThreadsAndSocketsAsync((threadsBefore, socketsBefore), margin: 25);
        output.WriteLine($"outcomes: {string.Join("; ", outcomes.Select(o => $"{o.Key} ×{o.Value}"))}");
        output.WriteLine($"threads {threadsBefore} → {threadsAfter}, sockets {socketsBefore} → {socketsAfter}");
        Assert.Contains("ok", outcomes.Keys);
        Assert.True(outcomes.Count >= 3, "the faults should produce several distinct outcomes");
    }
}
