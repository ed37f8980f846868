using System.ComponentModel;

namespace SentryMcp.Core.Tools.Output;

/// <summary>A span as tools return it in <c>structuredContent</c>.</summary>
public sealed record SpanOutput(
    string SpanId,
    string? ParentSpanId,
    string? Project,
    string? Op,
    string? Description,
    [property: Description("Wall time of the span in milliseconds.")] double DurationMs,
    [property: Description("Time not covered by child spans, in milliseconds.")] double SelfTimeMs,
    string? Status,
    [property: Description("Short ids (or ids) of the issues whose errors happened in this span.")] IReadOnlyList<string> ErrorIssues);

/// <summary>One span of a trace as a waterfall draws it: where it sits on the trace's time axis and how long it took.</summary>
public sealed record TraceSpanOutput(
    string SpanId,
    string? ParentSpanId,
    string? Op,
    [property: Description("The span's description, cut to 200 characters.")] string? Description,
    string? Project,
    [property: Description("Milliseconds from the trace's first span start to this span's start; null when Sentry gave no timestamps.")] double? StartMs,
    double DurationMs,
    string? Status,
    [property: Description("An error event happened in this span.")] bool HasError);

/// <summary>An error event inside a trace.</summary>
public sealed record TraceErrorOutput(string? Issue, string? Title, string? Project, string? EventId, string? SpanId);

/// <summary>One span in depth: its attributes, errors and direct children.</summary>
public sealed record SpanDetailsOutput(
    string TraceId,
    SpanOutput Span,
    [property: Description("The span's data and tags, as text.")] IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<TraceErrorOutput> Errors,
    IReadOnlyList<SpanOutput> Children,
    [property: Description("All spans below this one, at any depth.")] int DescendantCount,
    string? ProfileId,
    string Url);

/// <summary>A trace overview.</summary>
public sealed record TraceOutput(
    string TraceId,
    int SpanCount,
    IReadOnlyList<string> Projects,
    double? DurationMs,
    int ErrorCount,
    int PerformanceIssueCount,
    IReadOnlyList<TraceErrorOutput> Errors,
    [property: Description("The spans with the most own time, slowest first.")] IReadOnlyList<SpanOutput> SlowestSpans,
    [property: Description("Set when the call focused on one span (spanId).")] SpanDetailsOutput? FocusedSpan,
    string Url,
    [property: Description("Every fetched span in tree order (parents before children, siblings by start), up to 1,000.")] IReadOnlyList<TraceSpanOutput> Spans,
    [property: Description("The trace has more spans than Spans lists (SpanCount is the total).")] bool SpansTruncated);
