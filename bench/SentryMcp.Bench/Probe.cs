namespace SentryMcp.Bench;

/// <summary>Decides the plan: a candidate is measured only when both servers have it and answer it without error.</summary>
public static class Probe
{
    public static async Task<IReadOnlyList<PlanDecision>> DecideAsync(
        IReadOnlyList<ServerUnderTest> servers, IReadOnlyDictionary<string, ServerFigures> figures,
        IReadOnlyList<PlannedCall> candidates, CancellationToken ct)
    {
        var sessions = new List<ServerSession>();
        try
        {
            foreach (var server in servers)
            {
                var session = await ServerSession.StartAsync(server, ct);
                sessions.Add(session);
                await session.LoadToolsAsync(ct);
                EnsureNoInternetSettings(session);
                figures[server.Label].Version = session.Client.ServerInfo?.Version ?? "?";
                figures[server.Label].Executable = ProcFs.ExecutableOf(session.Pid);
                figures[server.Label].Protocol = session.Client.NegotiatedProtocolVersion ?? "?";
            }
            var ours = sessions.Single(s => s.Server.Label == ServerUnderTest.OursLabel);
            var official = sessions.Single(s => s.Server.Label == ServerUnderTest.OfficialLabel);

            var decisions = new List<PlanDecision>();
            foreach (var call in candidates)
            {
                var (oursRoute, officialRoute) = (ours.RouteFor(call.Tool), official.RouteFor(call.Tool));
                decisions.Add(await DecideAsync(call, ours, oursRoute, official, officialRoute, ct));
            }
            return decisions;
        }
        finally
        {
            foreach (var session in sessions)
            {
                await session.DisposeAsync();
            }
        }
    }

    private static async Task<PlanDecision> DecideAsync(PlannedCall call, ServerSession ours, ToolRoute oursRoute,
        ServerSession official, ToolRoute officialRoute, CancellationToken ct)
    {
        PlanDecision Out(string why) => new(call.Tool, oursRoute, officialRoute, false, why);

        if (oursRoute != ToolRoute.Direct)
        {
            return Out("our server does not list it (yet)");
        }
        if (officialRoute == ToolRoute.Missing)
        {
            return Out("the official server does not list it");
        }
        var officialResult = await official.CallAsync(call, officialRoute, ct);
        if (officialResult.IsError)
        {
            return officialResult.Text.Contains("not available in this session", StringComparison.Ordinal)
                ? Out("the official server does not have it in this session")
                : Out($"the official server errors against the sandbox: {Snippet(officialResult.Text)}");
        }
        var oursResult = await ours.CallAsync(call, oursRoute, ct);
        if (oursResult.IsError)
        {
            return Out($"our server errors against the sandbox: {Snippet(oursResult.Text)}");
        }
        var how = officialRoute == ToolRoute.Gateway ? $"official reaches it through {ServerSession.Gateway}" : "both list it directly";
        return new PlanDecision(call.Tool, oursRoute, officialRoute, true, $"works on both ({how})");
    }

    private static void EnsureNoInternetSettings(ServerSession session)
    {
        var leaked = ProcFs.EnvironmentNames(session.Pid).Intersect(ServerUnderTest.ForbiddenVariables).ToList();
        if (leaked.Count > 0)
        {
            throw new InvalidOperationException($"{session.Server.Label} sees {string.Join(", ", leaked)}; it could reach the internet.");
        }
    }

    public static string Snippet(string text)
    {
        var flat = text.ReplaceLineEndings(" ").Trim();
        return flat.Length <= 160 ? flat : flat[..157] + "...";
    }
}
