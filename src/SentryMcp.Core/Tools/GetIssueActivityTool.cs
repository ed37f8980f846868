using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class GetIssueActivityTool
{
    [McpServerTool(Name = "get_issue_activity", Title = "Get issue activity", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(IssueActivityOutput))]
    [Description("Get the activity feed and comments of a Sentry issue: who resolved, ignored, assigned or commented on it, and when.\n\n" +
        "Use this tool when you need to:\n- Read earlier comments before triaging an issue\n- Find out who resolved, ignored, reopened or assigned an issue\n- See history that get_issue_details does not show\n\n" +
        "<examples>\nget_issue_activity(organizationSlug='my-organization', issueId='PROJECT-123')\nget_issue_activity(issueUrl='https://my-organization.sentry.io/issues/PROJECT-123/')\nget_issue_activity(organizationSlug='my-organization', issueId='PROJECT-123', includeComments=false, limit=10)\n</examples>\n\n" +
        "<hints>\n- Provide issueUrl, or organizationSlug + issueId.\n- Entries are newest first; limit caps each list (1-100, default 25).\n</hints>")]
    [SentryTool(PermissionGroup.Read, "event:read", Skills = [Skill.Inspect, Skill.Triage])]
    public static async Task<CallToolResult> GetIssueActivity(
        SentryToolContext context,
        McpServer server,
        [Description("The organization's slug. find_organizations lists the organizations you can access.")] string? organizationSlug = null,
        [Description("The organization's region URL, if known (from find_organizations). Leave empty for self-hosted Sentry.")] string? regionUrl = null,
        [Description("The issue ID, e.g. 'PROJECT-123' (short ID) or a numeric ID.")] string? issueId = null,
        [Description("The URL of the issue, e.g. https://my-org.sentry.io/issues/PROJECT-123/.")] string? issueUrl = null,
        [Description("Also list the issue's comments on their own (default true).")] bool includeComments = true,
        [Description("Maximum entries per list (1-100, default 25).")][System.ComponentModel.DataAnnotations.Range(1, 100)] int limit = 25,
        CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > 100)
        {
            throw new UserInputException($"limit must be between 1 and 100 (got {limit}).");
        }
        var (org, issue) = await IssueScope.ResolveAsync(context, organizationSlug, issueId, issueUrl, regionUrl, cancellationToken).ConfigureAwait(false);
        var activityTask = context.Api.GetIssueActivityAsync(org, issue.Id, regionUrl, cancellationToken);
        var notesTask = includeComments
            ? context.Api.ListIssueNotesAsync(org, issue.Id, limit, regionUrl, cancellationToken)
            : Task.FromResult<IReadOnlyList<IssueActivity>>([]);
        await Task.WhenAll(activityTask, notesTask).ConfigureAwait(false);
        var activity = await activityTask.ConfigureAwait(false);
        var notes = await notesTask.ConfigureAwait(false);

        var md = new Markdown().Title($"Activity of Issue {issue.DisplayId} in **{org}**")
            .Field("Issue", issue.Title)
            .Field("Status", IssueFormatter.Status(issue))
            .Field("Assigned To", IssueFormatter.Assignee(issue))
            .Line()
            .Heading("Activity");
        if (activity.Count == 0)
        {
            md.Paragraph("No activity recorded for this issue.");
        }
        foreach (var entry in activity.Take(limit))
        {
            md.Bullet(IssueActivityFormatting.Line(entry));
        }
        md.MoreAvailable(activity.Count > limit, $"Showing the newest {limit} of {activity.Count}; raise limit (up to 100) to see more.");
        if (includeComments)
        {
            md.Line().Heading("Comments");
            if (notes.Count == 0)
            {
                md.Paragraph("No comments on this issue.");
            }
            foreach (var note in notes.Take(limit))
            {
                md.Bullet(IssueActivityFormatting.Line(note));
            }
        }
        var tools = SessionTools.Of(server);
        string[] hints =
        [
            "Entries are newest first; each names who did what and when.",
            .. tools.Has("add_issue_note") ? [$"Add a comment: `add_issue_note(organizationSlug='{org}', issueId='{issue.DisplayId}', text='…')`."] : Array.Empty<string>(),
            .. tools.Has("update_issue") ? [$"Change status or assignee: `update_issue(organizationSlug='{org}', issueId='{issue.DisplayId}', status='resolved')`."] : Array.Empty<string>(),
        ];
        var text = md.UsingThisInformation(hints).ToString();
        return ToolResults.Structured(text, new IssueActivityOutput(issue.DisplayId,
            [.. activity.Take(limit).Select(IssueActivityFormatting.ToOutput)],
            includeComments ? [.. notes.Take(limit).Select(IssueActivityFormatting.ToOutput)] : null,
            activity.Count > limit));
    }
}
