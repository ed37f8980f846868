namespace SentryMcp.Sandbox;

/// <summary>Events of issues, event-id lookup and event attachments (metadata and download).</summary>
public static class EventEndpoints
{
    public static void MapEventEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/organizations/{org}/issues/{issueId}/events/", (HttpContext http, SandboxState state, string org, string issueId) =>
            IssueEventSearch.List(http, state, org, issueId)).RequireScope("event:read");

        api.MapGet("/organizations/{org}/issues/{issueId}/events/{eventId}/", (SandboxState state, string org, string issueId, string eventId) =>
        {
            lock (state.Gate)
            {
                if (IssueEndpoints.Find(state.Data, org, issueId, out var issue) is { } notFound)
                {
                    return notFound;
                }
                var events = state.Data.EventsOf(issue!.Id);
                var ev = eventId switch
                {
                    "latest" => events.FirstOrDefault(),
                    "oldest" => events.LastOrDefault(),
                    _ => events.FirstOrDefault(e => e.EventId == Normalize(eventId)),
                };
                return ev is null ? SentryErrors.NotFound("Event not found") : Results.Json(IssueJson.Event(state.Data, issue, ev));
            }
        }).RequireScope("event:read");

        api.MapGet("/projects/{org}/{project}/events/{eventId}/", (SandboxState state, string org, string project, string eventId) =>
        {
            lock (state.Gate)
            {
                return FindProjectEvent(state.Data, org, project, eventId, out var issue, out var ev)
                    ?? Results.Json(IssueJson.Event(state.Data, issue!, ev!));
            }
        }).RequireScope("event:read");

        api.MapGet("/organizations/{org}/eventids/{eventId}/", (SandboxState state, string org, string eventId) =>
        {
            lock (state.Gate)
            {
                var data = state.Data;
                if (data.Organization(org) is null)
                {
                    return SentryErrors.NotFound("Organization not found");
                }
                var ev = data.Events.FirstOrDefault(e => e.EventId == Normalize(eventId));
                var issue = ev is null ? null : data.Issues.FirstOrDefault(i => i.Id == ev.IssueId && i.OrganizationSlug == org);
                if (issue is null)
                {
                    return SentryErrors.NotFound("An event with this ID could not be found.");
                }
                return Results.Json(new
                {
                    organizationSlug = org,
                    projectSlug = issue.ProjectSlug,
                    groupId = issue.Id,
                    eventId = ev!.EventId,
                    @event = IssueJson.Event(data, issue, ev),
                });
            }
        }).RequireScope("event:read");

        api.MapGet("/projects/{org}/{project}/events/{eventId}/attachments/", (HttpContext http, SandboxState state, string org, string project, string eventId) =>
        {
            lock (state.Gate)
            {
                return FindProjectEvent(state.Data, org, project, eventId, out _, out var ev)
                    ?? Paging.Page(http, state.Data.Attachments.Where(a => a.EventId == ev!.EventId).Select(IssueJson.Attachment).ToList());
            }
        }).RequireScope("event:read");

        api.MapGet("/projects/{org}/{project}/events/{eventId}/attachments/{attachmentId}/",
            (SandboxState state, string org, string project, string eventId, string attachmentId, string? download) =>
        {
            lock (state.Gate)
            {
                if (FindProjectEvent(state.Data, org, project, eventId, out _, out var ev) is { } notFound)
                {
                    return notFound;
                }
                var attachment = state.Data.Attachments.FirstOrDefault(a => a.EventId == ev!.EventId && a.Id == attachmentId);
                if (attachment is null)
                {
                    return SentryErrors.NotFound("Attachment not found");
                }
                return download is null or "0" or "false"
                    ? Results.Json(IssueJson.Attachment(attachment))
                    : Results.File(attachment.Content, attachment.MimeType, attachment.Name);
            }
        }).RequireScope("event:read");
    }

    private static IResult? FindProjectEvent(DemoData data, string org, string projectSlug, string eventId, out SandboxIssue? issue, out SandboxEvent? ev)
    {
        issue = null;
        ev = null;
        if (data.Organization(org) is null)
        {
            return SentryErrors.NotFound("Organization not found");
        }
        if (data.Project(org, projectSlug) is not { } project)
        {
            return SentryErrors.NotFound("Project not found");
        }
        var id = Normalize(eventId);
        var found = data.Events.FirstOrDefault(e => e.EventId == id);
        var owner = found is null ? null : data.Issues.FirstOrDefault(i => i.Id == found.IssueId);
        if (owner is null || owner.OrganizationSlug != org || owner.ProjectSlug != project.Slug)
        {
            return SentryErrors.NotFound("Event not found");
        }
        issue = owner;
        ev = found;
        return null;
    }

    /// <summary>Sentry accepts event ids with or without dashes, in any case.</summary>
    private static string Normalize(string eventId) => eventId.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
}
