using System.Globalization;

namespace SentryMcp.Sandbox;

/// <summary>
/// Sentry's <c>events-stats</c>: aggregates of the events table in time buckets over the period,
/// zero-filled. One <c>yAxis</c> answers <c>{"data": [[ts, [{"count": v}]], …]}</c>; several answer
/// an object keyed by each <c>yAxis</c> with the same shape inside.
/// </summary>
public static class ExploreStatsEndpoints
{
    /// <summary>Sentry refuses a period/interval pair that would give more points than this.</summary>
    private const int MaxBuckets = 10_000;

    public static void MapExploreStatsEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/organizations/{org}/events-stats/", (HttpContext http, SandboxState state, string org) =>
        {
            var q = http.Request.Query;
            lock (state.Gate)
            {
                if (state.Data.Organization(org) is null)
                {
                    return SentryErrors.NotFound();
                }
                if (ExploreEndpoints.Dataset(state.Data, q["dataset"].FirstOrDefault() ?? "errors") is not { } dataset)
                {
                    return SentryErrors.BadRequest($"Invalid dataset: {q["dataset"]}. Use errors, spans, logs, profiles or tracemetrics.");
                }
                var yAxis = q["yAxis"].Where(y => !string.IsNullOrWhiteSpace(y)).Select(y => y!.Trim()).Distinct().ToList();
                if (yAxis.Count == 0)
                {
                    yAxis.Add("count()");
                }
                var period = SandboxRequests.ParsePeriod(q["statsPeriod"].FirstOrDefault() ?? "14d");
                var interval = SandboxRequests.ParsePeriod(q["interval"].FirstOrDefault() ?? "1h");
                if (period is null || interval is null || interval.Value <= TimeSpan.Zero)
                {
                    return SentryErrors.BadRequest($"Invalid statsPeriod or interval: {q["statsPeriod"]}, {q["interval"]}");
                }
                var step = (long)interval.Value.TotalSeconds;
                var end = state.Data.Now.ToUnixTimeSeconds();
                var start = (end - (long)period.Value.TotalSeconds) / step * step;
                if ((end - start) / step > MaxBuckets)
                {
                    return SentryErrors.BadRequest("Your interval and date range would create too many results. Use a larger interval, or a smaller date range.");
                }
                try
                {
                    var search = new ExploreSearch(dataset, q["query"].FirstOrDefault());
                    var rows = dataset.Rows
                        .Where(r => r.Organization == org)
                        .Select(r => (At: ((DateTimeOffset)r.Values["timestamp"]!).ToUnixTimeSeconds(), r.Values))
                        .Where(r => r.At >= start && r.At <= end && search.Matches(r.Values))
                        .ToLookup(r => (r.At - start) / step, r => r.Values);
                    var series = yAxis.ToDictionary(y => y, y => Series(dataset, rows, y, start, end, step));
                    if (yAxis.Count == 1)
                    {
                        return Results.Json(series[yAxis[0]]);
                    }
                    var order = 0;
                    return Results.Json(series.ToDictionary(s => s.Key, s => (object)new Dictionary<string, object?>(s.Value) { ["order"] = order++ }));
                }
                catch (ExploreQueryException ex)
                {
                    return SentryErrors.BadRequest(ex.Message);
                }
            }
        }).RequireScope("event:read", "org:read");
    }

    private static Dictionary<string, object?> Series(ExploreDataset dataset, ILookup<long, Dictionary<string, object?>> rows, string yAxis, long start, long end, long step)
    {
        var data = new List<object[]>();
        for (var (bucket, at) = (0L, start); at <= end; bucket++, at += step)
        {
            var value = rows[bucket].ToList() is { Count: > 0 } inBucket ? ExploreTable.AggregateOf(dataset, inBucket, yAxis) : 0;
            data.Add([at, new[] { new Dictionary<string, object?> { ["count"] = value is null ? 0 : Convert.ToDouble(value, CultureInfo.InvariantCulture) } }]);
        }
        // Refuse a bad yAxis even when no row falls in the period.
        ExploreTable.AggregateOf(dataset, [], yAxis);
        return new Dictionary<string, object?>
        {
            ["data"] = data,
            ["start"] = start,
            ["end"] = end,
            ["isMetricsData"] = false,
            ["meta"] = new Dictionary<string, object?> { ["fields"] = new Dictionary<string, string> { [yAxis] = yAxis.StartsWith("count", StringComparison.Ordinal) ? "integer" : "number" } },
        };
    }
}
