using System.Diagnostics;
using SentryMcp.Bench;
using SentryMcp.Sandbox;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

// The report alone goes to stdout; the in-process sandbox's console logging goes to stderr.
var report = Console.Out;
Console.SetOut(Console.Error);

using var budget = new CancellationTokenSource(options.Budget);
var ct = budget.Token;
var (sandbox, sandboxUri) = await SandboxApp.StartAsync(ct: ct);
try
{
    var servers = new[] { ServerUnderTest.Ours(options, sandboxUri), ServerUnderTest.Official(options, sandboxUri) };
    var figures = servers.ToDictionary(s => s.Label, s => new ServerFigures(s.Label));
    var progress = new Progress(Console.Error);

    progress.Say($"Sandbox on {sandboxUri}; probing which tools both servers answer…");
    var decisions = await Probe.DecideAsync(servers, figures, CallPlan.Candidates(sandboxUri), ct);
    var plan = CallPlan.Candidates(sandboxUri).Where(c => decisions.Single(d => d.Tool == c.Tool).Included).ToList();
    foreach (var d in decisions)
    {
        progress.Say($"  {(d.Included ? "+" : "-")} {d.Tool}: {d.Why}");
    }
    if (plan.Count == 0)
    {
        Console.Error.WriteLine("No tool works on both servers against the sandbox; nothing to measure.");
        return 1;
    }

    progress.Say($"Cold starts: {options.ColdStarts} per server, alternating…");
    for (var i = 0; i < options.ColdStarts; i++)
    {
        foreach (var server in i % 2 == 0 ? servers : servers.Reverse())
        {
            await using var session = await ServerSession.StartAsync(server, ct);
            figures[server.Label].ColdStartsMs.Add(session.StartupTime.TotalMilliseconds);
        }
    }

    var sandboxFloor = await SandboxFloorAsync(sandboxUri, ct);
    progress.Say($"Calls: {options.WarmupRounds} warm-up rounds, then {options.Calls} calls per server round-robin over {plan.Count} tools, alternating servers…");
    await Measure.CallsAsync(servers, figures, plan, decisions, options, ct);

    var markdown = Report.Build(options, figures[ServerUnderTest.OursLabel], figures[ServerUnderTest.OfficialLabel], decisions, plan.Count, await NodeVersionAsync(options.OfficialNode), sandboxFloor);
    await report.WriteAsync(markdown);
    await report.FlushAsync(CancellationToken.None);
    if (options.Output is { } output)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, markdown, CancellationToken.None);
        progress.Say($"Written to {output}");
    }
    return 0;
}
catch (OperationCanceledException) when (budget.IsCancellationRequested)
{
    Console.Error.WriteLine($"The benchmark ran out of its time budget ({options.Budget.TotalSeconds:0} s).");
    return 1;
}
finally
{
    await sandbox.StopAsync(CancellationToken.None);
    await sandbox.DisposeAsync();
}

// What one sandbox request costs by itself (GET /api/0/auth/ over a kept-alive connection): both
// servers pay it inside every tool call, so it bounds how far apart their call times can be.
static async Task<double> SandboxFloorAsync(Uri sandbox, CancellationToken ct)
{
    using var http = new HttpClient { BaseAddress = sandbox };
    http.DefaultRequestHeaders.Authorization = new("Bearer", SandboxOptions.DefaultToken);
    var samples = new List<double>();
    for (var i = 0; i < 300; i++)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync("api/0/auth/", ct);
        await response.Content.ReadAsByteArrayAsync(ct);
        if (i >= 100)
        {
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }
    }
    return Stats.Median(samples);
}

static async Task<string> NodeVersionAsync(string node)
{
    using var process = Process.Start(new ProcessStartInfo(node, "--version") { RedirectStandardOutput = true })!;
    var version = (await process.StandardOutput.ReadToEndAsync()).Trim();
    await process.WaitForExitAsync();
    return version;
}

internal sealed class Progress(TextWriter writer)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public void Say(string line) => writer.WriteLine($"[{_clock.Elapsed.TotalSeconds,6:0.0}s] {line}");
}
