using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Formatting;

/// <summary>
/// Reads an aggregate flamegraph: the hot call paths, the slowest functions with their percentiles,
/// and (between two periods) which functions got slower. Times come in nanoseconds, leave in ms.
/// </summary>
public static class ProfileAnalysis
{
    private const double NsPerMs = 1_000_000;
    private const int MaxFunctions = 10;

    public static long TotalSamples(Flamegraph graph) => graph.Profiles?.Sum(p => p.SampleCounts?.Sum() ?? 0) ?? 0;

    public static int ProfileCount(Flamegraph graph) => graph.Shared?.Profiles?.Count ?? 0;

    public static List<HotPathOutput> HotPaths(Flamegraph graph, bool focusOnUserCode, int max)
    {
        var profile = graph.Profiles?.FirstOrDefault(p => p.IsMainThread == true) ?? graph.Profiles?.FirstOrDefault();
        var frames = graph.Shared?.Frames ?? [];
        if (profile?.Samples is not { } samples)
        {
            return [];
        }
        var total = (double)Math.Max(1, profile.SampleCounts?.Sum() ?? 0);
        var merged = samples.Select((stack, i) => (Key: string.Join(',', stack), Stack: stack,
                Count: profile.SampleCounts?.ElementAtOrDefault(i) ?? 0, Ns: profile.SampleDurationsNs?.ElementAtOrDefault(i) ?? 0))
            .GroupBy(s => s.Key)
            .Select(g => (g.First().Stack, Count: g.Sum(s => s.Count), Ns: g.Sum(s => s.Ns)));
        return [.. merged.OrderByDescending(s => s.Ns).Take(max).Select(s =>
        {
            var stackFrames = s.Stack.Select(i => frames.ElementAtOrDefault(i)).OfType<FlamegraphFrame>().ToList();
            var shown = stackFrames.Where(f => !focusOnUserCode || f.IsApplication == true).Select(Name).ToList();
            var leaf = stackFrames.LastOrDefault();
            return new HotPathOutput(Math.Round(s.Count / total * 100, 1), s.Ns / NsPerMs, s.Count,
                shown, leaf is null ? null : Name(leaf));
        })];
    }

    public static List<ProfileFunctionOutput> Functions(Flamegraph graph, bool focusOnUserCode)
    {
        var frames = graph.Shared?.Frames ?? [];
        var infos = graph.Shared?.FrameInfos ?? [];
        return [.. frames.Select((frame, i) => (frame, info: infos.ElementAtOrDefault(i)))
            .Where(f => f.info is not null && (!focusOnUserCode || f.frame.IsApplication == true))
            .OrderByDescending(f => f.info!.SumDuration ?? 0)
            .Take(MaxFunctions)
            .Select(f => new ProfileFunctionOutput(Name(f.frame), f.frame.File, f.frame.IsApplication == true, f.info!.Count ?? 0,
                Ms(f.info.SumDuration), Ms(f.info.SumSelfTime), Ms(f.info.P75Duration), Ms(f.info.P95Duration), Ms(f.info.P99Duration),
                Insights(f.info)))];
    }

    /// <summary>Self time of user-code frames as a share of all self time.</summary>
    public static double? UserCodePercent(Flamegraph graph)
    {
        var frames = graph.Shared?.Frames ?? [];
        var infos = graph.Shared?.FrameInfos ?? [];
        var pairs = frames.Zip(infos).ToList();
        var total = pairs.Sum(p => p.Second.SumSelfTime ?? 0);
        return total <= 0 ? null : Math.Round(pairs.Where(p => p.First.IsApplication == true).Sum(p => p.Second.SumSelfTime ?? 0) / total * 100, 1);
    }

    /// <summary>
    /// Functions present in both periods, by average time per profile. Per profile rather than the
    /// raw sum: a longer baseline holds more requests, and its sum would hide any regression.
    /// </summary>
    public static List<FunctionChangeOutput> Compare(Flamegraph baseline, Flamegraph current, bool focusOnUserCode)
    {
        var baseProfiles = Math.Max(1, ProfileCount(baseline));
        var currentProfiles = Math.Max(1, ProfileCount(current));
        var before = Index(baseline);
        var result = new List<FunctionChangeOutput>();
        foreach (var (key, (frame, info)) in Index(current))
        {
            if ((focusOnUserCode && frame.IsApplication != true) || !before.TryGetValue(key, out var old))
            {
                continue;
            }
            var was = Ms(old.Info.SumDuration) / baseProfiles;
            var now = Ms(info.SumDuration) / currentProfiles;
            var change = was > 0 ? Math.Round((now - was) / was * 100, 1) : 0;
            result.Add(new FunctionChangeOutput(Name(frame), frame.File, Math.Round(was, 1), Math.Round(now, 1), change,
                change > 20 ? "major_regression" : change > 10 ? "minor_regression" : change < -10 ? "improvement" : "no_change"));
        }
        string[] order = ["major_regression", "minor_regression", "no_change", "improvement"];
        return [.. result.OrderBy(r => Array.IndexOf(order, r.Change)).ThenByDescending(r => r.PercentChange)];
    }

    public static string Name(FlamegraphFrame frame) =>
        frame.Module is { Length: > 0 } module && frame.Name is { } name && !name.Contains('.', StringComparison.Ordinal) ? $"{module}.{name}" : frame.Name ?? "unknown";

    private static Dictionary<string, (FlamegraphFrame Frame, FlamegraphFrameInfo Info)> Index(Flamegraph graph)
    {
        var result = new Dictionary<string, (FlamegraphFrame, FlamegraphFrameInfo)>(StringComparer.Ordinal);
        var infos = graph.Shared?.FrameInfos ?? [];
        foreach (var (frame, i) in (graph.Shared?.Frames ?? []).Select((f, i) => (f, i)))
        {
            if (infos.ElementAtOrDefault(i) is { } info)
            {
                result.TryAdd(frame.Fingerprint?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? $"{frame.File}:{frame.Name}", (frame, info));
            }
        }
        return result;
    }

    private static List<string> Insights(FlamegraphFrameInfo info)
    {
        var insights = new List<string>();
        if ((info.P99Duration ?? 0) > 3 * (info.P75Duration ?? 0))
        {
            insights.Add("high_variance");
        }
        if ((info.P75Duration ?? 0) > 100 * NsPerMs)
        {
            insights.Add("consistently_slow");
        }
        if (insights.Count == 0 && (info.P99Duration ?? 0) <= 1.5 * (info.P75Duration ?? 0))
        {
            insights.Add("consistent");
        }
        return insights;
    }

    private static double Ms(double? ns) => Math.Round((ns ?? 0) / NsPerMs, 1);
}
