using System.ComponentModel;
using System.Text.Json;

namespace SentryMcp.Core.Tools.Output;

/// <summary>The rows of an events search (or the replays of a replay search), as Sentry returned them.</summary>
public sealed record EventSearchOutput(
    [property: Description("errors, spans, logs, metrics, profiles or replays.")] string Dataset,
    [property: Description("The Sentry search query that ran.")] string Query,
    [property: Description("The query came from natural language through the language model.")] bool Translated,
    IReadOnlyList<string> Fields,
    string? Sort,
    string Period,
    [property: Description("One object per row: field → value.")] IReadOnlyList<IReadOnlyDictionary<string, JsonElement>> Rows,
    [property: Description("The limit was reached: more rows may match.")] bool HasMore,
    [property: Description("Why the text was used as Sentry syntax when it was not translated, if it matters.")] string? Note,
    [property: Description("For aggregate searches: the aggregates over the period in time buckets (not per group); null for row searches or when Sentry gave no series.")] TimeSeriesOutput? TimeSeries = null);

/// <summary>One bucket of a time series: its start (Unix seconds) and the aggregate's value in it.</summary>
public sealed record TimeSeriesPointOutput(long Timestamp, double? Value);

/// <summary>One aggregate over time.</summary>
public sealed record TimeSeriesLineOutput([property: Description("The aggregate, e.g. count() or p95(span.duration).")] string Field, IReadOnlyList<TimeSeriesPointOutput> Points);

/// <summary>The aggregates of an aggregate search over the whole period, in equal buckets (Sentry's events-stats).</summary>
public sealed record TimeSeriesOutput([property: Description("Bucket width in seconds.")] int IntervalSeconds, IReadOnlyList<TimeSeriesLineOutput> Series);
