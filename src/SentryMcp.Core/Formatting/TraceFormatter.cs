using System.Globalization;
using SentryMcp.Core.Api;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Formatting;

/// <summary>
/// Renders a trace overview: summary, errors, slowest spans, a breakdown by operation and a compact
/// tree of the most significant spans. Shared by get_trace_details and get_sentry_resource.
/// </summary>
public static class TraceFormatter
{
    /// <summary>Lines in the span tree; a trace can hold thousands of spans, an overview must not.</summary>
    public const int MaxTreeNodes = 15;

    /// <summary>Identical siblings (same op and description) from this count on are one line: the N+1 pattern.</summary>
    private const int RepeatThreshold = 3;

    private const int MaxOperations = 12;
    private const int MaxSlowestSpans = 5;

    /// <summary>Spans listed for a waterfall: the fetch limit, so a view draws every span that was fetched.</summary>
    public const int MaxWaterfallSpans = 1000;

    private const int MaxWaterfallDescription = 200;

    public static (string Markdown, TraceOutput Data) Format(string organizationSlug, string traceId, TraceMeta meta, IReadOnlyList<TraceNode> trace, SentryHost host)
    {
        var roots = trace.Where(n => n.IsSpan).ToList();
        var spans = Flatten(roots).ToList();
        var errors = CollectErrors(trace, spans);
        var spanCount = Math.Max(meta.SpanCountValue, spans.Count);
        var projects = spans.Select(s => s.ProjectSlug).Where(p => !string.IsNullOrEmpty(p)).Distinct().ToList();

        var md = new Markdown().Title($"Trace {Markdown.Code(traceId)} in **{organizationSlug}**")
            .Heading("Summary")
            .Field("Total Spans", spanCount.ToString(CultureInfo.InvariantCulture))
            .Field("Projects", projects.Count == 0 ? null : string.Join(", ", projects))
            .Field("Duration", TraceDuration(roots) is { } duration ? Ms(duration) : null)
            .Field("Root", roots.Count == 0 ? null : string.Join("; ", roots.Select(r => $"{r.Op} {Label(r)} ({r.ProjectSlug})")))
            .Field("Errors", Math.Max(meta.ErrorCountValue, errors.Count).ToString(CultureInfo.InvariantCulture))
            .Field("Performance Issues", meta.PerformanceIssueCountValue.ToString(CultureInfo.InvariantCulture))
            .Field("Sentry URL", host.TraceUrl(organizationSlug, traceId))
            .Line();

        md.Heading("Errors");
        if (errors.Count == 0)
        {
            md.Paragraph("No errors in this trace.");
        }
        foreach (var (error, span) in errors)
        {
            var issue = error.ShortId ?? error.IssueId;
            var where = span is null ? "" : $" in {Markdown.Code($"{span.Op} {Label(span)}")}";
            md.Bullet($"**{issue ?? "Unknown issue"}**: {error.Title ?? error.Description ?? "(no title)"} ({error.ProjectSlug}){where}" +
                (error.EventId is null ? "" : $", event {Markdown.Code(error.EventId)}") +
                (issue is null ? "" : $" — {Markdown.Link("open issue", host.IssueUrl(organizationSlug, issue))}"));
        }
        md.Line();

        if (spans.Count > 0)
        {
            md.Heading("Slowest Spans (own time)");
            foreach (var span in spans.OrderByDescending(SelfTime).Take(MaxSlowestSpans))
            {
                md.Bullet($"{Markdown.Code(span.Op ?? "unknown")} {Label(span)} ({span.ProjectSlug}): {Ms(SelfTime(span))} own, {Ms(span.DurationMs)} total{SpanIdSuffix(span)}");
            }
            md.Line().Heading("Operation Breakdown")
                .Line("| Operation | Spans | Total | Average |")
                .Line("|---|---:|---:|---:|");
            foreach (var group in spans.GroupBy(s => s.Op ?? "unknown").OrderByDescending(g => g.Sum(s => s.DurationMs)).Take(MaxOperations))
            {
                md.Line($"| {group.Key} | {group.Count()} | {Ms(group.Sum(s => s.DurationMs))} | {Ms(group.Average(s => s.DurationMs))} |");
            }
            md.Line().Heading("Span Tree");
            var shown = RenderTree(md, roots);
            md.Line().Paragraph(shown >= spans.Count
                ? $"*All {spans.Count} spans shown.*"
                : $"*Showing the {shown} most significant of {spans.Count} spans; {spans.Count - shown} shorter spans were left out. Use `search_events` with query `trace:{traceId}` on the spans dataset to list them all.*");
        }
        else
        {
            md.Paragraph("No spans were returned for this trace.");
        }

        var hints = new List<string>();
        hints.AddRange(errors.Select(e => e.Error.ShortId ?? e.Error.IssueId).OfType<string>().Distinct().Take(3)
            .Select(id => $"Inspect error {id}: `get_issue_details(organizationSlug='{organizationSlug}', issueId='{id}')`, or ask Seer with `analyze_issue_with_seer`."));
        hints.Add($"List every span: `search_events(organizationSlug='{organizationSlug}', dataset='spans', query='trace:{traceId}')`.");
        hints.Add($"Inspect one span (attributes, errors, children): `get_span_details(organizationSlug='{organizationSlug}', traceId='{traceId}', spanId='<spanId>')`.");
        hints.Add("Repeated identical child spans (shown as `N×`) usually point to an N+1 query or a loop of calls.");
        var data = new TraceOutput(traceId, spanCount, [.. projects.OfType<string>()], TraceDuration(roots),
            Math.Max(meta.ErrorCountValue, errors.Count), meta.PerformanceIssueCountValue,
            [.. errors.Select(e => ErrorOutput(e.Error, e.Span))],
            [.. spans.OrderByDescending(SelfTime).Take(MaxSlowestSpans).Select(SpanOutputOf)],
            FocusedSpan: null, host.TraceUrl(organizationSlug, traceId),
            WaterfallSpans(spans), spanCount > Math.Min(spans.Count, MaxWaterfallSpans));
        return (md.UsingThisInformation([.. hints]).ToString(), data);
    }

    internal static SpanOutput SpanOutputOf(TraceNode span) => new(
        span.SpanId ?? "", span.ParentSpanId, span.ProjectSlug, span.Op, span.Description ?? span.Name ?? span.Transaction,
        span.DurationMs, SelfTime(span), span.Status,
        [.. (span.Errors ?? []).Select(e => e.ShortId ?? e.IssueId ?? e.EventId).OfType<string>()]);

    /// <summary>The spans on one time axis: offsets from the earliest start, so a view needs no clock arithmetic.</summary>
    private static List<TraceSpanOutput> WaterfallSpans(List<TraceNode> spans)
    {
        var starts = spans.Where(s => s.StartTimestamp is not null).Select(s => s.StartTimestamp!.Value).ToList();
        double? origin = starts.Count == 0 ? null : starts.Min();
        return [.. spans.Take(MaxWaterfallSpans).Select(span => new TraceSpanOutput(
            span.SpanId ?? "", span.ParentSpanId, span.Op,
            (span.Description ?? span.Name ?? span.Transaction) is { } text ? Markdown.Truncate(text, MaxWaterfallDescription) : null,
            span.ProjectSlug,
            span.StartTimestamp is { } start && origin is { } first ? Math.Round((start - first) * 1000, 3) : null,
            Math.Round(span.DurationMs, 3), span.Status, span.Errors is { Count: > 0 }))];
    }

    internal static TraceErrorOutput ErrorOutput(TraceError error, TraceNode? span) =>
        new(error.ShortId ?? error.IssueId, error.Title ?? error.Description, error.ProjectSlug ?? span?.ProjectSlug, error.EventId, span?.SpanId);

    internal static IEnumerable<TraceNode> Flatten(IEnumerable<TraceNode> nodes)
    {
        foreach (var node in nodes)
        {
            yield return node;
            foreach (var child in Flatten(node.ChildSpans))
            {
                yield return child;
            }
        }
    }

    private static List<(TraceError Error, TraceNode? Span)> CollectErrors(IReadOnlyList<TraceNode> trace, List<TraceNode> spans)
    {
        var errors = spans.SelectMany(s => (s.Errors ?? []).Select(e => (e, (TraceNode?)s))).ToList();
        errors.AddRange(trace.Where(n => !n.IsSpan && (n.IssueId is not null || n.Title is not null))
            .Select(n => (new TraceError { IssueId = n.IssueId, Title = n.Title, EventId = n.EventId, ProjectSlug = n.ProjectSlug, Culprit = n.Culprit }, (TraceNode?)null)));
        return errors;
    }

    private static double? TraceDuration(List<TraceNode> roots)
    {
        var all = Flatten(roots).Where(s => s.StartTimestamp is not null && s.EndTimestamp is not null).ToList();
        if (all.Count > 0)
        {
            return (all.Max(s => s.EndTimestamp!.Value) - all.Min(s => s.StartTimestamp!.Value)) * 1000;
        }
        return roots.Count == 0 ? null : roots.Max(r => r.DurationMs);
    }

    /// <summary>Time not covered by child spans: where a slow trace really spends its time.</summary>
    internal static double SelfTime(TraceNode span) => Math.Max(0, span.DurationMs - span.ChildSpans.Sum(c => c.DurationMs));

    internal static string Label(TraceNode span) =>
        Markdown.Truncate((span.Description ?? span.Name ?? span.Transaction ?? "(no description)").ReplaceLineEndings(" "), 160);

    /// <summary>The span ID at the end of a line, so the reader can pass it to get_span_details.</summary>
    private static string SpanIdSuffix(TraceNode span) => string.IsNullOrEmpty(span.SpanId) ? "" : $" · span {Markdown.Code(span.SpanId)}";

    internal static string Ms(double value) => value.ToString("#,0", CultureInfo.InvariantCulture) + "ms";

    /// <summary>
    /// A line of the tree: one span, or a run of identical siblings. Lines are picked by significance
    /// (transactions and errors first, then duration) and kept with their ancestors so the tree reads.
    /// </summary>
    private sealed record TreeLine(TraceNode First, int Count, double TotalMs, TreeLine? Parent)
    {
        public List<TreeLine> Children { get; } = [];
        public bool HasErrors => First.Errors is { Count: > 0 };
        public double Significance => (HasErrors ? 1e9 : 0) + (First.IsTransaction == true ? 1e8 : 0) + TotalMs;
    }

    internal static int RenderTree(Markdown md, List<TraceNode> roots, int maxNodes = MaxTreeNodes)
    {
        var lines = new List<TreeLine>();
        var top = roots.Select(r => Build(r, null, lines)).ToList();
        var selected = new HashSet<TreeLine>();
        foreach (var line in lines.OrderByDescending(l => l.Significance))
        {
            var chain = new List<TreeLine>();
            for (var current = line; current is not null && !selected.Contains(current); current = current.Parent)
            {
                chain.Add(current);
            }
            if (selected.Count + chain.Count <= maxNodes)
            {
                selected.UnionWith(chain);
            }
        }
        var shown = 0;
        void Render(TreeLine line, int depth)
        {
            if (!selected.Contains(line))
            {
                return;
            }
            shown += line.Count;
            var span = line.First;
            var text = line.Count > 1
                ? $"**{line.Count}× {span.Op}** {Label(span)} ({span.ProjectSlug}) · {Ms(line.TotalMs)} total, {Ms(line.TotalMs / line.Count)} each"
                : $"**{span.Op ?? "unknown"}** {Label(span)} ({span.ProjectSlug}) · {Ms(span.DurationMs)}" +
                  (span.Status is { } status && status != "ok" ? $" · status {status}" : "") +
                  (line.HasErrors ? $" · errors: {string.Join(", ", span.Errors!.Select(e => e.ShortId ?? e.IssueId ?? e.EventId))}" : "") +
                  SpanIdSuffix(span);
            md.Bullet(text, depth);
            foreach (var child in line.Children)
            {
                Render(child, depth + 1);
            }
        }
        foreach (var root in top)
        {
            Render(root, 0);
        }
        return shown;
    }

    private static TreeLine Build(TraceNode span, TreeLine? parent, List<TreeLine> all)
    {
        var line = new TreeLine(span, 1, span.DurationMs, parent);
        all.Add(line);
        var children = span.ChildSpans.OrderBy(c => c.StartTimestamp ?? 0).ToList();
        foreach (var group in children.GroupBy(c => (c.Op, c.Description)))
        {
            var members = group.ToList();
            if (members.Count >= RepeatThreshold && members.All(m => m.ChildSpans.Count() == 0 && m.Errors is not { Count: > 0 }))
            {
                var repeated = new TreeLine(members[0], members.Count, members.Sum(m => m.DurationMs), line);
                all.Add(repeated);
                line.Children.Add(repeated);
                continue;
            }
            line.Children.AddRange(members.Select(m => Build(m, line, all)));
        }
        line.Children.Sort((a, b) => (a.First.StartTimestamp ?? 0).CompareTo(b.First.StartTimestamp ?? 0));
        return line;
    }
}
