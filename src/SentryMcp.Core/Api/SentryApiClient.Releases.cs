using System.Text.Json;
using SentryMcp.Core.Api.Models;

namespace SentryMcp.Core.Api;

/// <summary>One release in detail: the release, its health, deploys and commits.</summary>
public sealed partial class SentryApiClient
{
    /// <summary>The release, project-scoped when a project is given (Sentry then adds that project's meta).</summary>
    public async Task<(SentryRelease Release, ReleaseHealth Health)> GetReleaseAsync(string organizationSlug, string version, string? projectSlugOrId, bool includeHealth, string? regionUrl, CancellationToken ct)
    {
        var path = projectSlugOrId is null
            ? ApiPath.Of("organizations", organizationSlug, "releases", version)
            : ApiPath.Of("projects", organizationSlug, projectSlugOrId, "releases", version);
        path = ApiPath.WithQuery(path, ("health", includeHealth ? "1" : null));
        var json = await GetAsync<JsonElement>(path, regionUrl, ct).ConfigureAwait(false);
        var release = json.Deserialize(SentryJson.TypeInfo<SentryRelease>(SentryJson.Options))
            ?? throw new SentryApiException(System.Net.HttpStatusCode.BadGateway, "Sentry answered without a release.", "GET", path);
        var health = json.Deserialize(SentryJson.TypeInfo<ReleaseHealth>(SentryJson.Options)) ?? new ReleaseHealth(null, null, null);
        return (release, health);
    }

    public Task<List<ReleaseDeployDetails>> ListReleaseDeploysAsync(string organizationSlug, string version, string? projectSlugOrId, int limit, string? regionUrl, CancellationToken ct)
    {
        // The deploys endpoint is organization-level; it narrows by numeric id or by slug.
        var projectParameter = projectSlugOrId is not null && projectSlugOrId.All(char.IsAsciiDigit) ? "project" : "projectSlug";
        return GetAsync<List<ReleaseDeployDetails>>(
            ApiPath.WithQuery(ApiPath.Of("organizations", organizationSlug, "releases", version, "deploys"),
                (projectParameter, projectSlugOrId), ("per_page", PerPage(limit))),
            regionUrl, ct);
    }

    public Task<List<ReleaseCommitDetails>> ListReleaseCommitsAsync(string organizationSlug, string version, string? projectSlugOrId, int limit, string? regionUrl, CancellationToken ct)
    {
        var path = projectSlugOrId is null
            ? ApiPath.Of("organizations", organizationSlug, "releases", version, "commits")
            : ApiPath.Of("projects", organizationSlug, projectSlugOrId, "releases", version, "commits");
        return GetAsync<List<ReleaseCommitDetails>>(ApiPath.WithQuery(path, ("per_page", PerPage(limit))), regionUrl, ct);
    }
}
