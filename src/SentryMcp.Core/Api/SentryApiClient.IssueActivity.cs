using System.Globalization;
using SentryMcp.Core.Api.Models;

namespace SentryMcp.Core.Api;

/// <summary>An issue's activity feed, notes, user reports, tag distributions and event list.</summary>
public sealed partial class SentryApiClient
{
    public async Task<IReadOnlyList<IssueActivity>> GetIssueActivityAsync(string organizationSlug, string issueId, string? regionUrl, CancellationToken ct)
    {
        var list = await GetAsync<IssueActivityList>(ApiPath.Of("organizations", organizationSlug, "issues", issueId, "activities"), regionUrl, ct).ConfigureAwait(false);
        return list.Activity ?? [];
    }

    /// <summary>The issue's comments (Sentry calls them notes), newest first.</summary>
    public async Task<IReadOnlyList<IssueActivity>> ListIssueNotesAsync(string organizationSlug, string issueId, int limit, string? regionUrl, CancellationToken ct) =>
        await GetAsync<List<IssueActivity>>(ApiPath.WithQuery(ApiPath.Of("organizations", organizationSlug, "issues", issueId, "notes"),
            ("per_page", limit.ToString(CultureInfo.InvariantCulture))), regionUrl, ct).ConfigureAwait(false);

    /// <summary>Posts a comment to the issue's activity feed; Sentry answers with the new note.</summary>
    public Task<IssueActivity> CreateIssueNoteAsync(string organizationSlug, string issueId, string text, string? regionUrl, CancellationToken ct) =>
        SendJsonAsync<IssueActivity>(HttpMethod.Post, ApiPath.Of("organizations", organizationSlug, "issues", issueId, "notes"), new Dictionary<string, string> { ["text"] = text }, regionUrl, ct);

    public async Task<(IReadOnlyList<UserReport> Reports, string? NextCursor)> ListIssueUserReportsAsync(
        string organizationSlug, string issueId, int limit, string? cursor, string? regionUrl, CancellationToken ct)
    {
        var path = ApiPath.WithQuery(ApiPath.Of("organizations", organizationSlug, "issues", issueId, "user-reports"),
            ("per_page", limit.ToString(CultureInfo.InvariantCulture)), ("cursor", cursor));
        var (reports, next) = await GetPageAsync<List<UserReport>>(path, regionUrl, ct).ConfigureAwait(false);
        return (reports, next);
    }

    public Task<IssueTagDistribution> GetIssueTagValuesAsync(string organizationSlug, string issueId, string tagKey, string? regionUrl, CancellationToken ct) =>
        GetAsync<IssueTagDistribution>(ApiPath.Of("organizations", organizationSlug, "issues", issueId, "tags", tagKey), regionUrl, ct);

    /// <summary>Events of one issue matching a Sentry event query, newest first unless <paramref name="sort"/> says otherwise.</summary>
    public async Task<(IReadOnlyList<SentryEvent> Events, string? NextCursor)> ListIssueEventsAsync(
        string organizationSlug, string issueId, string? query, string? sort, string? statsPeriod, int limit, string? cursor, string? regionUrl, CancellationToken ct)
    {
        var path = ApiPath.WithQuery(ApiPath.Of("organizations", organizationSlug, "issues", issueId, "events"),
            ("query", query),
            ("per_page", limit.ToString(CultureInfo.InvariantCulture)),
            ("sort", sort),
            ("statsPeriod", statsPeriod),
            ("full", "true"),
            ("cursor", cursor));
        var (events, next) = await GetPageAsync<List<SentryEvent>>(path, regionUrl, ct).ConfigureAwait(false);
        return (events, next);
    }
}
