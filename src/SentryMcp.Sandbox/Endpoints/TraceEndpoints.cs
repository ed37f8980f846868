using System.Globalization;

namespace SentryMcp.Sandbox;

/// <summary>Sentry's trace endpoints: <c>trace-meta</c> (counts) and <c>trace</c> (the span tree).</summary>
public static class TraceEndpoints
{
    public static void MapTraceEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/organizations/{org}/trace-meta/{traceId}/", (string org, string traceId, SandboxState state) =>
        {
            lock (state.Gate)
            {
                if (state.Data.Trace(org, traceId) is not { } trace)
                {
                    return SentryErrors.NotFound();
                }
                var spans = trace.Spans;
                return Results.Json(new Dictionary<string, object>
                {
                    ["logs"] = 0,
                    ["errors"] = spans.Sum(s => s.Errors.Count),
                    ["performance_issues"] = trace.PerformanceIssues,
                    ["projects"] = spans.Select(s => s.ProjectSlug).Distinct().Count(),
                    ["transactions"] = spans.Count(s => s.IsTransaction),
                    ["span_count"] = spans.Count,
                    ["transaction_child_count_map"] = spans.Where(s => s.IsTransaction).Select(t => new Dictionary<string, object>
                    {
                        ["transaction.event_id"] = TransactionEventId(trace, t.SpanId),
                        ["count()"] = spans.Count(s => s.SegmentSpanId == t.SpanId),
                    }).ToList(),
                    ["span_count_map"] = spans.GroupBy(s => s.Op).ToDictionary(g => g.Key, g => g.Count()),
                });
            }
        }).RequireScope("event:read");

        api.MapGet("/organizations/{org}/trace/{traceId}/", (string org, string traceId, HttpContext http, SandboxState state) =>
        {
            var limit = http.Request.Query["limit"].FirstOrDefault();
            if (limit is not null && !int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                return SentryErrors.BadRequest("Invalid limit: must be a positive integer.");
            }
            lock (state.Gate)
            {
                if (state.Data.Trace(org, traceId) is not { } trace)
                {
                    return SentryErrors.NotFound();
                }
                var roots = trace.Spans.Where(s => s.ParentSpanId is null || trace.Spans.All(p => p.SpanId != s.ParentSpanId));
                return Results.Json(roots.Select(r => Serialize(state.Data, trace, r)).ToList());
            }
        }).RequireScope("event:read");
    }

    /// <summary>Transactions have 32-hex event ids; derived from the segment span so they stay stable.</summary>
    private static string TransactionEventId(SandboxTrace trace, string segmentSpanId) => segmentSpanId + trace.TraceId[16..];

    private static double Timestamp(SandboxTrace trace, double offsetMs) => (trace.Start.ToUnixTimeMilliseconds() + offsetMs) / 1000.0;

    /// <summary>A span in Sentry's <c>SerializedSpan</c> shape, children nested.</summary>
    private static Dictionary<string, object?> Serialize(DemoData data, SandboxTrace trace, SandboxSpan span)
    {
        var children = trace.Spans.Where(s => s.ParentSpanId == span.SpanId).OrderBy(s => s.OffsetMs).ToList();
        var projectId = long.Parse(data.Project(trace.OrganizationSlug, span.ProjectSlug)?.Id ?? "0", CultureInfo.InvariantCulture);
        var start = Timestamp(trace, span.OffsetMs);
        var end = Timestamp(trace, span.OffsetMs + span.DurationMs);
        var transaction = trace.TransactionOf(span);
        var transactionEventId = TransactionEventId(trace, span.SegmentSpanId);
        return new Dictionary<string, object?>
        {
            ["children"] = children.Select(c => Serialize(data, trace, c)).ToList(),
            ["errors"] = span.Errors.Select(e => new Dictionary<string, object?>
            {
                ["event_id"] = e.EventId,
                ["issue_id"] = long.Parse(e.IssueId, CultureInfo.InvariantCulture),
                ["short_id"] = e.ShortId,
                ["project_id"] = projectId,
                ["project_slug"] = span.ProjectSlug,
                ["title"] = e.Title,
                ["description"] = e.Title,
                ["culprit"] = e.Culprit,
                ["level"] = e.Level,
                ["transaction"] = transaction,
                ["event_type"] = "error",
                ["issue_type"] = "error",
                ["start_timestamp"] = end,
            }).ToList(),
            ["occurrences"] = new List<object>(),
            ["event_id"] = span.IsTransaction ? transactionEventId : span.SpanId,
            ["transaction_id"] = transactionEventId,
            ["project_id"] = projectId,
            ["project_slug"] = span.ProjectSlug,
            ["profile_id"] = data.ProfileIdOf(span.SpanId),
            ["profiler_id"] = "",
            ["parent_span_id"] = span.ParentSpanId,
            ["start_timestamp"] = start,
            ["end_timestamp"] = end,
            ["timestamp"] = end,
            ["measurements"] = new Dictionary<string, double>(),
            ["duration"] = span.DurationMs,
            ["exclusive_time"] = Math.Max(0, span.DurationMs - children.Sum(c => c.DurationMs)),
            ["trace"] = trace.TraceId,
            ["span_id"] = span.SpanId,
            ["op"] = span.Op,
            ["name"] = span.Op,
            ["description"] = span.Description,
            ["transaction"] = transaction,
            ["is_transaction"] = span.IsTransaction,
            ["is_segment"] = span.IsTransaction,
            ["status"] = span.Status,
            ["event_type"] = "span",
            ["sdk_name"] = SdkFor(data, trace, span.ProjectSlug),
            ["same_process_as_parent"] = !span.IsTransaction,
            ["hash"] = null,
            ["organization"] = null,
            ["tags"] = new Dictionary<string, string>(),
            ["data"] = data.SpanData(span.SpanId),
        };
    }

    private static string SdkFor(DemoData data, SandboxTrace trace, string projectSlug) =>
        data.Project(trace.OrganizationSlug, projectSlug)?.Platform switch
        {
            "javascript-react" => "sentry.javascript.react",
            "python-django" => "sentry.python.django",
            "csharp-aspnetcore" => "sentry.dotnet.aspnetcore",
            "react-native" => "sentry.javascript.react-native",
            _ => "sentry",
        };
}
