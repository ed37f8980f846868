using System.Text.Json.Serialization;

namespace SentryMcp.Core.Api.Models;

/// <summary>
/// <c>GET /organizations/{org}/trace-meta/{traceId}/</c>. Sentry has served both snake_case and
/// camelCase names for these counts; both are read and <see cref="SpanCountValue"/> and friends pick one.
/// </summary>
public sealed record TraceMeta
{
    [JsonPropertyName("span_count")] public double? SpanCount { get; init; }
    [JsonPropertyName("spansCount")] public double? SpansCount { get; init; }
    [JsonPropertyName("errors")] public double? Errors { get; init; }
    [JsonPropertyName("errorsCount")] public double? ErrorsCount { get; init; }
    [JsonPropertyName("performance_issues")] public double? PerformanceIssues { get; init; }
    [JsonPropertyName("performanceIssuesCount")] public double? PerformanceIssuesCount { get; init; }
    [JsonPropertyName("logs")] public double? Logs { get; init; }
    [JsonPropertyName("span_count_map")] public Dictionary<string, double>? SpanCountMap { get; init; }

    public int SpanCountValue => (int)(SpanCount ?? SpansCount ?? 0);
    public int ErrorCountValue => (int)(Errors ?? ErrorsCount ?? 0);
    public int PerformanceIssueCountValue => (int)(PerformanceIssues ?? PerformanceIssuesCount ?? 0);
}

/// <summary>
/// One element of <c>GET /organizations/{org}/trace/{traceId}/</c>: a span with its children, or a
/// standalone issue that Sentry could not attach to a span (then only the issue fields are set).
/// </summary>
public sealed record TraceNode
{
    [JsonPropertyName("children")] public List<TraceNode>? Children { get; init; }
    [JsonPropertyName("errors")] public List<TraceError>? Errors { get; init; }
    [JsonPropertyName("event_id")] public string? EventId { get; init; }
    [JsonPropertyName("span_id")] public string? SpanId { get; init; }
    [JsonPropertyName("parent_span_id")] public string? ParentSpanId { get; init; }
    [JsonPropertyName("project_slug")] public string? ProjectSlug { get; init; }
    [JsonPropertyName("start_timestamp")] public double? StartTimestamp { get; init; }
    [JsonPropertyName("end_timestamp")] public double? EndTimestamp { get; init; }
    [JsonPropertyName("duration")] public double? Duration { get; init; }
    [JsonPropertyName("transaction")] public string? Transaction { get; init; }
    [JsonPropertyName("is_transaction")] public bool? IsTransaction { get; init; }
    [JsonPropertyName("op")] public string? Op { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("status")] public string? Status { get; init; }
    [JsonPropertyName("exclusive_time")] public double? ExclusiveTime { get; init; }
    [JsonPropertyName("event_type")] public string? EventType { get; init; }
    [JsonPropertyName("sdk_name")] public string? SdkName { get; init; }
    [JsonPropertyName("profile_id")] public string? ProfileId { get; init; }
    [JsonPropertyName("tags")] public Dictionary<string, System.Text.Json.JsonElement>? Tags { get; init; }
    [JsonPropertyName("data")] public Dictionary<string, System.Text.Json.JsonElement>? Data { get; init; }
    [JsonPropertyName("measurements")] public Dictionary<string, System.Text.Json.JsonElement>? Measurements { get; init; }

    // Standalone issue fields.
    [JsonPropertyName("issue_id")] public string? IssueId { get; init; }
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("culprit")] public string? Culprit { get; init; }

    public bool IsSpan => Children is not null && Duration is not null;

    public IEnumerable<TraceNode> ChildSpans => Children?.Where(c => c.IsSpan) ?? [];

    /// <summary>Span duration in milliseconds, from <c>duration</c> or the timestamps.</summary>
    public double DurationMs => Duration ?? ((EndTimestamp - StartTimestamp) * 1000 ?? 0);
}

/// <summary>An error event attached to a span of a trace.</summary>
public sealed record TraceError
{
    [JsonPropertyName("event_id")] public string? EventId { get; init; }
    [JsonPropertyName("issue_id")] public string? IssueId { get; init; }
    [JsonPropertyName("short_id")] public string? ShortId { get; init; }
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("level")] public string? Level { get; init; }
    [JsonPropertyName("project_slug")] public string? ProjectSlug { get; init; }
    [JsonPropertyName("culprit")] public string? Culprit { get; init; }
    [JsonPropertyName("transaction")] public string? Transaction { get; init; }
}
