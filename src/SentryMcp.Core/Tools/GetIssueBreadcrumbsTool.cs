using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class GetIssueBreadcrumbsTool
{
    // SDKs keep 100 breadcrumbs by default; the newest are the ones that explain the error.
    private const int MaxShown = 100;

    [McpServerTool(Name = "get_issue_breadcrumbs", Title = "Get issue breadcrumbs", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(BreadcrumbListOutput))]
    [Description("Get the breadcrumb trail (what happened just before the error) of an event of a Sentry issue.\n\n" +
        "Use this tool when you need to:\n- See the user and application actions leading up to an error\n- Inspect navigation, console, HTTP, query and other breadcrumbs\n- Compare the trails of several events of the same issue\n\n" +
        "Defaults to the latest event when eventId is omitted.\n\n" +
        "<examples>\nget_issue_breadcrumbs(organizationSlug='my-org', issueId='PROJECT-123')\nget_issue_breadcrumbs(organizationSlug='my-org', issueId='PROJECT-123', eventId='c49541c747cb4d8aa3efb70ca5aba243')\nget_issue_breadcrumbs(issueUrl='https://my-org.sentry.io/issues/PROJECT-123/')\n</examples>\n\n" +
        "<hints>\n- Provide issueUrl, or organizationSlug + issueId.\n- search_issue_events lists an issue's events with their IDs, to pick another event.\n</hints>")]
    [SentryTool(PermissionGroup.Read, "event:read", Skills = [Skill.Inspect, Skill.Triage])]
    public static async Task<CallToolResult> GetIssueBreadcrumbs(
        SentryToolContext context,
        [Description("The organization's slug. find_organizations lists the organizations you can access.")] string? organizationSlug = null,
        [Description("The organization's region URL, if known (from find_organizations). Leave empty for self-hosted Sentry.")] string? regionUrl = null,
        [Description("The issue ID, e.g. 'PROJECT-123' (short ID) or a numeric ID.")] string? issueId = null,
        [Description("The URL of the issue, e.g. https://my-org.sentry.io/issues/PROJECT-123/.")] string? issueUrl = null,
        [Description("The event ID (32 hexadecimal characters), or 'latest' (the default).")] string? eventId = null,
        CancellationToken cancellationToken = default)
    {
        var wanted = IssueScope.EventIdOrLatest(eventId);
        var (org, issue) = await IssueScope.ResolveAsync(context, organizationSlug, issueId, issueUrl, regionUrl, cancellationToken).ConfigureAwait(false);
        var ev = await IssueScope.EventAsync(context, org, issue, wanted, regionUrl, cancellationToken).ConfigureAwait(false);
        var id = ev.EventId ?? ev.Id ?? wanted;
        var crumbs = (ev.Entries ?? []).Where(e => e.Type == "breadcrumbs").SelectMany(e => e.Data.Prop("values").Items()).ToList();
        var shown = crumbs.TakeLast(MaxShown).Select(ToOutput).ToList();

        var md = new Markdown().Title($"Breadcrumbs of Issue {issue.DisplayId} in **{org}**")
            .Field("Event ID", id)
            .Field("Occurred At", Markdown.Date(ev.DateCreated))
            .Field("Error", ev.Title)
            .Line();
        if (shown.Count == 0)
        {
            md.Paragraph("This event has no breadcrumbs. SDKs record them automatically for navigation, HTTP calls and console output once breadcrumbs are enabled.");
        }
        else
        {
            md.Heading(shown.Count < crumbs.Count ? $"Trail (newest {shown.Count} of {crumbs.Count}, oldest first)" : $"Trail ({shown.Count}, oldest first)");
            foreach (var crumb in shown)
            {
                var text = crumb.Message ?? crumb.Data ?? "";
                md.Bullet($"{Markdown.Date(crumb.Timestamp) ?? "(no time)"} [{crumb.Level ?? "info"}] {crumb.Category ?? crumb.Type ?? "default"}: {Markdown.Truncate(text, 500)}"
                    + (crumb.Message is not null && crumb.Data is not null ? $" {Markdown.Code(Markdown.Truncate(crumb.Data, 200))}" : ""));
            }
            md.Line().Paragraph($"The last breadcrumb is the closest to the error, which happened at {Markdown.Date(ev.DateCreated) ?? "the event's time"}.");
        }
        var answer = md.UsingThisInformation(
            $"The error and its stack trace: `get_issue_details(organizationSlug='{org}', issueId='{issue.DisplayId}', eventId='{id}')`.",
            $"Other events of this issue, to compare trails: `search_issue_events(organizationSlug='{org}', issueId='{issue.DisplayId}')`, then pass one as eventId.").ToString();
        return ToolResults.Structured(answer, new BreadcrumbListOutput(issue.DisplayId, id, shown, crumbs.Count));
    }

    private static BreadcrumbOutput ToOutput(JsonElement crumb)
    {
        var data = crumb.Prop("data");
        var hasData = data.ValueKind == JsonValueKind.Object && data.EnumerateObject().Any() || data.ValueKind == JsonValueKind.Array && data.GetArrayLength() > 0;
        return new BreadcrumbOutput(crumb.Str("timestamp"), crumb.Str("type"), crumb.Str("category"), crumb.Str("level"),
            string.IsNullOrWhiteSpace(crumb.Str("message")) ? null : crumb.Str("message"),
            hasData ? Markdown.Truncate(data.GetRawText(), 2000) : null);
    }
}
