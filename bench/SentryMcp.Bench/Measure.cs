namespace SentryMcp.Bench;

public static class Measure
{
    /// <summary>A fresh server: warm-up rounds (not recorded), then the measured calls round-robin, then its memory.</summary>
    public static async Task CallsAsync(ServerUnderTest server, ServerFigures figures, IReadOnlyList<PlannedCall> plan,
        IReadOnlyList<PlanDecision> decisions, BenchOptions options, CancellationToken ct)
    {
        await using var session = await ServerSession.StartAsync(server, ct);
        figures.RssIdleKb = ProcFs.StatusKb(session.Pid, "VmRSS");
        var routes = plan.ToDictionary(c => c.Tool, c => RouteOf(decisions.Single(d => d.Tool == c.Tool), server.Label));

        for (var i = 0; i < options.WarmupRounds * plan.Count; i++)
        {
            var call = plan[i % plan.Count];
            await session.CallAsync(call, routes[call.Tool], ct);
        }
        for (var i = 0; i < options.Calls; i++)
        {
            var call = plan[i % plan.Count];
            figures.Record(call.Tool, await session.CallAsync(call, routes[call.Tool], ct));
        }

        figures.RssAfterCallsKb = ProcFs.StatusKb(session.Pid, "VmRSS");
        figures.PeakRssKb = ProcFs.StatusKb(session.Pid, "VmHWM");
        if (figures.RssAfterCallsKb is null)
        {
            throw new InvalidOperationException($"{server.Label} exited during the calls. Its last stderr lines:\n{session.StderrTail}");
        }
    }

    private static ToolRoute RouteOf(PlanDecision decision, string label) =>
        label == ServerUnderTest.OursLabel ? decision.Ours : decision.Official;
}
