using System.Globalization;
using ModelContextProtocol.Protocol;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Tools;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Formatting;

/// <summary>The get_profile answer: hot paths, slowest functions, optional period comparison, next steps.</summary>
internal static class ProfileReport
{
    public static CallToolResult Build(string org, string project, string transaction, string period, string? baselinePeriod,
        Flamegraph current, Flamegraph? baseline, bool focusOnUserCode, int maxHotPaths)
    {
        var md = new Markdown().Title($"Profile of {Markdown.Code(transaction)} in **{org}/{project}**");
        var comparing = baselinePeriod is not null && baseline is not null;
        if (!current.HasData)
        {
            md.Paragraph($"No profiles of {Markdown.Code(transaction)} were found in the last {period}.")
                .Bullet("Transaction names are exact and case-sensitive.")
                .Bullet("Profiling may not be enabled for this project, or the transaction was not sampled in this period.")
                .Line();
            if (comparing && baseline!.HasData)
            {
                md.Paragraph($"The baseline period ({baselinePeriod}) has {ProfileAnalysis.ProfileCount(baseline)} profiles: the transaction ran then but not recently. Try a longer period.");
            }
            var empty = new ProfileAnalysisOutput(transaction, project, period, baselinePeriod, false, 0, 0, null, [], [], comparing ? [] : null, []);
            return ToolResults.Structured(md.UsingThisInformation(
                $"Find the exact transaction name: `search_events(organizationSlug='{org}', dataset='spans', query='is_transaction:true', fields=['transaction', 'count()'], sort='-count()')`.").ToString(), empty);
        }

        var hotPaths = ProfileAnalysis.HotPaths(current, focusOnUserCode, maxHotPaths);
        var functions = ProfileAnalysis.Functions(current, focusOnUserCode);
        var userCode = ProfileAnalysis.UserCodePercent(current);
        var profileIds = current.Shared?.Profiles?.Select(p => p.ProfileId).OfType<string>().Where(p => p.Length > 0).ToList() ?? [];
        md.Field("Period", $"last {period}")
            .Field("Profiles", ProfileAnalysis.ProfileCount(current).ToString(CultureInfo.InvariantCulture))
            .Field("Samples", ProfileAnalysis.TotalSamples(current).ToString("#,0", CultureInfo.InvariantCulture))
            .Field("Platform", current.Platform)
            .Field("User Code", userCode is null ? null : $"{userCode.Value.ToString("0.#", CultureInfo.InvariantCulture)}% of self time")
            .Line();

        md.Heading(focusOnUserCode ? "Hot Paths (user code)" : "Hot Paths")
            .Line("| # | Share | Time | Call path (root → leaf) |")
            .Line("|---:|---:|---:|---|");
        foreach (var (path, i) in hotPaths.Select((p, i) => (p, i + 1)))
        {
            var frames = path.Frames.Count == 0 ? "(library code only)" : string.Join(" → ", path.Frames.Select(Markdown.Code));
            var leaf = path.Leaf is not null && !path.Frames.Contains(path.Leaf) ? $" → *in {path.Leaf}*" : "";
            md.Line($"| {i} | {path.PercentOfTotal.ToString("0.#", CultureInfo.InvariantCulture)}% | {Ms(path.DurationMs)} | {frames}{leaf} |");
        }
        md.Line().Heading(focusOnUserCode ? "Slowest Functions (user code)" : "Slowest Functions")
            .Line("| Function | File | Total | Self | p75 | p95 | p99 | Notes |")
            .Line("|---|---|---:|---:|---:|---:|---:|---|");
        foreach (var f in functions)
        {
            md.Line($"| {Markdown.Code(f.Function)} | {f.File} | {Ms(f.TotalMs)} | {Ms(f.SelfMs)} | {Ms(f.P75Ms)} | {Ms(f.P95Ms)} | {Ms(f.P99Ms)} | {string.Join(", ", f.Insights.Select(Insight))} |");
        }
        md.Line();

        List<FunctionChangeOutput>? comparison = null;
        if (comparing)
        {
            md.Heading($"Compared with the last {baselinePeriod}");
            if (!baseline!.HasData)
            {
                md.Paragraph($"No profiles in the baseline period ({baselinePeriod}); nothing to compare.");
                comparison = [];
            }
            else
            {
                comparison = ProfileAnalysis.Compare(baseline, current, focusOnUserCode);
                md.Paragraph("Average time per profile, so periods with different traffic compare fairly.")
                    .Line("| Function | Baseline | Current | Change | Verdict |")
                    .Line("|---|---:|---:|---:|---|");
                foreach (var c in comparison.Take(10))
                {
                    md.Line($"| {Markdown.Code(c.Function)} | {Ms(c.BaselineMsPerProfile)} | {Ms(c.CurrentMsPerProfile)} | {(c.PercentChange >= 0 ? "+" : "")}{c.PercentChange.ToString("0.#", CultureInfo.InvariantCulture)}% | {c.Change.Replace('_', ' ')} |");
                }
                md.Line();
            }
        }

        var hints = new List<string>();
        if (hotPaths.FirstOrDefault() is { } top)
        {
            hints.Add($"The hottest path takes {top.PercentOfTotal.ToString("0.#", CultureInfo.InvariantCulture)}% of the time" +
                (top.Leaf is not null ? $" and ends in {Markdown.Code(top.Leaf)}" : "") + ": start there.");
        }
        if (profileIds.Count > 0)
        {
            hints.Add($"One profile in detail: `get_profile_details(organizationSlug='{org}', projectSlugOrId='{project}', profileId='{profileIds[^1]}')`.");
        }
        if (!comparing)
        {
            hints.Add($"Detect a regression: call again with `compareAgainstPeriod='14d'` (and a shorter `period`, e.g. '24h').");
        }
        hints.Add($"Slow spans of this transaction: `search_events(organizationSlug='{org}', dataset='spans', query='transaction:\"{transaction}\"', sort='-span.duration')`.");
        var data = new ProfileAnalysisOutput(transaction, project, period, baselinePeriod, true, ProfileAnalysis.ProfileCount(current),
            ProfileAnalysis.TotalSamples(current), userCode, hotPaths, functions, comparison, profileIds);
        return ToolResults.Structured(md.UsingThisInformation([.. hints]).ToString(), data);
    }

    private static string Insight(string insight) => insight switch
    {
        "high_variance" => "high variance (p99 > 3× p75)",
        "consistently_slow" => "consistently slow (p75 > 100ms)",
        _ => "consistent",
    };

    internal static string Ms(double value) => value >= 1000
        ? (value / 1000).ToString("0.##", CultureInfo.InvariantCulture) + "s"
        : value.ToString("0.#", CultureInfo.InvariantCulture) + "ms";
}
