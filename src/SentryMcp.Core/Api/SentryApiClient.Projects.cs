using System.Globalization;
using SentryMcp.Core.Api.Models;

namespace SentryMcp.Core.Api;

/// <summary>Teams, projects, client keys (DSNs) and releases.</summary>
public sealed partial class SentryApiClient
{
    public Task<List<SentryTeam>> ListTeamsAsync(string organizationSlug, string? query, int limit, string? regionUrl, CancellationToken ct) =>
        GetAsync<List<SentryTeam>>(
            ApiPath.WithQuery(ApiPath.Of("organizations", organizationSlug, "teams"), ("per_page", PerPage(limit)), ("query", query)),
            regionUrl, ct);

    public Task<SentryTeam> CreateTeamAsync(string organizationSlug, string name, string? regionUrl, CancellationToken ct) =>
        SendJsonAsync<SentryTeam>(HttpMethod.Post, ApiPath.Of("organizations", organizationSlug, "teams"), new Dictionary<string, string> { ["name"] = name }, regionUrl, ct);

    public Task<List<SentryProject>> ListProjectsAsync(string organizationSlug, string? query, int limit, string? regionUrl, CancellationToken ct) =>
        GetAsync<List<SentryProject>>(
            ApiPath.WithQuery(ApiPath.Of("organizations", organizationSlug, "projects"), ("per_page", PerPage(limit)), ("query", query)),
            regionUrl, ct);

    public Task<SentryProject> CreateProjectAsync(string organizationSlug, string teamSlug, string name, string? slug, string? platform, string? regionUrl, CancellationToken ct) =>
        SendJsonAsync<SentryProject>(HttpMethod.Post, ApiPath.Of("teams", organizationSlug, teamSlug, "projects"),
            new ProjectChanges(name, slug, platform), regionUrl, ct);

    /// <summary>PUT with only the fields that change: absent fields are left alone by Sentry.</summary>
    public Task<SentryProject> UpdateProjectAsync(string organizationSlug, string projectSlug, string? name, string? slug, string? platform, string? regionUrl, CancellationToken ct) =>
        SendJsonAsync<SentryProject>(HttpMethod.Put, ApiPath.Of("projects", organizationSlug, projectSlug),
            new ProjectChanges(name, slug, platform), regionUrl, ct);

    public Task<List<SentryClientKey>> ListClientKeysAsync(string organizationSlug, string projectSlug, string? regionUrl, CancellationToken ct) =>
        GetAsync<List<SentryClientKey>>(ApiPath.Of("projects", organizationSlug, projectSlug, "keys"), regionUrl, ct);

    public Task<SentryClientKey> CreateClientKeyAsync(string organizationSlug, string projectSlug, string name, string? regionUrl, CancellationToken ct) =>
        SendJsonAsync<SentryClientKey>(HttpMethod.Post, ApiPath.Of("projects", organizationSlug, projectSlug, "keys"), new Dictionary<string, string> { ["name"] = name }, regionUrl, ct);

    /// <summary>Releases of an organization, or of one project when <paramref name="projectSlug"/> is given.</summary>
    public Task<List<SentryRelease>> ListReleasesAsync(string organizationSlug, string? projectSlug, string? query, int limit, string? regionUrl, CancellationToken ct)
    {
        var path = projectSlug is null
            ? ApiPath.Of("organizations", organizationSlug, "releases")
            : ApiPath.Of("projects", organizationSlug, projectSlug, "releases");
        return GetAsync<List<SentryRelease>>(ApiPath.WithQuery(path, ("query", query), ("per_page", PerPage(limit))), regionUrl, ct);
    }

    private static string PerPage(int limit) => Math.Clamp(limit, 1, 100).ToString(CultureInfo.InvariantCulture);

    internal sealed record ProjectChanges(string? Name, string? Slug, string? Platform);

    /// <summary>
    /// The numeric id of a project given by slug or id, for the endpoints that filter by
    /// <c>project=&lt;id&gt;</c> (profiling, explore, alert rules, uptime, AI conversations).
    /// </summary>
    public async Task<string> ResolveProjectIdAsync(string organizationSlug, string projectSlugOrId, string? regionUrl, CancellationToken ct) =>
        projectSlugOrId.All(char.IsAsciiDigit)
            ? projectSlugOrId
            : (await GetAsync<SentryProject>(ApiPath.Of("projects", organizationSlug, projectSlugOrId), regionUrl, ct).ConfigureAwait(false)).Id;
}
