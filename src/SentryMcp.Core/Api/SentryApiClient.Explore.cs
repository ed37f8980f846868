using System.Globalization;
using SentryMcp.Core.Api.Models;

namespace SentryMcp.Core.Api;

public sealed partial class SentryApiClient
{
    /// <summary>Discover (errors) and Explore (spans, logs) rows or aggregates.</summary>
    public Task<EventsResponse> SearchEventsAsync(string organizationSlug, EventsQuery request, string? regionUrl, CancellationToken ct)
    {
        var parameters = new List<(string, string?)>
        {
            ("dataset", request.Dataset),
            ("query", request.Query),
            ("per_page", request.Limit.ToString(CultureInfo.InvariantCulture)),
            ("statsPeriod", request.StatsPeriod),
            ("sort", request.Sort),
            ("project", request.ProjectId),
            ("referrer", "api.mcp.search-events"),
        };
        parameters.AddRange(request.Fields.Select(f => ("field", (string?)f)));
        return GetAsync<EventsResponse>(ApiPath.WithQuery(ApiPath.Of("organizations", organizationSlug, "events"), [.. parameters]), regionUrl, ct);
    }

    /// <summary>Tag keys seen on error events: the searchable fields of the errors dataset beyond the built-in ones.</summary>
    public Task<List<SentryTagKey>> ListEventTagsAsync(string organizationSlug, string? statsPeriod, string? regionUrl, CancellationToken ct) =>
        GetAsync<List<SentryTagKey>>(ApiPath.WithQuery(ApiPath.Of("organizations", organizationSlug, "tags"),
            ("dataset", "events"), ("statsPeriod", statsPeriod), ("useCache", "1")), regionUrl, ct);

    /// <summary>Attributes of spans or logs, by type (<c>string</c> or <c>number</c>).</summary>
    public Task<List<TraceItemAttribute>> ListTraceItemAttributesAsync(string organizationSlug, string itemType, string attributeType, string? statsPeriod, string? regionUrl, CancellationToken ct) =>
        GetAsync<List<TraceItemAttribute>>(ApiPath.WithQuery(ApiPath.Of("organizations", organizationSlug, "trace-items", "attributes"),
            ("itemType", itemType), ("attributeType", attributeType), ("statsPeriod", statsPeriod)), regionUrl, ct);
}
