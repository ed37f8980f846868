using System.Text;
using SentryMcp.HttpBench;

// HTTP benchmark of the web host: tools/call on /mcp from concurrent clients next to a bare
// minimal-API floor making the same single sandbox request, host memory, and idle /sse sessions.
// Everything runs on loopback; the sandbox is a separate process, so neither its CPU nor its
// memory is counted in the host's figures.
var options = HttpBenchOptions.Parse(args);
var report = Console.Out;
var log = new Action<string>(line => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}"));
using var budget = new CancellationTokenSource(options.Budget);
var ct = budget.Token;
var workDir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"sentry-mcp-httpbench-{Environment.ProcessId}")).FullName;
const string Token = "sntryu_sandbox_demo_token";
const string Authorization = "Sentry-Bearer " + Token;
var loadStart = File.ReadAllText("/proc/loadavg").Split(' ')[0];

// Start-up first, while nothing else of this run is alive: the host as a newcomer runs it.
var startups = options.Startups > 0
    ? await Startup.MeasureAsync(options.ServerDll, options.Startups, options.HostEnvironment, workDir, log, ct)
    : [];
if (options.StartupOnly)
{
    var summary = HttpReport.Startup(startups, options.HostEnvironment);
    await report.WriteAsync(summary);
    Directory.Delete(workDir, recursive: true);
    return 0;
}

await using var sandbox = await ChildProcess.StartAsync("sandbox", options.SandboxDll,
    new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning", ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Warning" }, workDir, ct);
var sentryHost = sandbox.Url.ToString().TrimEnd('/');
var hostEnvironment = new Dictionary<string, string>
{
    ["SENTRY_HOST"] = sentryHost,
    // Far above what the run sends: the limits must not shape the figures.
    ["RateLimits__PerIpPerMinute"] = "100000000",
    ["RateLimits__PerUserPerMinute"] = "100000000",
    ["ConnectionStrings__Database"] = $"Data Source={Path.Combine(workDir, "bench.db")}",
};
foreach (var (k, v) in options.HostEnvironment)
{
    hostEnvironment[k] = v;
}
await using var host = await ChildProcess.StartAsync("host", options.ServerDll, hostEnvironment, workDir, ct);
await using var floor = await ChildProcess.StartAsync("floor", options.FloorDll, new Dictionary<string, string> { ["SENTRY_HOST"] = sentryHost }, workDir, ct);
log($"sandbox {sandbox.Url} (pid {sandbox.Pid}), host {host.Url} (pid {host.Pid}), floor {floor.Url} (pid {floor.Pid})");
await Task.Delay(2000, ct);
var rssRest = host.RssKb();

using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, MaxConnectionsPerServer = int.MaxValue, UseCookies = false })
{
    Timeout = TimeSpan.FromSeconds(30),
};
var toolCall = Encoding.UTF8.GetBytes(options.McpMethod == "ping"
    ? """{"jsonrpc":"2.0","id":1,"method":"ping"}"""
    : """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"whoami","arguments":{}}}""");
HttpRequestMessage Post(Uri url)
{
    var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(toolCall) };
    message.Content.Headers.ContentType = new("application/json");
    message.Headers.TryAddWithoutValidation("Authorization", Authorization);
    message.Headers.TryAddWithoutValidation("Accept", "application/json, text/event-stream");
    message.Headers.TryAddWithoutValidation("MCP-Protocol-Version", "2025-11-25");
    return message;
}
var mcpUrl = new Uri(host.Url, "mcp");
var floorUrl = new Uri(floor.Url, "floor");
static string Snippet(byte[] body) => Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300)).ReplaceLineEndings(" ");
string? CheckMcp(HttpResponseMessage r, byte[] body)
{
    var text = Encoding.UTF8.GetString(body);
    return r.IsSuccessStatusCode && text.Contains("\"result\"", StringComparison.Ordinal) && !text.Contains("\"isError\":true", StringComparison.Ordinal)
        ? null : $"{(int)r.StatusCode}: {Snippet(body)}";
}
string? CheckFloor(HttpResponseMessage r, byte[] body) =>
    r.IsSuccessStatusCode && Encoding.UTF8.GetString(body).Contains("\"email\"", StringComparison.Ordinal) ? null : $"{(int)r.StatusCode}: {Snippet(body)}";

// What the stateless endpoint needs: one tools/call with no initialize and no session id.
string protocolNote;
{
    using var first = Post(mcpUrl);
    using var response = await http.SendAsync(first, ct);
    var body = await response.Content.ReadAsByteArrayAsync(ct);
    if (CheckMcp(response, body) is { } error)
    {
        throw new InvalidOperationException($"tools/call without initialize failed on /mcp: {error}\nHost log:\n{host.Tail()}");
    }
    protocolNote = $"a bare `{(options.McpMethod == "ping" ? "ping" : "tools/call")}` POST (no `initialize`, no session id) is answered {(int)response.StatusCode} " +
        $"`{response.Content.Headers.ContentType}`; session header: {(response.Headers.Contains("Mcp-Session-Id") ? "yes" : "none")}";
    log(protocolNote);
}

async Task<LoadResult> RunAsync(string target, int calls) => target == "floor"
    ? await Load.RunAsync("floor", http, () => Post(floorUrl), CheckFloor, calls, options.Concurrency, floor, sandbox, ct)
    : await Load.RunAsync("host /mcp", http, () => Post(mcpUrl), CheckMcp, calls, options.Concurrency, host, sandbox, ct);

log($"Warm-up: {options.Warmup} calls each");
await RunAsync("floor", options.Warmup);
await RunAsync("host", options.Warmup);
var rssAfterWarmup = host.RssKb();

var results = new List<(int Repeat, LoadResult Result)>();
long? rssAfter10k = null;
for (var r = 1; r <= options.Repeats; r++)
{
    foreach (var target in r % 2 == 1 ? new[] { "floor", "host" } : ["host", "floor"])
    {
        var result = await RunAsync(target, options.Calls);
        results.Add((r, result));
        log($"run {r} {result.Target}: {result.Throughput:0} calls/s, p50 {result.P50:0.00} ms, p99 {result.P99:0.00} ms, errors {result.Errors} {result.FirstError}");
        if (target == "host" && rssAfter10k is null)
        {
            rssAfter10k = host.RssKb();
        }
    }
}
var rssAfterAll = host.RssKb();

var sse = new List<(long Before, long With, long After, int Count)>();
using var sseHttp = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, UseCookies = false }) { Timeout = Timeout.InfiniteTimeSpan };
for (var round = 0; round < options.Repeats && options.SseSessions > 0; round++)
{
    var before = host.RssKb();
    await using var sessions = new SseSessions(sseHttp, new Uri(host.Url, "sse"), Authorization);
    log($"Opening {options.SseSessions} idle /sse sessions…");
    await sessions.OpenAsync(options.SseSessions, 32, ct);
    await Task.Delay(3000, ct);
    var with = host.RssKb();
    await sessions.DisposeAsync();
    await Task.Delay(3000, ct);
    sse.Add((before, with, host.RssKb(), sessions.Count == 0 ? options.SseSessions : sessions.Count));
    log($"SSE round {round + 1}: RSS {before / 1024.0:0.0} → {with / 1024.0:0.0} MiB");
}

var markdown = HttpReport.Build(options, protocolNote, results, rssRest, rssAfterWarmup, rssAfter10k!.Value, rssAfterAll, sse,
    loadStart, File.ReadAllText("/proc/loadavg").Split(' ')[0]) + HttpReport.Startup(startups, options.HostEnvironment);
await report.WriteAsync(markdown);
if (options.Output is { } output)
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
    await File.WriteAllTextAsync(output, markdown, CancellationToken.None);
    log($"Written to {output}");
}
Directory.Delete(workDir, recursive: true);
return 0;
