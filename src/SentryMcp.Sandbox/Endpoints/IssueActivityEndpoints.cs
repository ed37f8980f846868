using System.Text.Json.Nodes;

namespace SentryMcp.Sandbox;

/// <summary>An issue's activity feed, notes (comments), user reports and per-tag value distribution.</summary>
public static class IssueActivityEndpoints
{
    public static void MapIssueActivityEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/organizations/{org}/issues/{issueId}/activities/", (SandboxState state, string org, string issueId) =>
        {
            lock (state.Gate)
            {
                return IssueEndpoints.Find(state.Data, org, issueId, out var issue)
                    ?? Results.Json(new { activity = ActivitiesOf(state.Data, issue!).Select(a => Activity(state.Data, a)).ToList() });
            }
        }).RequireScope("event:read");

        api.MapGet("/organizations/{org}/issues/{issueId}/notes/", (HttpContext http, SandboxState state, string org, string issueId) =>
        {
            lock (state.Gate)
            {
                return IssueEndpoints.Find(state.Data, org, issueId, out var issue)
                    ?? Paging.Page(http, ActivitiesOf(state.Data, issue!).Where(a => a.Type == "note").Select(a => Activity(state.Data, a)).ToList());
            }
        }).RequireScope("event:read");

        api.MapPost("/organizations/{org}/issues/{issueId}/notes/", async (HttpContext http, SandboxState state, string org, string issueId) =>
        {
            var (body, error) = await SandboxRequests.ReadObjectAsync(http);
            if (error is not null)
            {
                return error;
            }
            var token = (SandboxToken)http.Items[SentryAuthFilter.TokenItem]!;
            lock (state.Gate)
            {
                return IssueEndpoints.Find(state.Data, org, issueId, out var issue) ?? AddNote(state.Data, issue!, token.UserId, body!);
            }
        }).RequireScope("event:write");

        api.MapGet("/organizations/{org}/issues/{issueId}/user-reports/", (HttpContext http, SandboxState state, string org, string issueId) =>
        {
            lock (state.Gate)
            {
                return IssueEndpoints.Find(state.Data, org, issueId, out var issue)
                    ?? Paging.Page(http, state.Data.UserReports.Where(r => r.IssueId == issue!.Id).OrderByDescending(r => r.DateCreated).Select(UserReport).ToList());
            }
        }).RequireScope("event:read");

        api.MapGet("/organizations/{org}/issues/{issueId}/tags/{key}/", (SandboxState state, string org, string issueId, string key) =>
        {
            lock (state.Gate)
            {
                if (IssueEndpoints.Find(state.Data, org, issueId, out var issue) is { } notFound)
                {
                    return notFound;
                }
                var tag = state.Data.AllTags(issue!).FirstOrDefault(t => t.Key == key);
                return tag is null ? SentryErrors.NotFound() : Results.Json(TagValues(issue!, tag));
            }
        }).RequireScope("event:read");
    }

    private static IEnumerable<SandboxActivity> ActivitiesOf(DemoData data, SandboxIssue issue) =>
        data.Activities.Where(a => a.IssueId == issue.Id).OrderByDescending(a => a.DateCreated).ThenByDescending(a => int.Parse(a.Id, System.Globalization.CultureInfo.InvariantCulture));

    private static IResult AddNote(DemoData data, SandboxIssue issue, string userId, JsonObject body)
    {
        if (body["text"] is not JsonValue value || !value.TryGetValue<string>(out var text))
        {
            return SandboxRequests.FieldError("text", "This field is required.");
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return SandboxRequests.FieldError("text", "This field may not be blank.");
        }
        // Sentry refuses the same comment twice from the same user, which stops accidental double posts.
        if (data.Activities.Any(a => a.IssueId == issue.Id && a.Type == "note" && a.UserId == userId && (string?)a.Data["text"] == text))
        {
            return SentryErrors.BadRequest("You have already posted that comment.");
        }
        var note = data.AddActivity(issue.Id, "note", userId, DateTimeOffset.UtcNow, new JsonObject { ["text"] = text });
        return Results.Json(Activity(data, note), statusCode: 201);
    }

    /// <summary>Records what an issue PUT changed, as Sentry's activity feed shows it.</summary>
    public static void RecordUpdate(DemoData data, SandboxIssue issue, string userId, string? oldStatus, string? newStatus, bool assigneeChanged)
    {
        var now = DateTimeOffset.UtcNow;
        if (newStatus is not null && newStatus != oldStatus)
        {
            var type = newStatus switch { "resolved" => issue.InNextRelease ? "set_resolved_in_release" : "set_resolved", "ignored" => "set_ignored", _ => "set_unresolved" };
            var details = newStatus == "ignored" && data.IgnoreDetails.TryGetValue(issue.Id, out var ignore) ? DemoData.Clone(ignore) : [];
            data.AddActivity(issue.Id, type, userId, now, details);
        }
        if (assigneeChanged)
        {
            data.AddActivity(issue.Id, issue.AssignedTo is null ? "unassigned" : "assigned", userId, now, issue.AssignedTo switch
            {
                { Type: "user" } a => new JsonObject { ["assignee"] = a.Id, ["assigneeType"] = "user", ["assigneeName"] = data.Users.First(u => u.Id == a.Id).Name, ["assigneeEmail"] = data.Users.First(u => u.Id == a.Id).Email },
                { } a => new JsonObject { ["assignee"] = a.Id, ["assigneeType"] = "team", ["assigneeName"] = a.Id },
                null => [],
            });
        }
    }

    private static object Activity(DemoData data, SandboxActivity a)
    {
        var user = a.UserId is null ? null : data.Users.FirstOrDefault(u => u.Id == a.UserId);
        return new
        {
            id = a.Id,
            user = user is null ? null : new { id = user.Id, name = user.Name, username = user.Username, email = user.Email },
            sentry_app = (object?)null,
            type = a.Type,
            data = a.Data,
            dateCreated = a.DateCreated,
        };
    }

    private static object UserReport(SandboxUserReport r) => new
    {
        id = r.Id,
        eventID = r.EventId,
        name = r.Name,
        email = r.Email,
        comments = r.Comments,
        dateCreated = r.DateCreated,
        user = r.Email.Length == 0 ? null : new { id = (string?)null, username = (string?)null, email = r.Email, name = r.Name, ipAddress = (string?)null, avatarUrl = (string?)null },
        @event = new { id = r.EventId, eventID = r.EventId },
    };

    /// <summary>Spreads first/last seen over the issue's lifetime: the most common value was seen first and last.</summary>
    private static object TagValues(SandboxIssue issue, SandboxTagSummary tag)
    {
        var span = issue.LastSeen - issue.FirstSeen;
        return new
        {
            key = tag.Key,
            name = tag.Name,
            totalValues = tag.TopValues.Sum(v => v.Count),
            topValues = tag.TopValues.OrderByDescending(v => v.Count).Select((v, i) => new
            {
                key = tag.Key,
                name = v.Value,
                value = v.Value,
                count = v.Count,
                firstSeen = issue.FirstSeen + span * (i / 10.0),
                lastSeen = issue.LastSeen - span * (i / 10.0),
            }).ToArray(),
        };
    }
}
