using System.Globalization;
using System.Text.Json;
using SentryMcp.Core.Api;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Search;

/// <summary>
/// The time series behind an aggregate search: the same aggregates over the whole period in buckets,
/// so a chart can show how they moved. A missing series never fails the search: the table stands alone.
/// </summary>
internal static class EventTimeSeries
{
    /// <summary>Lines drawn per chart; more aggregates than this make a chart nobody can read.</summary>
    public const int MaxSeries = 3;

    /// <summary>About this many buckets at most, so a chart over 90 days stays small.</summary>
    private const int MaxBuckets = 120;

    private static readonly (string Name, int Seconds)[] Intervals =
        [("1m", 60), ("5m", 300), ("15m", 900), ("30m", 1800), ("1h", 3600), ("3h", 10_800), ("12h", 43_200), ("1d", 86_400), ("7d", 604_800)];

    /// <summary>The narrowest bucket that keeps the period within <see cref="MaxBuckets"/>; <c>period</c> is already validated (e.g. 24h, 14d).</summary>
    public static (string Name, int Seconds) IntervalFor(string period)
    {
        var amount = int.Parse(period[..^1], CultureInfo.InvariantCulture);
        long seconds = period[^1] switch { 'm' => 60L, 'h' => 3600L, 'd' => 86_400L, _ => 604_800L } * amount;
        return Intervals.FirstOrDefault(i => seconds / i.Seconds <= MaxBuckets, Intervals[^1]);
    }

    public static async Task<TimeSeriesOutput?> FetchAsync(SentryApiClient api, string org, string dataset, string query, IReadOnlyList<string> fields,
        string period, string? regionUrl, CancellationToken ct)
    {
        var yAxis = fields.Where(EventFields.IsAggregate).Take(MaxSeries).ToList();
        if (yAxis.Count == 0)
        {
            return null;
        }
        var (name, seconds) = IntervalFor(period);
        try
        {
            var stats = await api.GetEventsStatsAsync(org, dataset, query, yAxis, name, period, regionUrl, ct).ConfigureAwait(false);
            var series = Parse(stats, yAxis);
            return series.Count == 0 ? null : new TimeSeriesOutput(seconds, series);
        }
        catch (SentryApiException)
        {
            // The table is the answer; a chart Sentry cannot draw (an unsupported aggregate, a busy region) is left out.
            return null;
        }
    }

    /// <summary>Reads both answer shapes; buckets without a number are kept as gaps (null), not zeros.</summary>
    internal static List<TimeSeriesLineOutput> Parse(JsonElement stats, IReadOnlyList<string> yAxis)
    {
        if (stats.ValueKind != JsonValueKind.Object)
        {
            return [];
        }
        if (stats.Prop("data").ValueKind == JsonValueKind.Array)
        {
            return Line(yAxis[0], stats) is { } single ? [single] : [];
        }
        return [.. yAxis.Select(y => Line(y, stats.Prop(y))).OfType<TimeSeriesLineOutput>()];
    }

    private static TimeSeriesLineOutput? Line(string field, JsonElement series)
    {
        if (series.Prop("data") is not { ValueKind: JsonValueKind.Array } data)
        {
            return null;
        }
        var points = new List<TimeSeriesPointOutput>();
        foreach (var bucket in data.EnumerateArray())
        {
            if (bucket.ValueKind != JsonValueKind.Array || bucket.GetArrayLength() < 2 || !bucket[0].TryGetInt64(out var timestamp))
            {
                continue;
            }
            double? value = null;
            if (bucket[1] is { ValueKind: JsonValueKind.Array } counts && counts.GetArrayLength() > 0
                && counts[0].Prop("count") is { ValueKind: JsonValueKind.Number } count)
            {
                value = count.GetDouble();
            }
            points.Add(new TimeSeriesPointOutput(timestamp, value));
        }
        return points.Count == 0 ? null : new TimeSeriesLineOutput(field, points);
    }

    /// <summary>A line for the text answer, so the model reads what the chart shows.</summary>
    public static string Summary(TimeSeriesOutput series, string interval)
    {
        var parts = series.Series.Select(line =>
        {
            var peak = line.Points.Where(p => p.Value is not null).MaxBy(p => p.Value!.Value);
            var at = peak is null ? null : DateTimeOffset.FromUnixTimeSeconds(peak.Timestamp).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
            return peak is null
                ? $"{Markdown.Code(line.Field)}: no values"
                : $"{Markdown.Code(line.Field)} peaks at {peak.Value!.Value.ToString("#,0.##", CultureInfo.InvariantCulture)} in the bucket of {at}";
        });
        return $"Over time ({series.Series[0].Points.Count} buckets of {interval}): {string.Join("; ", parts)}.";
    }
}
