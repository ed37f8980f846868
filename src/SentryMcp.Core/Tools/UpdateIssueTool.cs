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

    [McpServerTool(Name = "update_issue", Title = "Update issue", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Update a Sentry issue's status or assignment: resolve, reopen, ignore or assign it.\n\n" +
        "<examples>\nupdate_issue(organizationSlug='my-org', issueId='PROJECT-123', status='resolved')\nupdate_issue(organizationSlug='my-org', issueId='PROJECT-123', assignedTo='user:123456')\nupdate_issue(issueUrl='https://my-org.sentry.io/issues/PROJECT-123/', status='ignored')\n</examples>\n\n" +
        "<hints>\n- Provide issueUrl, or organizationSlug + issueId.\n- At least one of status or assignedTo is required.\n" +
        "- Status values: resolved, resolvedInNextRelease, unresolved, ignored (ignored lasts until the issue escalates).\n" +
        "- assignedTo: 'user:ID', 'team:ID_OR_SLUG', 'me', a username or email, or 'none' to unassign. whoami gives your user ID.\n</hints>")]
    [SentryTool(PermissionGroup.IssueTriage, "event:write")]
    public static async Task<string> UpdateIssue(
        SentryToolContext context,
        [Description("The organization's slug. Find it with find_organizations.")] string? organizationSlug = null,
        [Description("The issue ID, e.g. 'PROJECT-123' (short ID) or a numeric ID.")] string? issueId = null,
        [Description("The URL of the issue, e.g. https://my-org.sentry.io/issues/PROJECT-123/.")] string? issueUrl = null,
        [Description("The new status: 'resolved', 'resolvedInNextRelease', 'unresolved' or 'ignored'.")] string? status = null,
        [Description("The new assignee: 'user:ID', 'team:ID_OR_SLUG', 'me', a username or email, or 'none' to unassign.")] string? assignedTo = null,
        [Description("The region URL of the organization, as returned by find_organizations (optional).")] string? regionUrl = null,
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
            if (status == "ignored")
            {
                changes["substatus"] = "archived_until_escalating";
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
        md.Line().Heading("Current Status")
            .Field("Status", IssueFormatter.Status(after))
            .Field("Assigned To", IssueFormatter.Assignee(after));
        return md.UsingThisInformation(
            $"Full details: `get_issue_details(organizationSlug='{org}', issueId='{after.DisplayId}')`.",
            $"To undo, call update_issue again with the previous values (status '{before.Status}', assignee {IssueFormatter.Assignee(before)}).").ToString();
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
