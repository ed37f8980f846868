using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace SentryMcp.Bench;

/// <summary>The figures as a markdown report: printed, and written to a file for docs.</summary>
public static class Report
{
    private const double SpeedTarget = 0.5;
    private const double MemoryTarget = 1.0;

    public static string Build(BenchOptions options, ServerFigures ours, ServerFigures official,
        IReadOnlyList<PlanDecision> decisions, int planSize, string nodeVersion, double sandboxFloorMs)
    {
        var md = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        md.AppendLine("# Sentry MCP benchmark: our stdio server vs the official @sentry/mcp-server");
        md.AppendLine();
        md.AppendLine(inv, $"- Run: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}");
        md.AppendLine(inv, $"- Ours: sentry-mcp {ours.Version} ({ours.Executable} process, {RuntimeInformation.FrameworkDescription}, MCP {ours.Protocol}){EnvNote(options.OursEnvironment)}");
        md.AppendLine(inv, $"- Official: @sentry/mcp-server {official.Version} ({official.Executable} process, Node {nodeVersion}, MCP {official.Protocol}){EnvNote(options.OfficialEnvironment)}");
        md.AppendLine(inv, $"- Same in-process sandbox over loopback HTTP for both; cold start = spawn → initialize answered, median of {official.ColdStartsMs.Count}; calls = {options.WarmupRounds} unrecorded warm-up rounds, then {options.Calls} calls per server round-robin over {planSize} tools, one fresh process per server, the two servers alternating in blocks of 50 calls; memory = VmRSS of the server process right after those calls.");
        md.AppendLine();

        md.AppendLine("## Summary");
        md.AppendLine();
        md.AppendLine("| Figure | Ours | Official | Ours / official | Target | Met |");
        md.AppendLine("|---|---:|---:|---:|---:|:---:|");
        Row(md, "Cold start (median)", Stats.Median(ours.ColdStartsMs), Stats.Median(official.ColdStartsMs), Ms, SpeedTarget);
        Row(md, "Tool call p50 (all calls)", Stats.Percentile(ours.AllCalls, 50), Stats.Percentile(official.AllCalls, 50), Ms, SpeedTarget);
        Row(md, "Tool call p95 (all calls)", Stats.Percentile(ours.AllCalls, 95), Stats.Percentile(official.AllCalls, 95), Ms, SpeedTarget);
        Row(md, "MCP ping p50 (protocol floor, no tool)", Stats.Percentile(ours.PingsMs, 50), Stats.Percentile(official.PingsMs, 50), Ms, null);
        Row(md, $"RSS after {options.Calls:N0} calls", Kb(ours.RssAfterCallsKb), Kb(official.RssAfterCallsKb), MiB, MemoryTarget);
        Row(md, "RSS right after initialize", Kb(ours.RssIdleKb), Kb(official.RssIdleKb), MiB, null);
        Row(md, "Peak RSS (VmHWM)", Kb(ours.PeakRssKb), Kb(official.PeakRssKb), MiB, null);
        md.AppendLine(inv, $"| Sandbox GET /api/0/auth/ p50 (from the harness; inside every call of both) | {Ms(sandboxFloorMs)} | {Ms(sandboxFloorMs)} | | | |");
        md.AppendLine(inv, $"| Errors (isError or protocol) | {ours.ErrorCount} | {official.ErrorCount} | | 0 | {(ours.ErrorCount == 0 ? "yes" : "no")} |");
        md.AppendLine();

        md.AppendLine("## Per tool (ms)");
        md.AppendLine();
        md.AppendLine("| Tool | Official route | Calls | Ours p50 | Ours p95 | Official p50 | Official p95 | p50 ratio | p95 ratio | Errors ours / official |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var d in decisions.Where(d => d.Included))
        {
            var o = ours.CallsMs.GetValueOrDefault(d.Tool) ?? [];
            var f = official.CallsMs.GetValueOrDefault(d.Tool) ?? [];
            var (o50, o95, f50, f95) = (Stats.Percentile(o, 50), Stats.Percentile(o, 95), Stats.Percentile(f, 50), Stats.Percentile(f, 95));
            var route = d.Official == ToolRoute.Gateway ? $"via {ServerSession.Gateway}" : "direct";
            md.AppendLine(inv, $"| {d.Tool} | {route} | {o.Count} | {o50:0.00} | {o95:0.00} | {f50:0.00} | {f95:0.00} | {o50 / f50:0.00}× | {o95 / f95:0.00}× | {ours.Errors.GetValueOrDefault(d.Tool)} / {official.Errors.GetValueOrDefault(d.Tool)} |");
        }
        md.AppendLine();

        md.AppendLine("## Plan: candidate tools");
        md.AppendLine();
        md.AppendLine("| Tool | In plan | Why |");
        md.AppendLine("|---|:---:|---|");
        foreach (var d in decisions)
        {
            md.AppendLine(inv, $"| {d.Tool} | {(d.Included ? "yes" : "no")} | {d.Why.Replace("|", "\\|", StringComparison.Ordinal)} |");
        }
        foreach (var (tool, why) in CallPlan.LeftOutByDesign)
        {
            md.AppendLine(inv, $"| {tool} | no | not a candidate: {why} |");
        }
        md.AppendLine();

        foreach (var figures in new[] { ours, official }.Where(f => f.ErrorCount > 0))
        {
            md.AppendLine(inv, $"## Errors during the measured calls ({figures.Label})");
            md.AppendLine();
            foreach (var (tool, count) in figures.Errors)
            {
                md.AppendLine(inv, $"- {tool}: {count}× — first: {Probe.Snippet(figures.FirstError[tool])}");
            }
            md.AppendLine();
        }

        md.AppendLine("## Cold start samples (ms)");
        md.AppendLine();
        md.AppendLine(inv, $"- Ours: {string.Join(", ", ours.ColdStartsMs.Select(v => v.ToString("0", inv)))}");
        md.AppendLine(inv, $"- Official: {string.Join(", ", official.ColdStartsMs.Select(v => v.ToString("0", inv)))}");
        return md.ToString();
    }

    private static string EnvNote(IReadOnlyDictionary<string, string> environment) =>
        environment.Count == 0 ? "" : "; env " + string.Join(" ", environment.Select(kv => $"`{kv.Key}={kv.Value}`"));

    private static double Kb(long? kb) => kb is { } v ? v : double.NaN;

    private static string Ms(double v) => v.ToString("0.00", CultureInfo.InvariantCulture) + " ms";

    private static string MiB(double kb) => (kb / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " MiB";

    private static void Row(StringBuilder md, string name, double ours, double official, Func<double, string> format, double? target)
    {
        var ratio = ours / official;
        var targetText = target is { } t ? $"≤ {t.ToString("0.00", CultureInfo.InvariantCulture)}×" : "";
        var met = target is { } limit ? (ratio <= limit ? "yes" : "**no**") : "";
        md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {format(ours)} | {format(official)} | {ratio:0.00}× | {targetText} | {met} |");
    }
}
