using System.Text.Json;
using SentryMcp.Sandbox;

namespace SentryMcp.Bench;

/// <summary>One tool call of the plan, with arguments that hit the sandbox's demo data.</summary>
public sealed record PlannedCall(string Tool, IReadOnlyDictionary<string, object?> Arguments)
{
    public JsonElement ArgumentsObject => JsonSerializer.SerializeToElement(Arguments);
}

public static class CallPlan
{
    /// <summary>
    /// Every read tool both servers may have. A tool stays in the plan only when both servers list it
    /// and both answer it without error, so the plan grows by itself as our server gains tools.
    /// Writes (they would change the data between calls and runs), Seer runs (they start work), and
    /// docs (the official server fetches them from its own internet host) are left out by design.
    /// </summary>
    public static IReadOnlyList<PlannedCall> Candidates(Uri sandbox) =>
    [
        Call("whoami"),
        Call("find_organizations"),
        Call("find_teams", ("organizationSlug", "acme")),
        Call("find_projects", ("organizationSlug", "acme")),
        Call("find_releases", ("organizationSlug", "acme")),
        Call("find_dsns", ("organizationSlug", "acme"), ("projectSlug", "api-backend")),
        Call("search_issues", ("organizationSlug", "acme"), ("query", "is:unresolved")),
        Call("get_issue_details", ("organizationSlug", "acme"), ("issueId", DemoIds.NoneTypeShortId)),
        Call("get_trace_details", ("organizationSlug", "acme"), ("traceId", DemoIds.CheckoutTraceId)),
        Call("search_events", ("organizationSlug", "acme"), ("dataset", "errors"), ("query", "level:error")),
        Call("get_event_attachment", ("organizationSlug", "acme"), ("projectSlug", "web-frontend"), ("eventId", DemoIds.UndefinedMapEventId)),
        Call("get_sentry_resource", ("url", new Uri(sandbox, $"organizations/acme/issues/{DemoIds.NoneTypeIssueId}/").ToString())),
    ];

    public static readonly IReadOnlyList<(string Tool, string Why)> LeftOutByDesign =
    [
        ("update_issue, create_team, create_project, update_project, create_dsn", "writes: they change the data between calls"),
        ("analyze_issue_with_seer", "starts Seer runs (a write)"),
        ("search_docs, get_doc", "the official server fetches docs from its own internet host"),
    ];

    private static PlannedCall Call(string tool, params (string Name, string Value)[] arguments) =>
        new(tool, arguments.ToDictionary(a => a.Name, a => (object?)JsonSerializer.SerializeToElement(a.Value)));
}
