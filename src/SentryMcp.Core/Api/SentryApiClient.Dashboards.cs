using System.Globalization;
using SentryMcp.Core.Api.Models;

namespace SentryMcp.Core.Api;

/// <summary>Dashboards: saved widget definitions of an organization.</summary>
public sealed partial class SentryApiClient
{
    public Task<(List<SentryDashboardSummary> Value, string? NextCursor)> ListDashboardsAsync(
        string organizationSlug, string? titleQuery, string sort, int limit, string? cursor, string? regionUrl, CancellationToken ct) =>
        GetPageAsync<List<SentryDashboardSummary>>(
            ApiPath.WithQuery(ApiPath.Of("organizations", organizationSlug, "dashboards"),
                ("per_page", Math.Clamp(limit, 1, 100).ToString(CultureInfo.InvariantCulture)),
                ("query", titleQuery), ("sort", sort), ("cursor", cursor)),
            regionUrl, ct);

    public Task<SentryDashboard> GetDashboardAsync(string organizationSlug, string dashboardId, string? regionUrl, CancellationToken ct) =>
        GetAsync<SentryDashboard>(ApiPath.Of("organizations", organizationSlug, "dashboards", dashboardId), regionUrl, ct);
}
