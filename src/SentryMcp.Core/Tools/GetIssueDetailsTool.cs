using System.ComponentModel;
using System.Net;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class GetIssueDetailsTool
{
    [McpServerTool(Name = "get_issue_details", Title = "Get issue details", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(IssueDetailsOutput))]
    [Description("Get detailed information about a specific Sentry issue by ID, URL or event ID.\n\n" +
        "Use this tool when you need to:\n- Explain an issue ('tell me about PROJECT-123')\n- See the stack trace, tags, request, breadcrumbs and contexts of its latest (or a given) event\n- Read Seer's root-cause summary when one exists\n\n" +
        "Do not use it to list or search issues (use search_issues).\n\n" +
        "<examples>\nget_issue_details(issueUrl='https://my-org.sentry.io/issues/PROJECT-123/')\nget_issue_details(organizationSlug='my-org', issueId='PROJECT-123')\nget_issue_details(organizationSlug='my-org', eventId='c49541c747cb4d8aa3efb70ca5aba243')\n</examples>\n\n" +
        "<hints>\n- If the user gives a Sentry URL, pass the whole URL as issueUrl; the other parameters are then taken from it.\n- With issueId or eventId (no URL), organizationSlug is required.\n</hints>")]
    [SentryTool(PermissionGroup.Read, "event:read", Skills = [Skill.Inspect, Skill.Triage, Skill.Seer])]
    public static async Task<CallToolResult> GetIssueDetails(
        SentryToolContext context,
        McpServer server,
        [Description("The organization's slug. Find it with find_organizations.")] string? organizationSlug = null,
        [Description("The region URL of the organization, as returned by find_organizations (optional).")] string? regionUrl = null,
        [Description("The issue ID, e.g. 'PROJECT-123' (short ID) or a numeric ID.")] string? issueId = null,
        [Description("An event ID (32 hex characters) to show instead of the latest event; with only organizationSlug it also finds the issue.")] string? eventId = null,
        [Description("The URL of the issue, e.g. https://my-org.sentry.io/issues/PROJECT-123/.")] string? issueUrl = null,
        CancellationToken cancellationToken = default)
    {
        var (text, data) = await BuildAsync(context, SessionTools.Of(server), organizationSlug, regionUrl, issueId, eventId, issueUrl, cancellationToken).ConfigureAwait(false);
        return ToolResults.Structured(text, data);
    }

    /// <summary>
    /// Fetches and renders an issue with one of its events; get_sentry_resource calls this for issue and
    /// event URLs (pass the session's tools so the hints name only tools it can call).
    /// </summary>
    internal static async Task<string> RenderAsync(SentryToolContext context, string? organizationSlug, string? regionUrl,
        string? issueId, string? eventId, string? issueUrl, CancellationToken cancellationToken, SessionTools? tools = null) =>
        (await BuildAsync(context, tools ?? SessionTools.Unknown, organizationSlug, regionUrl, issueId, eventId, issueUrl, cancellationToken).ConfigureAwait(false)).Text;

    private static async Task<(string Text, IssueDetailsOutput Data)> BuildAsync(SentryToolContext context, SessionTools tools, string? organizationSlug, string? regionUrl,
        string? issueId, string? eventId, string? issueUrl, CancellationToken cancellationToken)
    {
        var api = context.Api;
        var (org, resolvedIssueId, resolvedEventId) = await ResolveAsync(context, organizationSlug, regionUrl, issueId, eventId, issueUrl, cancellationToken).ConfigureAwait(false);
        var issue = await api.GetIssueAsync(org, resolvedIssueId, regionUrl, cancellationToken).ConfigureAwait(false);
        if (context.Constraints.ProjectSlug is { } pinned && issue.Project?.Slug is { } project && !string.Equals(pinned, project, StringComparison.Ordinal))
        {
            throw new UserInputException($"Issue {issue.DisplayId} belongs to project '{project}', but this session is limited to project '{pinned}'.");
        }
        var eventTask = GetEventAsync(api, org, issue, resolvedEventId, regionUrl, cancellationToken);
        var seerTask = SeerSummaryAsync(api, org, issue.Id, regionUrl, cancellationToken);
        await Task.WhenAll(eventTask, seerTask).ConfigureAwait(false);
        var ev = await eventTask.ConfigureAwait(false);
        var seer = await seerTask.ConfigureAwait(false);

        var md = new Markdown().Title($"Issue {issue.DisplayId} in **{org}**");
        IssueFormatter.AppendSummary(md, issue, org, context.Host);
        if (ev is null)
        {
            md.Paragraph("No events are available for this issue.");
        }
        else
        {
            EventFormatter.Append(md, ev, org, context.Host);
        }
        if (seer is not null)
        {
            SeerFormatter.AppendSummary(md, seer);
        }
        var data = new IssueDetailsOutput(
            IssueOutputs.Issue(issue, org, context.Host),
            ev is null ? null : IssueOutputs.Event(ev),
            seer is null ? null : IssueOutputs.Seer(issue.DisplayId, seer),
            IssueOutputs.TagSummary(issue));
        return (md.UsingThisInformation(Hints(tools, org, issue, ev, seer is not null)).ToString(), data);
    }

    private static async Task<(string Org, string IssueId, string? EventId)> ResolveAsync(SentryToolContext context, string? organizationSlug,
        string? regionUrl, string? issueId, string? eventId, string? issueUrl, CancellationToken ct)
    {
        eventId = string.IsNullOrWhiteSpace(eventId) ? null : eventId.Trim();
        if (eventId is not null && eventId != "latest" && !SentryUrl.IsEventId(eventId))
        {
            throw new UserInputException($"'{eventId}' is not a valid event ID: expected 32 hexadecimal characters.");
        }
        if (!string.IsNullOrWhiteSpace(issueUrl))
        {
            var resource = SentryUrl.Parse(issueUrl, context.Host);
            if (context.Constraints.OrganizationSlug is { } pinnedOrg && pinnedOrg != resource.OrganizationSlug)
            {
                throw new UserInputException($"The URL belongs to organization '{resource.OrganizationSlug}', but this session is limited to '{pinnedOrg}'.");
            }
            eventId ??= resource.EventId;
            if (resource.IssueId is not null)
            {
                return (resource.OrganizationSlug, resource.IssueId, eventId);
            }
            if (resource.EventId is null)
            {
                throw new UserInputException($"'{issueUrl}' is not an issue or event URL. For traces use get_trace_details.");
            }
            return (resource.OrganizationSlug, await IssueOfEventAsync(context, resource.OrganizationSlug, resource.EventId, regionUrl, ct).ConfigureAwait(false), eventId);
        }
        if (!string.IsNullOrWhiteSpace(issueId))
        {
            return (SentryToolContext.Require(organizationSlug, "organizationSlug"), issueId.Trim(), eventId);
        }
        if (eventId is null or "latest")
        {
            throw new UserInputException("Provide issueUrl, or organizationSlug with issueId (e.g. 'PROJECT-123') or eventId.");
        }
        var org = string.IsNullOrWhiteSpace(organizationSlug)
            ? throw new UserInputException("organizationSlug is required when looking an issue up by eventId.")
            : organizationSlug.Trim();
        return (org, await IssueOfEventAsync(context, org, eventId, regionUrl, ct).ConfigureAwait(false), eventId);
    }

    private static async Task<string> IssueOfEventAsync(SentryToolContext context, string org, string eventId, string? regionUrl, CancellationToken ct)
    {
        EventIdLookup lookup;
        try
        {
            lookup = await context.Api.LookupEventIdAsync(org, eventId, regionUrl, ct).ConfigureAwait(false);
        }
        catch (SentryApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            throw new UserInputException($"No event with ID {eventId} was found in organization '{org}'. Check the ID and the organization.");
        }
        return lookup.GroupId ?? throw new UserInputException($"Event {eventId} is not part of an issue (transactions and some events are not grouped).");
    }

    /// <summary>
    /// Seer is an extra: no run (null), no Seer on this installation (404) or no access to it (403) mean
    /// "no analysis", and any other failure of it must not cost the caller the issue details.
    /// </summary>
    private static async Task<AutofixRun?> SeerSummaryAsync(SentryApiClient api, string org, string issueId, string? regionUrl, CancellationToken ct)
    {
        try
        {
            var state = await api.GetAutofixStateAsync(org, issueId, regionUrl, ct).ConfigureAwait(false);
            return state.Autofix;
        }
        catch (Exception ex) when (ex is SentryApiException or SentryUnavailableException or SentryResponseFormatException)
        {
            return null;
        }
    }

    private static async Task<SentryEvent?> GetEventAsync(SentryApiClient api, string org, SentryIssue issue, string? eventId, string? regionUrl, CancellationToken ct)
    {
        try
        {
            return await api.GetIssueEventAsync(org, issue.Id, eventId ?? "latest", regionUrl, ct).ConfigureAwait(false);
        }
        catch (SentryApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            // An issue whose events were all deleted or aged out still deserves its summary.
            return eventId is null or "latest"
                ? null
                : throw new UserInputException($"Event {eventId} was not found in issue {issue.DisplayId}. Omit eventId to see the latest event.");
        }
    }

    /// <summary>Next steps, naming only the tools this session can call.</summary>
    private static string[] Hints(SessionTools tools, string org, SentryIssue issue, SentryEvent? ev, bool hasSeer)
    {
        var hints = new List<string>
        {
            "Frames marked [in-app] are the application's own code; the `>` line in the source excerpt is where the error was raised.",
        };
        if (tools.Has("update_issue"))
        {
            hints.Add($"Resolve, ignore or assign it: `update_issue(organizationSlug='{org}', issueId='{issue.DisplayId}', status='resolved')`.");
        }
        if (ev is not null && tools.Has("get_trace_details") && EventFormatter.TraceId(ev) is { } traceId)
        {
            hints.Add($"See what else happened in the same request: `get_trace_details(organizationSlug='{org}', traceId='{traceId}')`.");
        }
        if (ev is not null && tools.Has("get_event_attachment") && issue.Project?.Slug is { } project && (ev.EventId ?? ev.Id) is { } id)
        {
            hints.Add($"Screenshots and log files of this event: `get_event_attachment(organizationSlug='{org}', projectSlug='{project}', eventId='{id}')`.");
        }
        if (tools.Has("analyze_issue_with_seer"))
        {
            hints.Add(hasSeer
                ? $"Full Seer analysis with code changes: `analyze_issue_with_seer(organizationSlug='{org}', issueId='{issue.DisplayId}')`."
                : $"Ask Seer for the root cause and a fix: `analyze_issue_with_seer(organizationSlug='{org}', issueId='{issue.DisplayId}')`.");
        }
        return [.. hints];
    }
}
