using SentryMcp.Core.Api;
using SentryMcp.Core.Api.Models;

namespace SentryMcp.Core.Tools;

/// <summary>
/// The issue an issue deep-dive tool works on, from <c>issueUrl</c> or <c>organizationSlug</c> + <c>issueId</c>.
/// The issue is read first so that a session pinned to an organization or project cannot reach
/// another one's issue, and so that answers can name it by its short id.
/// </summary>
internal static class IssueScope
{
    public static async Task<(string Org, SentryIssue Issue)> ResolveAsync(SentryToolContext context, string? organizationSlug, string? issueId,
        string? issueUrl, string? regionUrl, CancellationToken ct)
    {
        var (org, id) = IssueReference.Resolve(organizationSlug, issueId, issueUrl, context.Host);
        if (context.Constraints.OrganizationSlug is { } pinnedOrg && pinnedOrg != org)
        {
            throw new UserInputException($"The issue belongs to organization '{org}', but this session is limited to '{pinnedOrg}'.");
        }
        var issue = await context.Api.GetIssueAsync(org, id, regionUrl, ct).ConfigureAwait(false);
        if (context.Constraints.ProjectSlug is { } pinned && issue.Project?.Slug is { } project && project != pinned)
        {
            throw new UserInputException($"Issue {issue.DisplayId} belongs to project '{project}', but this session is limited to project '{pinned}'.");
        }
        return (org, issue);
    }

    /// <summary><c>latest</c> (the default) or a 32-hex event id; anything else is refused before Sentry is asked.</summary>
    public static string EventIdOrLatest(string? eventId)
    {
        var value = string.IsNullOrWhiteSpace(eventId) ? "latest" : eventId.Trim();
        return value == "latest" || SentryUrl.IsEventId(value)
            ? value
            : throw new UserInputException($"'{eventId}' is not a valid eventId: use 'latest' or an event ID of 32 hexadecimal characters.");
    }

    /// <summary>An event of the issue; an unknown event id becomes an input error that says how to recover.</summary>
    public static async Task<SentryEvent> EventAsync(SentryToolContext context, string org, SentryIssue issue, string eventId, string? regionUrl, CancellationToken ct)
    {
        try
        {
            return await context.Api.GetIssueEventAsync(org, issue.Id, eventId, regionUrl, ct).ConfigureAwait(false);
        }
        catch (SentryApiException ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            throw new UserInputException(eventId == "latest"
                ? $"Issue {issue.DisplayId} has no events left (they may have aged out of retention)."
                : $"Event {eventId} was not found in issue {issue.DisplayId}. Omit eventId for the latest event, or list its events with search_issue_events.");
        }
    }
}
