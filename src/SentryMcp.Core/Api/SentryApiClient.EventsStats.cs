using System.Text.Json;

namespace SentryMcp.Core.Api;

public sealed partial class SentryApiClient
{
    /// <summary>
    /// <c>GET /organizations/{org}/events-stats/</c>: aggregates in time buckets. Sentry answers one
    /// <c>yAxis</c> as <c>{"data": [[ts, [{"count": n}]], …]}</c> and several as an object keyed by each.
    /// </summary>
    public Task<JsonElement> GetEventsStatsAsync(string organizationSlug, string dataset, string query, IReadOnlyList<string> yAxis, string interval,
        string statsPeriod, string? regionUrl, CancellationToken ct)
    {
        var parameters = new List<(string, string?)>
        {
            ("dataset", dataset),
            ("query", query),
            ("interval", interval),
            ("statsPeriod", statsPeriod),
            ("referrer", "api.mcp.search-events.timeseries"),
        };
        parameters.AddRange(yAxis.Select(y => ("yAxis", (string?)y)));
        return GetAsync<JsonElement>(ApiPath.WithQuery(ApiPath.Of("organizations", organizationSlug, "events-stats"), [.. parameters]), regionUrl, ct);
    }
}
