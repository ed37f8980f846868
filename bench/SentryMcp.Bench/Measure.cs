namespace SentryMcp.Bench;

public static class Measure
{
    private const int PingCount = 200;
    private const int BlockSize = 50;

    /// <summary>
    /// One fresh process per server, both alive at once: warm-up rounds (not recorded), then the
    /// measured calls in alternating blocks, then a protocol-only ping floor, then each server's memory.
    /// </summary>
    public static async Task CallsAsync(IReadOnlyList<ServerUnderTest> servers, IReadOnlyDictionary<string, ServerFigures> figures,
        IReadOnlyList<PlannedCall> plan, IReadOnlyList<PlanDecision> decisions, BenchOptions options, CancellationToken ct)
    {
        var sessions = new List<ServerSession>();
        try
        {
            foreach (var server in servers)
            {
                var session = await ServerSession.StartAsync(server, ct);
                sessions.Add(session);
                figures[server.Label].RssIdleKb = ProcFs.StatusKb(session.Pid, "VmRSS");
            }
            var routes = decisions.ToDictionary(d => d.Tool);

            for (var i = 0; i < options.WarmupRounds * plan.Count; i++)
            {
                foreach (var session in sessions)
                {
                    var call = plan[i % plan.Count];
                    await session.CallAsync(call, RouteOf(routes[call.Tool], session), ct);
                }
            }
            // Blocks of calls, alternating between the servers: both see the same drift in background
            // load on a shared machine, while one server's after-work (GC, JIT) rarely lands in the
            // other's calls, as it would if they alternated call by call.
            for (var start = 0; start < options.Calls; start += BlockSize)
            {
                var count = Math.Min(BlockSize, options.Calls - start);
                foreach (var session in start / BlockSize % 2 == 0 ? sessions : Enumerable.Reverse(sessions))
                {
                    for (var i = start; i < start + count; i++)
                    {
                        var call = plan[i % plan.Count];
                        figures[session.Server.Label].Record(call.Tool, await session.CallAsync(call, RouteOf(routes[call.Tool], session), ct));
                    }
                }
            }

            // The protocol floor: a round trip that touches neither a tool nor the sandbox.
            for (var i = 0; i < PingCount; i++)
            {
                foreach (var session in i % 2 == 0 ? sessions : Enumerable.Reverse(sessions))
                {
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    await session.Client.PingAsync(cancellationToken: ct);
                    figures[session.Server.Label].PingsMs.Add(clock.Elapsed.TotalMilliseconds);
                }
            }

            foreach (var session in sessions)
            {
                var f = figures[session.Server.Label];
                f.RssAfterCallsKb = ProcFs.StatusKb(session.Pid, "VmRSS");
                f.PeakRssKb = ProcFs.StatusKb(session.Pid, "VmHWM");
                if (f.RssAfterCallsKb is null)
                {
                    throw new InvalidOperationException($"{session.Server.Label} exited during the calls. Its last stderr lines:\n{session.StderrTail}");
                }
            }
        }
        finally
        {
            foreach (var session in sessions)
            {
                await session.DisposeAsync();
            }
        }
    }

    private static ToolRoute RouteOf(PlanDecision decision, ServerSession session) =>
        session.Server.Label == ServerUnderTest.OursLabel ? decision.Ours : decision.Official;
}
