using System.ComponentModel;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Formatting;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class AddIssueNoteTool
{
    /// <summary>The official server's bound; Sentry stores longer notes, but a comment feed is not a document store.</summary>
    public const int MaxLength = 4_096;

    [McpServerTool(Name = "add_issue_note", Title = "Add issue note", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = true)]
    [Description("Add a comment (note) to a Sentry issue's activity feed, visible to everyone in the organization.\n\n" +
        "Use this tool when you need to:\n- Leave a note or comment the user explicitly asked for\n- Record a user-approved explanation during triage (who is on it, what fixed it)\n\n" +
        "<examples>\nadd_issue_note(organizationSlug='my-organization', issueId='PROJECT-123', text='Investigating with the payments team.')\nadd_issue_note(issueUrl='https://my-organization.sentry.io/issues/PROJECT-123/', text='Resolved by deploy 1.2.3.')\n</examples>\n\n" +
        "<hints>\n- This changes visible issue state: post only text the user approved.\n- Never post secrets, credentials or private scratch notes.\n- get_issue_activity shows the note afterwards.\n</hints>")]
    [SentryTool(PermissionGroup.IssueTriage, "event:write", Skills = [Skill.Triage])]
    public static async Task<string> AddIssueNote(
        SentryToolContext context,
        [Description("The exact comment text to add to the issue (1-4096 characters; markdown is rendered by Sentry).")] string text,
        [Description("The organization's slug. find_organizations lists the organizations you can access.")] string? organizationSlug = null,
        [Description("The organization's region URL, if known (from find_organizations). Leave empty for self-hosted Sentry.")] string? regionUrl = null,
        [Description("The issue ID, e.g. 'PROJECT-123' (short ID) or a numeric ID.")] string? issueId = null,
        [Description("The URL of the issue, e.g. https://my-org.sentry.io/issues/PROJECT-123/.")] string? issueUrl = null,
        CancellationToken cancellationToken = default)
    {
        var note = ValidText(text, nameof(text));
        var (org, issue) = await IssueScope.ResolveAsync(context, organizationSlug, issueId, issueUrl, regionUrl, cancellationToken).ConfigureAwait(false);
        var created = await context.Api.CreateIssueNoteAsync(org, issue.Id, note, regionUrl, cancellationToken).ConfigureAwait(false);
        return new Markdown().Title($"Note Added to Issue {issue.DisplayId} in **{org}**")
            .Field("Issue", issue.Title)
            .Field("Comment ID", created.Id)
            .Field("Author", IssueActivityFormatting.Actor(created.User) ?? "you")
            .Field("Created", Markdown.Date(created.DateCreated))
            .Line()
            .CodeBlock(IssueActivityFormatting.Text(created) ?? note)
            .UsingThisInformation(
                "The note is visible to everyone in the organization, in the issue's activity feed.",
                $"See it with the rest of the history: `get_issue_activity(organizationSlug='{org}', issueId='{issue.DisplayId}')`.")
            .ToString();
    }

    /// <summary>Trimmed text of 1 to <see cref="MaxLength"/> characters, or an input error naming the parameter.</summary>
    internal static string ValidText(string? text, string parameterName)
    {
        var value = SentryToolContext.Require(text, parameterName);
        return value.Length <= MaxLength ? value
            : throw new UserInputException($"'{parameterName}' is {value.Length:N0} characters long; at most {MaxLength:N0} are accepted. Shorten the comment.");
    }
}
