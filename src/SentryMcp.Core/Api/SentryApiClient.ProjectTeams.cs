using SentryMcp.Core.Api.Models;

namespace SentryMcp.Core.Api;

/// <summary>Which teams have access to a project.</summary>
public sealed partial class SentryApiClient
{
    /// <summary>Projects have a handful of teams; this bounds the pages one listing may follow.</summary>
    private const int MaxProjectTeamPages = 10;

    public async Task<List<SentryTeam>> ListProjectTeamsAsync(string organizationSlug, string projectSlug, string? regionUrl, CancellationToken ct)
    {
        var teams = new List<SentryTeam>();
        string? cursor = null;
        for (var page = 0; page < MaxProjectTeamPages; page++)
        {
            var (items, next) = await GetPageAsync<List<SentryTeam>>(
                ApiPath.WithQuery(ApiPath.Of("projects", organizationSlug, projectSlug, "teams"), ("per_page", "100"), ("cursor", cursor)),
                regionUrl, ct).ConfigureAwait(false);
            teams.AddRange(items);
            if (next is null || next == cursor)
            {
                break;
            }
            cursor = next;
        }
        return teams;
    }

    public Task AddTeamToProjectAsync(string organizationSlug, string projectSlug, string teamSlug, string? regionUrl, CancellationToken ct) =>
        SendIgnoringBodyAsync(HttpMethod.Post, ApiPath.Of("projects", organizationSlug, projectSlug, "teams", teamSlug), new { }, regionUrl, ct);

    public Task RemoveTeamFromProjectAsync(string organizationSlug, string projectSlug, string teamSlug, string? regionUrl, CancellationToken ct) =>
        SendIgnoringBodyAsync(HttpMethod.Delete, ApiPath.Of("projects", organizationSlug, projectSlug, "teams", teamSlug), null, regionUrl, ct);

    /// <summary>For writes whose answer we do not read (Sentry sends the project back, or nothing): success is the status.</summary>
    private async Task SendIgnoringBodyAsync(HttpMethod method, string path, object? body, string? regionUrl, CancellationToken ct)
    {
        using var response = await SendCoreAsync(method, path, body, regionUrl, ct).ConfigureAwait(false);
    }
}
