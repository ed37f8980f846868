using System.Text.Json.Nodes;

namespace SentryMcp.Sandbox;

/// <summary>An entry of an issue's activity feed; <c>note</c> entries are its comments.</summary>
public sealed class SandboxActivity
{
    public required string Id { get; init; }
    public required string IssueId { get; init; }
    public required string Type { get; init; }
    /// <summary>Null when Sentry itself acted (first seen, escalation).</summary>
    public string? UserId { get; init; }
    public required JsonObject Data { get; init; }
    public required DateTimeOffset DateCreated { get; init; }
}

/// <summary>What a user wrote in the crash-report dialog about one event.</summary>
public sealed class SandboxUserReport
{
    public required string Id { get; init; }
    public required string IssueId { get; init; }
    public required string EventId { get; init; }
    public required string Name { get; init; }
    public required string Email { get; init; }
    public required string Comments { get; init; }
    public required DateTimeOffset DateCreated { get; init; }
}

/// <summary>
/// Issue deep-dive data: activity with comments, user reports, tag distributions beyond the
/// summary on the issue, and a thread list on the mobile crash. Ignore rules set through the
/// issue PUT are kept here too, so that a following read shows them.
/// </summary>
public sealed partial class DemoData
{
    public List<SandboxActivity> Activities { get; } = [];
    public List<SandboxUserReport> UserReports { get; } = [];

    /// <summary>Tag values per issue for the keys the issue summary does not carry (os, url, user…).</summary>
    public Dictionary<string, List<SandboxTagSummary>> ExtraIssueTags { get; } = [];

    /// <summary>Sentry's <c>statusDetails</c> of ignored issues, by issue id.</summary>
    public Dictionary<string, JsonObject> IgnoreDetails { get; } = [];

    public SandboxActivity AddActivity(string issueId, string type, string? userId, DateTimeOffset at, JsonObject? data = null)
    {
        var activity = new SandboxActivity { Id = NextId(), IssueId = issueId, Type = type, UserId = userId, Data = data ?? [], DateCreated = at };
        Activities.Add(activity);
        return activity;
    }

    /// <summary>Every tag of an issue: the summary's and the extra ones.</summary>
    public IEnumerable<SandboxTagSummary> AllTags(SandboxIssue issue) =>
        issue.Tags.Concat(ExtraIssueTags.GetValueOrDefault(issue.Id) ?? []);

    private void SeedIssueDeepDive()
    {
        foreach (var issue in Issues)
        {
            AddActivity(issue.Id, "first_seen", null, issue.FirstSeen);
        }
        AddActivity(DemoIds.NoneTypeIssueId, "set_escalating", null, Now.AddDays(-2), new JsonObject { ["forecast"] = 120 });
        AddActivity(DemoIds.NoneTypeIssueId, "assigned", "2", Now.AddDays(-1), Assigned("1", "user", "Jane Doe", "jane@acme.example"));
        AddActivity(DemoIds.NoneTypeIssueId, "note", UserId, Now.AddHours(-20), Note("Profiles are missing for users created by the SSO import. Checking with the identity team."));
        AddActivity(DemoIds.NoneTypeIssueId, "note", "2", Now.AddHours(-3), Note("Reproduced on staging with user 48213; a migration that backfills profiles is in review."));
        AddActivity(DemoIds.UndefinedMapIssueId, "assigned", UserId, Now.AddDays(-2), Assigned(Teams.First(t => t.Slug == "frontend").Id, "team", "frontend", null));
        AddActivity(DemoIds.UndefinedMapIssueId, "note", "2", Now.AddDays(-1), Note("Happens when the orders API answers 204 for an empty page: data.orders is undefined then."));
        AddActivity(DemoIds.NetworkIssueId, "assigned", UserId, Now.AddDays(-5), Assigned("2", "user", "Sam Lee", "sam@acme.example"));
        AddActivity(DemoIds.NetworkIssueId, "set_resolved", "2", Now.AddDays(-2));
        AddActivity(DemoIds.NetworkIssueId, "note", "2", Now.AddDays(-2).AddMinutes(1), Note("Fixed by retrying with backoff in mobile-app 5.0.3."));
        AddActivity("7007", "set_ignored", UserId, Now.AddDays(-1), new JsonObject { ["ignoreUntilEscalating"] = true });
        IgnoreDetails["7007"] = new JsonObject { ["ignoreUntilEscalating"] = true };
        AddActivity("7007", "note", UserId, Now.AddDays(-1).AddMinutes(1), Note("The sales report runs nightly; the slow query is tracked in REPORTS-412."));

        AddUserReport(DemoIds.NoneTypeIssueId, DemoIds.NoneTypeEventId, "Maria Schmidt", "maria@customer.example",
            "I clicked on my profile after logging in with the company SSO and got an error page.", Now.AddMinutes(-11));
        AddUserReport(DemoIds.NoneTypeIssueId, "b1b2c3d4e5f6478990a1b2c3d4e5f601", "", "",
            "Profile page is broken again", Now.AddHours(-9).AddMinutes(2));
        AddUserReport(DemoIds.UndefinedMapIssueId, DemoIds.UndefinedMapEventId, "Li Wei", "li@customer.example",
            "The orders page went blank when I pressed 'load more'.", Now.AddMinutes(-58));
        AddUserReport(DemoIds.UndefinedMapIssueId, DemoIds.UndefinedMapEventId, "Tom Berg", "tom@customer.example",
            "White screen on Orders, Safari.", Now.AddMinutes(-50));
        AddUserReport(DemoIds.UndefinedMapIssueId, "b1b2c3d4e5f6478990a1b2c3d4e5f602", "Ana Costa", "ana@customer.example",
            "Can't see my past orders, the list never shows up.", Now.AddDays(-3).AddMinutes(3));
        AddUserReport(DemoIds.NetworkIssueId, DemoIds.NetworkEventId, "Sven", "sven@customer.example",
            "App says network failed on the train, then worked again.", Now.AddDays(-2).AddMinutes(1));

        ExtraIssueTags[DemoIds.NoneTypeIssueId] =
        [
            new("browser.name", "Browser Name", ("Chrome", 802), ("Firefox", 310), ("Safari", 172)),
            new("os", "OS", ("Windows 11", 540), ("macOS 14.4", 402), ("Linux", 342)),
            new("url", "URL", ("https://api.acme.example/api/users/48213/profile/", 612), ("https://api.acme.example/api/users/10077/profile/", 401),
                ("https://api.acme.example/api/users/5120/profile/", 271)),
            new("user", "User", ("id:u-1042", 25), ("id:u-2210", 19), ("id:u-0007", 4)),
            new("server_name", "Server", ("api-7f9c", 700), ("api-3b21", 584)),
        ];
        ExtraIssueTags[DemoIds.UndefinedMapIssueId] =
        [
            new("browser.name", "Browser Name", ("Chrome", 250), ("Safari", 92)),
            new("os", "OS", ("macOS 14.4", 198), ("Windows 11", 120), ("iOS 17.4", 24)),
            new("release", "Release", ("web-frontend@5.12.0", 300), ("web-frontend@5.11.2", 42)),
            new("user", "User", ("email:maria@customer.example", 9), ("id:u-1042", 7)),
        ];
        ExtraIssueTags[DemoIds.PaymentTimeoutIssueId] =
        [
            new("release", "Release", ("payments-service@1.8.0", 57)),
            new("os", "OS", ("Linux", 57)),
        ];
        ExtraIssueTags[DemoIds.NetworkIssueId] =
        [
            new("environment", "Environment", ("production", 903)),
            new("release", "Release", ("mobile-app@5.0.2", 880), ("mobile-app@5.0.3", 23)),
        ];
        SeedMobileThreads();
    }

    private void AddUserReport(string issueId, string eventId, string name, string email, string comments, DateTimeOffset at) =>
        UserReports.Add(new SandboxUserReport { Id = NextId(), IssueId = issueId, EventId = eventId, Name = name, Email = email, Comments = comments, DateCreated = at });

    private static JsonObject Note(string text) => new() { ["text"] = text };

    private static JsonObject Assigned(string assignee, string type, string name, string? email) => new()
    {
        ["assignee"] = assignee,
        ["assigneeType"] = type,
        ["assigneeName"] = name,
        ["assigneeEmail"] = email,
    };
}
