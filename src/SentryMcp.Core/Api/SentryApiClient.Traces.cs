using System.Globalization;
using SentryMcp.Core.Api.Models;

namespace SentryMcp.Core.Api;

public sealed partial class SentryApiClient
{
    /// <summary>Sentry only looks this far back for a trace; the official server uses the same window.</summary>
    private const string TraceStatsPeriod = "14d";

    public Task<TraceMeta> GetTraceMetaAsync(string organizationSlug, string traceId, string? regionUrl, CancellationToken ct) =>
        GetAsync<TraceMeta>(
            ApiPath.WithQuery(ApiPath.Of("organizations", organizationSlug, "trace-meta", traceId), ("statsPeriod", TraceStatsPeriod)),
            regionUrl, ct);

    /// <summary>The trace tree: root spans with nested children, plus standalone issues.</summary>
    public Task<List<TraceNode>> GetTraceAsync(string organizationSlug, string traceId, int limit, string? regionUrl, CancellationToken ct) =>
        GetAsync<List<TraceNode>>(
            ApiPath.WithQuery(ApiPath.Of("organizations", organizationSlug, "trace", traceId),
                ("limit", limit.ToString(CultureInfo.InvariantCulture)), ("project", "-1"), ("statsPeriod", TraceStatsPeriod)),
            regionUrl, ct);
}
