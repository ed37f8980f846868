using System.Globalization;
using System.Text;

namespace SentryMcp.HttpBench;

public static class HttpReport
{
    public const double ThroughputTarget = 0.5;

    public static string Build(HttpBenchOptions o, string protocolNote, IReadOnlyList<(int Repeat, LoadResult Result)> results,
        long rssRest, long rssAfterWarmup, long rssAfter10k, long rssAfterAll, IReadOnlyList<(long Before, long With, long After, int Count)> sse,
        string loadStart, string loadEnd)
    {
        var b = new StringBuilder();
        void L(string line = "") => b.Append(line).Append('\n');
        L("# HTTP benchmark: `/mcp` tools/call vs a bare minimal-API floor");
        L();
        L(Invariant($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {loadStart} → {loadEnd}. ") +
          Invariant($"{o.Concurrency} concurrent clients, {o.Calls:N0} calls per run after {o.Warmup:N0} warm-up calls each, {o.Repeats} runs alternating which goes first."));
        L(o.McpMethod == "ping" ? "**Method: MCP `ping` on /mcp (no tool, no sandbox request): the cost of the HTTP + auth + MCP pipeline alone.**" : "");
        L(Invariant($"Tool: `whoami` (one sandbox request: GET /api/0/auth/). Floor: POST /floor making the same request and returning its body. Stateless /mcp: {protocolNote}."));
        if (o.HostEnvironment.Count > 0)
        {
            L("Host environment overrides: " + string.Join(", ", o.HostEnvironment.Select(kv => $"`{kv.Key}={kv.Value}`")) + ".");
        }
        L();
        L("| Run | Target | Throughput (calls/s) | p50 (ms) | p99 (ms) | Errors | Server CPU per call (ms) | Sandbox CPU per call (ms) |");
        L("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (repeat, r) in results)
        {
            L(Invariant($"| {repeat} | {r.Target} | {r.Throughput:0} | {r.P50:0.00} | {r.P99:0.00} | {r.Errors} | {r.CpuMsPerCall:0.000} | {r.SandboxCpu.TotalMilliseconds / r.Calls:0.000} |"));
        }
        L();
        L("| Run | /mcp ÷ floor throughput | Target | Met | /mcp p50 ÷ floor | /mcp p99 ÷ floor |");
        L("|---|---:|---:|:---:|---:|---:|");
        foreach (var group in results.GroupBy(x => x.Repeat))
        {
            var floor = group.Single(x => x.Result.Target == "floor").Result;
            var mcp = group.Single(x => x.Result.Target != "floor").Result;
            var ratio = mcp.Throughput / floor.Throughput;
            L(Invariant($"| {group.Key} | **{ratio:0.00}×** | ≥ {ThroughputTarget:0.0}× | {(ratio >= ThroughputTarget ? "yes" : "no")} | {mcp.P50 / floor.P50:0.00}× | {mcp.P99 / floor.P99:0.00}× |"));
        }
        foreach (var (_, r) in results.Where(x => x.Result.FirstError is not null))
        {
            L($"First error of {r.Target}: `{r.FirstError}`");
        }
        L();
        L("| Host memory (VmRSS) | MiB |");
        L("|---|---:|");
        L(Invariant($"| At rest (started, 2 s idle, no call yet) | {Mib(rssRest)} |"));
        L(Invariant($"| After warm-up ({o.Warmup:N0} calls) | {Mib(rssAfterWarmup)} |"));
        L(Invariant($"| After warm-up + {o.Calls:N0} calls | {Mib(rssAfter10k)} |"));
        L(Invariant($"| After all {o.Warmup + o.Repeats * o.Calls:N0} calls | {Mib(rssAfterAll)} |"));
        foreach (var (s, i) in sse.Select((s, i) => (s, i + 1)))
        {
            L(Invariant($"| SSE round {i}: before → with {s.Count:N0} idle /sse sessions → 3 s after closing | {Mib(s.Before)} → {Mib(s.With)} → {Mib(s.After)} (**{(s.With - s.Before) / (double)s.Count:0.0} KiB per session**) |"));
        }
        return b.ToString();
    }

    public const double ReadyTargetMs = 1500;
    public const double RssRestTargetMib = 110;

    /// <summary>The start-up figures: spawn → first /readyz 200 and VmRSS at rest, embedded defaults.</summary>
    public static string Startup(IReadOnlyList<StartupSample> samples, IReadOnlyDictionary<string, string> hostEnvironment)
    {
        if (samples.Count == 0)
        {
            return "";
        }
        var b = new StringBuilder();
        void L(string line = "") => b.Append(line).Append('\n');
        var ready = HttpBench.Startup.Median(samples.Select(s => s.ReadyMs));
        var rss = HttpBench.Startup.Median(samples.Select(s => s.RssRestKb / 1024.0));
        L();
        L(Invariant($"## Web host start-up ({samples.Count} starts, embedded defaults: SQLite, built-in sandbox; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})"));
        if (hostEnvironment.Count > 0)
        {
            L("Host environment overrides: " + string.Join(", ", hostEnvironment.Select(kv => $"`{kv.Key}={kv.Value}`")) + ".");
        }
        L();
        L("| Figure | Median | Min | Max | Target | Met |");
        L("|---|---:|---:|---:|---:|:---:|");
        L(Invariant($"| Spawn → first /readyz 200 (ms) | **{ready:0}** | {samples.Min(s => s.ReadyMs):0} | {samples.Max(s => s.ReadyMs):0} | ≤ {ReadyTargetMs:0} | {(ready <= ReadyTargetMs ? "yes" : "no")} |"));
        L(Invariant($"| Host CPU time to that 200 (ms; steadier than wall time under load) | **{HttpBench.Startup.Median(samples.Select(s => s.CpuMs)):0}** | {samples.Min(s => s.CpuMs):0} | {samples.Max(s => s.CpuMs):0} | | |"));
        L(Invariant($"| VmRSS at rest, 2 s after ready (MiB) | **{rss:0.0}** | {samples.Min(s => s.RssRestKb) / 1024.0:0.0} | {samples.Max(s => s.RssRestKb) / 1024.0:0.0} | ≤ {RssRestTargetMib:0} | {(rss <= RssRestTargetMib ? "yes" : "no")} |"));
        L("Samples (ms / CPU ms / MiB): " + string.Join(", ", samples.Select(s => Invariant($"{s.ReadyMs:0} / {s.CpuMs:0} / {s.RssRestKb / 1024.0:0.0}"))));
        return b.ToString();
    }

    private static string Mib(long kb) => Invariant($"{kb / 1024.0:0.0}");

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
