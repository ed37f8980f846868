using System.Globalization;
using SentryMcp.Core.Api.Models;

namespace SentryMcp.Core.Api;

public sealed partial class SentryApiClient
{
    /// <summary>
    /// Issues matching a Sentry search query. A project slug goes through the project endpoint; a numeric
    /// project id through the organization endpoint's <c>project</c> filter, as Sentry's UI does.
    /// </summary>
    public async Task<(IReadOnlyList<SentryIssue> Issues, bool HasMore)> ListIssuesAsync(
        string organizationSlug, string? projectSlugOrId, string query, string sort, int limit, string? statsPeriod, string? regionUrl, CancellationToken ct)
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
            ("project", isProjectId ? projectSlugOrId : null));
        var (issues, next) = await GetPageAsync<List<SentryIssue>>(path, regionUrl, ct).ConfigureAwait(false);
        return (issues, next is not null);
    }

    /// <summary>One issue by numeric id or short id (e.g. <c>PROJECT-123</c>).</summary>
    public Task<SentryIssue> GetIssueAsync(string organizationSlug, string issueId, string? regionUrl, CancellationToken ct) =>
        GetAsync<SentryIssue>(ApiPath.Of("organizations", organizationSlug, "issues", issueId), regionUrl, ct);

    /// <summary>An event of an issue; <paramref name="eventId"/> may be <c>latest</c>.</summary>
    public Task<SentryEvent> GetIssueEventAsync(string organizationSlug, string issueId, string eventId, string? regionUrl, CancellationToken ct) =>
        GetAsync<SentryEvent>(ApiPath.Of("organizations", organizationSlug, "issues", issueId, "events", eventId), regionUrl, ct);

    /// <summary>Which project and issue an event id belongs to.</summary>
    public Task<EventIdLookup> LookupEventIdAsync(string organizationSlug, string eventId, string? regionUrl, CancellationToken ct) =>
        GetAsync<EventIdLookup>(ApiPath.Of("organizations", organizationSlug, "eventids", eventId), regionUrl, ct);

    /// <summary>Changes status and/or assignee; only the fields given are sent.</summary>
    public Task<SentryIssue> UpdateIssueAsync(string organizationSlug, string issueId, IReadOnlyDictionary<string, object?> changes, string? regionUrl, CancellationToken ct) =>
        SendJsonAsync<SentryIssue>(HttpMethod.Put, ApiPath.Of("organizations", organizationSlug, "issues", issueId), changes, regionUrl, ct);

    public async Task<IReadOnlyList<EventAttachment>> ListEventAttachmentsAsync(string organizationSlug, string projectSlug, string eventId, string? regionUrl, CancellationToken ct) =>
        await GetAsync<List<EventAttachment>>(ApiPath.Of("projects", organizationSlug, projectSlug, "events", eventId, "attachments"), regionUrl, ct).ConfigureAwait(false);

    public Task<EventAttachment> GetEventAttachmentAsync(string organizationSlug, string projectSlug, string eventId, string attachmentId, string? regionUrl, CancellationToken ct) =>
        GetAsync<EventAttachment>(ApiPath.Of("projects", organizationSlug, projectSlug, "events", eventId, "attachments", attachmentId), regionUrl, ct);

    public Task<(byte[] Bytes, string? ContentType)> DownloadEventAttachmentAsync(string organizationSlug, string projectSlug, string eventId, string attachmentId, string? regionUrl, CancellationToken ct) =>
        GetBytesAsync(ApiPath.WithQuery(ApiPath.Of("projects", organizationSlug, projectSlug, "events", eventId, "attachments", attachmentId), ("download", "1")), regionUrl, ct);
}
