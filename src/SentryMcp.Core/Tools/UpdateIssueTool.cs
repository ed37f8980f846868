using System.ComponentModel;
using System.Text.RegularExpressions;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Formatting;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed partial class UpdateIssueTool
{
    private static readonly string[] Statuses = ["resolved", "resolvedInNextRelease", "unresolved", "ignored"];

    [McpServerTool(Name = "update_issue", Title = "Update issue", ReadOnly = false, Destructive = true, Idempotent = false, OpenWorld = true)]
    [Description("Update a Sentry issue's status or assignment: resolve, reopen, ignore (with a rule for when it comes back) or assign it.\n\n" +
        "Use this tool when you need to:\n- Resolve or reopen an issue\n- Ignore an issue until it escalates, forever, for a while, or until it occurs or affects users again\n- Assign an issue to a user or team, or unassign it\n\n" +
        "<examples>\nupdate_issue(organizationSlug='my-org', issueId='PROJECT-123', status='resolved')\nupdate_issue(organizationSlug='my-org', issueId='PROJECT-123', assignedTo='user:123456')\n" +
        "update_issue(organizationSlug='my-org', issueId='PROJECT-123', status='ignored', ignoreMode='forever')\n" +
        "update_issue(organizationSlug='my-org', issueId='PROJECT-123', status='ignored', ignoreMode='untilOccurrenceCount', ignoreCount=100, ignoreWindowMinutes=60)\n" +
        "update_issue(organizationSlug='my-org', issueId='PROJECT-123', status='ignored', reason='Expected noise from the staging deploy')\n" +
        "update_issue(issueUrl='https://my-org.sentry.io/issues/PROJECT-123/', status='resolvedInNextRelease')\n</examples>\n\n" +
        "<hints>\n- Provide issueUrl, or organizationSlug + issueId.\n- At least one of status or assignedTo is required.\n" +
        "- Status values: resolved, resolvedInNextRelease, unresolved, ignored.\n" +
        "- status='ignored' defaults to ignoreMode='untilEscalating'. Other modes: forever, forDuration (ignoreDurationMinutes), untilOccurrenceCount (ignoreCount, optional ignoreWindowMinutes), untilUserCount (ignoreUserCount, optional ignoreUserWindowMinutes).\n" +
        "- reason is posted as a comment on the issue's activity feed after the update.\n" +
        "- assignedTo: 'user:ID', 'team:ID_OR_SLUG', 'me', a username or email, or 'none' to unassign. whoami gives your user ID.\n</hints>")]
    [SentryTool(PermissionGroup.IssueTriage, "event:write", Skills = [Skill.Triage])]
    public static async Task<string> UpdateIssue(
        SentryToolContext context,
        [Description("The organization's slug. Find it with find_organizations.")] string? organizationSlug = null,
        [Description("The issue ID, e.g. 'PROJECT-123' (short ID) or a numeric ID.")] string? issueId = null,
        [Description("The URL of the issue, e.g. https://my-org.sentry.io/issues/PROJECT-123/.")] string? issueUrl = null,
        [Description("The new status: 'resolved', 'resolvedInNextRelease', 'unresolved' or 'ignored'.")]
        [System.ComponentModel.DataAnnotations.AllowedValues("resolved", "resolvedInNextRelease", "unresolved", "ignored")] string? status = null,
        [Description("The new assignee: 'user:ID', 'team:ID_OR_SLUG', 'me', a username or email, or 'none' to unassign.")] string? assignedTo = null,
        [Description("The region URL of the organization, as returned by find_organizations (optional).")] string? regionUrl = null,
        [Description("How an ignored issue comes back: 'untilEscalating' (default, as in Sentry's UI), 'forever', 'forDuration' with ignoreDurationMinutes, 'untilOccurrenceCount' with ignoreCount, or 'untilUserCount' with ignoreUserCount.")]
        [System.ComponentModel.DataAnnotations.AllowedValues("untilEscalating", "forever", "forDuration", "untilOccurrenceCount", "untilUserCount")] string? ignoreMode = null,
        [Description("Minutes to ignore the issue for, with ignoreMode 'forDuration'.")][System.ComponentModel.DataAnnotations.Range(1, int.MaxValue)] int? ignoreDurationMinutes = null,
        [Description("How many more occurrences end the ignore, with ignoreMode 'untilOccurrenceCount'.")][System.ComponentModel.DataAnnotations.Range(1, int.MaxValue)] int? ignoreCount = null,
        [Description("Optional window in minutes (at most 10080) for ignoreCount; without it every future occurrence counts.")][System.ComponentModel.DataAnnotations.Range(1, IssueIgnoreRule.MaxWindowMinutes)] int? ignoreWindowMinutes = null,
        [Description("How many more affected users end the ignore, with ignoreMode 'untilUserCount'.")][System.ComponentModel.DataAnnotations.Range(1, int.MaxValue)] int? ignoreUserCount = null,
        [Description("Optional window in minutes (at most 10080) for ignoreUserCount; without it every future affected user counts.")][System.ComponentModel.DataAnnotations.Range(1, IssueIgnoreRule.MaxWindowMinutes)] int? ignoreUserWindowMinutes = null,
        [Description("Why this is done; posted as a comment on the issue's activity feed after the update.")] string? reason = null,
        CancellationToken cancellationToken = default)
    {
        status = string.IsNullOrWhiteSpace(status) ? null : status.Trim();
        assignedTo = string.IsNullOrWhiteSpace(assignedTo) ? null : assignedTo.Trim();
        if (status is null && assignedTo is null)
        {
            throw new UserInputException("Nothing to update: provide status and/or assignedTo.");
        }
        if (status is not null && !Statuses.Contains(status))
        {
            throw new UserInputException($"Invalid status '{status}'. Use one of: {string.Join(", ", Statuses)}.");
        }
        if (assignedTo is not null && !Actor().IsMatch(assignedTo))
        {
            throw new UserInputException($"Invalid assignedTo '{assignedTo}'. Use 'user:ID', 'team:ID_OR_SLUG', 'me', a username or email, or 'none'.");
        }
        var rule = IssueIgnoreRule.From(status, string.IsNullOrWhiteSpace(ignoreMode) ? null : ignoreMode.Trim(),
            ignoreDurationMinutes, ignoreCount, ignoreWindowMinutes, ignoreUserCount, ignoreUserWindowMinutes);
        var comment = reason is null ? null : AddIssueNoteTool.ValidText(reason, nameof(reason));
        var (org, id) = IssueReference.Resolve(organizationSlug, issueId, issueUrl, context.Host);
        var api = context.Api;
        var before = await api.GetIssueAsync(org, id, regionUrl, cancellationToken).ConfigureAwait(false);
        if (context.Constraints.ProjectSlug is { } pinned && before.Project?.Slug is { } project && project != pinned)
        {
            throw new UserInputException($"Issue {before.DisplayId} belongs to project '{project}', but this session is limited to project '{pinned}'.");
        }

        var changes = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (status is not null)
        {
            changes["status"] = status;
            if (rule is not null)
            {
                changes["substatus"] = rule.Substatus;
                foreach (var (key, value) in rule.Fields)
                {
                    changes[key] = value;
                }
            }
        }
        if (assignedTo is not null)
        {
            changes["assignedTo"] = await ActorAsync(api, assignedTo, cancellationToken).ConfigureAwait(false);
        }
        var updated = await api.UpdateIssueAsync(org, before.Id, changes, regionUrl, cancellationToken).ConfigureAwait(false);
        // Sentry answers a PUT with only the fields it changed; read the issue back when that is all we got.
        var after = updated.Title is null
            ? await api.GetIssueAsync(org, before.Id, regionUrl, cancellationToken).ConfigureAwait(false)
            : updated;

        var md = new Markdown().Title($"Issue {after.DisplayId} Updated in **{org}**")
            .Field("Issue", after.Title)
            .Field("URL", IssueFormatter.Link(after, org, context.Host))
            .Line()
            .Heading("Changes Made");
        if (status is not null)
        {
            md.Bullet(Change("Status", IssueFormatter.Status(before), IssueFormatter.Status(after)));
        }
        if (assignedTo is not null)
        {
            md.Bullet(Change("Assigned To", IssueFormatter.Assignee(before), IssueFormatter.Assignee(after)));
        }
        if (rule is not null)
        {
            md.Bullet($"**Ignored**: {rule.Behavior}");
        }
        if (comment is not null)
        {
            md.Bullet(await PostReasonAsync(api, org, after.Id, comment, regionUrl, cancellationToken).ConfigureAwait(false));
        }
        md.Line().Heading("Current Status")
            .Field("Status", IssueFormatter.Status(after))
            .Field("Assigned To", IssueFormatter.Assignee(after));
        return md.UsingThisInformation(
            $"Full details: `get_issue_details(organizationSlug='{org}', issueId='{after.DisplayId}')`.",
            $"History and comments: `get_issue_activity(organizationSlug='{org}', issueId='{after.DisplayId}')`.",
            $"To undo, call update_issue again with the previous values (status '{before.Status}', assignee {IssueFormatter.Assignee(before)}).").ToString();
    }

    /// <summary>The update already happened: a comment Sentry refuses is reported, not turned into a failed call.</summary>
    private static async Task<string> PostReasonAsync(SentryApiClient api, string org, string issueId, string reason, string? regionUrl, CancellationToken ct)
    {
        try
        {
            await api.CreateIssueNoteAsync(org, issueId, reason, regionUrl, ct).ConfigureAwait(false);
            return $"**Comment posted**: \"{Markdown.Truncate(reason.ReplaceLineEndings(" "), 300)}\"";
        }
        catch (SentryApiException ex)
        {
            return $"**Comment not posted** (HTTP {(int)ex.StatusCode}): {ex.Detail ?? "Sentry refused it"}. The status change above stands; post the reason with add_issue_note.";
        }
        catch (SentryUnavailableException)
        {
            return "**Comment not posted**: Sentry did not answer. The status change above stands; post the reason with add_issue_note.";
        }
    }

    private static string Change(string label, string from, string to) =>
        from == to ? $"**{label}**: {to} (unchanged)" : $"**{label}**: {from} → {to}";

    /// <summary>Turns the tool's assignee forms into Sentry's actor syntax; an empty string unassigns.</summary>
    private static async Task<string> ActorAsync(SentryApiClient api, string assignedTo, CancellationToken ct)
    {
        if (assignedTo.Equals("none", StringComparison.OrdinalIgnoreCase) || assignedTo.Equals("unassigned", StringComparison.OrdinalIgnoreCase))
        {
            return "";
        }
        if (assignedTo.Equals("me", StringComparison.OrdinalIgnoreCase))
        {
            SentryUser me = await api.GetAuthenticatedUserAsync(ct).ConfigureAwait(false);
            return $"user:{me.Id}";
        }
        return assignedTo;
    }

    [GeneratedRegex(@"^(user:\d+|team:[A-Za-z0-9][A-Za-z0-9_-]*|[^\s:]+@[^\s:]+|[A-Za-z0-9][A-Za-z0-9._-]*)$")]
    private static partial Regex Actor();
}
