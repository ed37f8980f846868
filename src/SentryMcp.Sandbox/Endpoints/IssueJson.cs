using System.Globalization;
using System.Text.Json.Nodes;

namespace SentryMcp.Sandbox;

/// <summary>Sentry's JSON shapes for issues (groups), events and attachments. Callers hold <c>state.Gate</c>.</summary>
public static class IssueJson
{
    public static object Issue(HttpContext http, DemoData data, SandboxIssue issue, bool withTags = false)
    {
        var project = data.Project(issue.OrganizationSlug, issue.ProjectSlug)!;
        return new
        {
            id = issue.Id,
            shortId = issue.ShortId,
            title = issue.Title,
            culprit = issue.Culprit,
            permalink = $"{SandboxState.BaseUrl(http)}organizations/{issue.OrganizationSlug}/issues/{issue.Id}/",
            logger = (string?)null,
            level = issue.Level,
            status = issue.Status,
            statusDetails = IgnoreRules.StatusDetails(data, issue),
            substatus = issue.Substatus,
            isPublic = false,
            platform = issue.Platform,
            project = new { id = project.Id, name = project.Name, slug = project.Slug, platform = project.Platform },
            type = issue.IssueCategory == "error" ? "error" : "transaction",
            metadata = new { type = issue.MetadataType, value = issue.MetadataValue, filename = issue.MetadataFilename, function = issue.MetadataFunction },
            numComments = data.Activities.Count(a => a.IssueId == issue.Id && a.Type == "note"),
            assignedTo = Assignee(data, issue),
            isBookmarked = false,
            isSubscribed = true,
            hasSeen = true,
            issueType = issue.IssueType,
            issueCategory = issue.IssueCategory,
            priority = issue.Priority,
            isUnhandled = issue.IsUnhandled,
            count = issue.Count.ToString(CultureInfo.InvariantCulture),
            userCount = issue.UserCount,
            firstSeen = issue.FirstSeen,
            lastSeen = issue.LastSeen,
            tags = withTags
                ? issue.Tags.Select(t => new
                {
                    key = t.Key,
                    name = t.Name,
                    totalValues = t.TopValues.Sum(v => v.Count),
                    topValues = t.TopValues.Select(v => new { key = t.Key, value = v.Value, name = v.Value, count = v.Count }).ToArray(),
                }).ToArray()
                : null,
        };
    }

    public static object? Assignee(DemoData data, SandboxIssue issue)
    {
        switch (issue.AssignedTo)
        {
            case { Type: "user" } a:
                var user = data.Users.First(u => u.Id == a.Id);
                return new { type = "user", id = user.Id, name = user.Name, email = user.Email };
            case { Type: "team" } a:
                var team = data.Teams.First(t => t.OrganizationSlug == issue.OrganizationSlug && t.Slug == a.Id);
                return new { type = "team", id = team.Id, name = team.Slug }; // Sentry sends no email for teams
            default:
                return null;
        }
    }

    /// <summary>The full event, as the issue-event and project-event endpoints return it.</summary>
    public static JsonObject Event(DemoData data, SandboxIssue issue, SandboxEvent ev, bool full = true)
    {
        var json = DemoData.Clone(ev.Payload);
        var project = data.Project(issue.OrganizationSlug, issue.ProjectSlug)!;
        json["id"] = ev.EventId;
        json["eventID"] = ev.EventId;
        json["groupID"] = issue.Id;
        json["projectID"] = project.Id;
        json["projectSlug"] = project.Slug;
        json["dateCreated"] = SentryTimestamps.Format(ev.DateCreated);
        json["dateReceived"] = SentryTimestamps.Format(ev.DateCreated.AddSeconds(1));
        if (full)
        {
            var ordered = data.EventsOf(issue.Id).ToList();
            var index = ordered.FindIndex(e => e.EventId == ev.EventId);
            json["previousEventID"] = index + 1 < ordered.Count ? ordered[index + 1].EventId : null;
            json["nextEventID"] = index > 0 ? ordered[index - 1].EventId : null;
        }
        else
        {
            json.Remove("entries");
            json.Remove("contexts");
        }
        return json;
    }

    public static object Attachment(SandboxAttachment a) => new
    {
        id = a.Id,
        name = a.Name,
        type = "event.attachment",
        size = a.Content.Length,
        mimetype = a.MimeType,
        dateCreated = a.DateCreated,
        sha1 = Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(a.Content)),
        headers = new Dictionary<string, string> { ["Content-Type"] = a.MimeType },
        event_id = a.EventId,
    };
}
