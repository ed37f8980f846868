using System.Globalization;
using SentryMcp.Core.Api.Models;

namespace SentryMcp.Core.Api;

/// <summary>
/// Lists that page with Sentry's cursors: each answers one page and the cursor of the next
/// (null on the last page), so tools can hand the cursor back to the caller.
/// </summary>
public sealed partial class SentryApiClient
{
    /// <summary>
    /// Organizations across every region the user belongs to. Sentry pages organizations by offset,
    /// so on SaaS the same cursor is sent to every region and the next page exists while any region has one.
    /// </summary>
    public async Task<(IReadOnlyList<SentryOrganization> Items, string? NextCursor)> ListOrganizationsPageAsync(string? query, int limit, string? cursor, CancellationToken ct)
    {
        var path = ApiPath.WithQuery("organizations/", ("query", query), ("per_page", PerPage(limit)), ("cursor", cursor));
        var urls = new List<string?>();
        if (Host.IsSaas)
        {
            var regions = await GetUserRegionsAsync(ct).ConfigureAwait(false);
            urls.AddRange(regions.Regions?.Select(r => r.Url).Where(u => !string.IsNullOrWhiteSpace(u)).Distinct() ?? []);
        }
        if (urls.Count == 0)
        {
            urls.Add(null);
        }
        var pages = await Task.WhenAll(urls.Select(u => GetPageAsync<List<SentryOrganization>>(path, u, ct))).ConfigureAwait(false);
        return ([.. pages.SelectMany(p => p.Value)], pages.Select(p => p.NextCursor).FirstOrDefault(c => c is not null));
    }

    public async Task<(IReadOnlyList<SentryProject> Items, string? NextCursor)> ListProjectsPageAsync(
        string organizationSlug, string? query, int limit, string? cursor, string? regionUrl, CancellationToken ct) =>
        await GetPageAsync<List<SentryProject>>(
            ApiPath.WithQuery(ApiPath.Of("organizations", organizationSlug, "projects"), ("per_page", PerPage(limit)), ("query", query), ("cursor", cursor)),
            regionUrl, ct).ConfigureAwait(false);

    public async Task<(IReadOnlyList<SentryTeam> Items, string? NextCursor)> ListTeamsPageAsync(
        string organizationSlug, string? query, int limit, string? cursor, string? regionUrl, CancellationToken ct) =>
        await GetPageAsync<List<SentryTeam>>(
            ApiPath.WithQuery(ApiPath.Of("organizations", organizationSlug, "teams"), ("per_page", PerPage(limit)), ("query", query), ("cursor", cursor)),
            regionUrl, ct).ConfigureAwait(false);

    /// <summary>One page of <see cref="ListIssuesAsync"/>, from <paramref name="cursor"/> on.</summary>
    public async Task<(IReadOnlyList<SentryIssue> Items, string? NextCursor)> ListIssuesPageAsync(
        string organizationSlug, string? projectSlugOrId, string query, string sort, int limit, string? statsPeriod, string? cursor, string? regionUrl, CancellationToken ct)
    {
        var isProjectId = projectSlugOrId is not null && projectSlugOrId.All(char.IsAsciiDigit);
        var basePath = projectSlugOrId is null || isProjectId
            ? ApiPath.Of("organizations", organizationSlug, "issues")
            : ApiPath.Of("projects", organizationSlug, projectSlugOrId, "issues");
        var path = ApiPath.WithQuery(basePath,
            ("query", query),
            ("sort", sort),
            ("limit", limit.ToString(CultureInfo.InvariantCulture)),
            ("statsPeriod", statsPeriod),
            ("project", isProjectId ? projectSlugOrId : null),
            ("cursor", cursor));
        return await GetPageAsync<List<SentryIssue>>(path, regionUrl, ct).ConfigureAwait(false);
    }
}
