using SentryMcp.Core.Api.Models;

namespace SentryMcp.Core.Api;

public sealed partial class SentryApiClient
{
    /// <summary>
    /// Organizations across every region the user belongs to. On SaaS each region is asked in turn;
    /// a self-hosted host answers for itself.
    /// </summary>
    public async Task<IReadOnlyList<SentryOrganization>> ListOrganizationsAsync(string? query, int limit, CancellationToken ct)
    {
        var path = ApiPath.WithQuery("organizations/", ("query", query), ("per_page", limit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (!Host.IsSaas)
        {
            return await GetAsync<List<SentryOrganization>>(path, null, ct).ConfigureAwait(false);
        }
        var regions = await GetUserRegionsAsync(ct).ConfigureAwait(false);
        var urls = regions.Regions?.Select(r => r.Url).Where(u => !string.IsNullOrWhiteSpace(u)).Distinct().ToList() ?? [];
        if (urls.Count == 0)
        {
            return await GetAsync<List<SentryOrganization>>(path, null, ct).ConfigureAwait(false);
        }
        var pages = await Task.WhenAll(urls.Select(u => GetAsync<List<SentryOrganization>>(path, u, ct))).ConfigureAwait(false);
        return [.. pages.SelectMany(p => p)];
    }

    public Task<SentryOrganization> GetOrganizationAsync(string organizationSlug, CancellationToken ct) =>
        GetAsync<SentryOrganization>(ApiPath.Of("organizations", organizationSlug), null, ct);
}
