using System.Text.Json.Nodes;

namespace SentryMcp.Sandbox;

/// <summary>Issue (group) search, details and triage, with Sentry's query syntax and field-error shapes.</summary>
public static class IssueEndpoints
{
    private static readonly string[] Sorts = ["date", "freq", "new", "user", "recommended", "priority", "trends"];
    private static readonly string[] Statuses = ["resolved", "resolvedInNextRelease", "unresolved", "ignored"];
    private static readonly string[] IgnoreSubstatuses = ["archived_until_escalating", "archived_forever", "archived_until_condition_met"];

    public static void MapIssueEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/organizations/{org}/issues/", (HttpContext http, SandboxState state, string org) =>
            List(http, state, org, null)).RequireScope("event:read");

        api.MapGet("/projects/{org}/{project}/issues/", (HttpContext http, SandboxState state, string org, string project) =>
            List(http, state, org, project)).RequireScope("event:read");

        api.MapGet("/organizations/{org}/issues/{issueId}/", (HttpContext http, SandboxState state, string org, string issueId) =>
        {
            lock (state.Gate)
            {
                // Like Sentry's issue details: the tag summary and the event-volume stats of the issue stream.
                return Find(state.Data, org, issueId, out var issue)
                    ?? Results.Json(IssueStats.WithStats(IssueJson.Issue(http, state.Data, issue!, withTags: true), state.Data, issue!));
            }
        }).RequireScope("event:read");

        api.MapPut("/organizations/{org}/issues/{issueId}/", (HttpContext http, SandboxState state, string org, string issueId, JsonObject? body) =>
        {
            lock (state.Gate)
            {
                return Find(state.Data, org, issueId, out var issue) ?? Update(http, state.Data, issue!, body ?? []);
            }
        }).RequireScope("event:write");
    }

    /// <summary>Finds an issue by numeric or short id; returns the 404 to send when there is none.</summary>
    public static IResult? Find(DemoData data, string org, string issueId, out SandboxIssue? issue)
    {
        issue = null;
        if (data.Organization(org) is null)
        {
            return SentryErrors.NotFound("Organization not found");
        }
        issue = data.Issue(org, issueId);
        return issue is null ? SentryErrors.NotFound("Issue not found") : null;
    }

    private static IResult List(HttpContext http, SandboxState state, string org, string? projectSlug)
    {
        var q = http.Request.Query;
        var sort = q["sort"].FirstOrDefault() ?? "date";
        if (!Sorts.Contains(sort))
        {
            return SentryErrors.BadRequest($"Invalid sort: {sort}");
        }
        var period = q["statsPeriod"].FirstOrDefault();
        if (!string.IsNullOrEmpty(period) && SandboxRequests.ParsePeriod(period) is null)
        {
            return SentryErrors.BadRequest($"Invalid statsPeriod: {period}");
        }
        lock (state.Gate)
        {
            var data = state.Data;
            if (data.Organization(org) is null)
            {
                return SentryErrors.NotFound("Organization not found");
            }
            var projectIds = q["project"].Where(p => p is not null && p != "-1").Select(p => p!).ToList();
            if (projectSlug is not null)
            {
                if (data.Project(org, projectSlug) is not { } project)
                {
                    return SentryErrors.NotFound("Project not found");
                }
                projectIds = [project.Id];
            }
            var token = (SandboxToken)http.Items[SentryAuthFilter.TokenItem]!;
            var matches = IssueSearch.Parse(q["query"].FirstOrDefault() ?? "is:unresolved", data, token.UserId);
            var since = SandboxRequests.ParsePeriod(period) is { } span ? data.Now - span : DateTimeOffset.MinValue;
            var issues = data.Issues
                .Where(i => i.OrganizationSlug == org && i.LastSeen >= since)
                .Where(i => projectIds.Count == 0 || projectIds.Contains(data.Project(org, i.ProjectSlug)!.Id))
                .Where(matches);
            issues = sort switch
            {
                "freq" => issues.OrderByDescending(i => i.Count),
                "new" => issues.OrderByDescending(i => i.FirstSeen),
                "user" => issues.OrderByDescending(i => i.UserCount),
                _ => issues.OrderByDescending(i => i.LastSeen),
            };
            return Paging.Page(http, issues.Select(i => IssueStats.WithStats(IssueJson.Issue(http, data, i), data, i)).ToList(), defaultPerPage: 25);
        }
    }

    private static IResult Update(HttpContext http, DemoData data, SandboxIssue issue, JsonObject body)
    {
        var status = Text(body["status"]);
        if (status is not null && !Statuses.Contains(status))
        {
            return SandboxRequests.FieldError("status", $"\"{status}\" is not a valid choice.");
        }
        var substatus = Text(body["substatus"]);
        if (substatus is not null && status == "ignored" && !IgnoreSubstatuses.Contains(substatus))
        {
            return SandboxRequests.FieldError("substatus", $"\"{substatus}\" is not a valid choice.");
        }
        SandboxAssignee? assignee = null;
        var changeAssignee = body.ContainsKey("assignedTo");
        if (changeAssignee && Text(body["assignedTo"]) is { Length: > 0 } actor)
        {
            assignee = ResolveActor(data, issue.OrganizationSlug, actor);
            if (assignee is null)
            {
                return SandboxRequests.FieldError("assignedTo", "Could not parse actor. Format should be `type:id` where type is `team` or `user`.");
            }
        }
        var (ignore, ignoreError) = IgnoreRules.Read(body, data.Now);
        if (ignoreError is not null)
        {
            return ignoreError;
        }
        var oldStatus = issue.InNextRelease ? "resolvedInNextRelease" : issue.Status;
        if (status is not null)
        {
            issue.InNextRelease = status == "resolvedInNextRelease";
            issue.Status = status == "resolvedInNextRelease" ? "resolved" : status;
            issue.Substatus = issue.Status switch
            {
                "ignored" => substatus ?? "archived_until_escalating",
                "unresolved" => "ongoing",
                _ => null,
            };
        }
        if (status == "ignored")
        {
            data.IgnoreDetails[issue.Id] = ignore;
        }
        else if (status is not null)
        {
            data.IgnoreDetails.Remove(issue.Id);
        }
        if (changeAssignee)
        {
            issue.AssignedTo = assignee;
        }
        var token = (SandboxToken)http.Items[SentryAuthFilter.TokenItem]!;
        IssueActivityEndpoints.RecordUpdate(data, issue, token.UserId, oldStatus, status, changeAssignee);
        return Results.Json(IssueJson.Issue(http, data, issue, withTags: true));
    }

    /// <summary>Sentry's actor syntax: <c>user:ID</c>, <c>team:ID</c> (the sandbox also takes a team slug), a username or an email.</summary>
    private static SandboxAssignee? ResolveActor(DemoData data, string org, string actor)
    {
        if (actor.StartsWith("team:", StringComparison.Ordinal))
        {
            var key = actor["team:".Length..];
            var team = data.Teams.FirstOrDefault(t => t.OrganizationSlug == org && (t.Id == key || t.Slug == key));
            return team is null ? null : new SandboxAssignee("team", team.Slug);
        }
        var userKey = actor.StartsWith("user:", StringComparison.Ordinal) ? actor["user:".Length..] : actor;
        var user = data.Users.FirstOrDefault(u => u.Id == userKey || (!actor.StartsWith("user:", StringComparison.Ordinal) && (u.Username == actor || u.Email == actor)));
        return user is null ? null : new SandboxAssignee("user", user.Id);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString();
}
