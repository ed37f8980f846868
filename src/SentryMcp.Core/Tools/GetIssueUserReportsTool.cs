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
public sealed class GetIssueUserReportsTool
{
    [McpServerTool(Name = "get_issue_user_reports", Title = "Get issue user reports", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(UserReportListOutput))]
    [Description("Get the user reports (crash-report feedback and legacy User Feedback) attached to a Sentry issue: what users said happened.\n\n" +
        "Use this tool when you need to:\n- Read what users wrote when they hit the error\n- Check whether anyone reported the problem, and who\n- Get human context beyond the stack trace\n\n" +
        "<examples>\nget_issue_user_reports(organizationSlug='my-organization', issueId='PROJECT-123')\nget_issue_user_reports(issueUrl='https://my-organization.sentry.io/issues/PROJECT-123/')\nget_issue_user_reports(organizationSlug='my-organization', issueId='PROJECT-123', limit=10, cursor='0:10:0')\n</examples>\n\n" +
        "<hints>\n- For standalone User Feedback Widget submissions use `search_issues(organizationSlug='…', query='issue.category:feedback')`.\n- Reuse a cursor only with the same issue.\n</hints>")]
    [SentryTool(PermissionGroup.Read, "event:read", Skills = [Skill.Inspect, Skill.Triage])]
    public static async Task<CallToolResult> GetIssueUserReports(
        SentryToolContext context,
        [Description("The organization's slug. find_organizations lists the organizations you can access.")] string? organizationSlug = null,
        [Description("The organization's region URL, if known (from find_organizations). Leave empty for self-hosted Sentry.")] string? regionUrl = null,
        [Description("The issue ID, e.g. 'PROJECT-123' (short ID) or a numeric ID.")] string? issueId = null,
        [Description("The URL of the issue, e.g. https://my-org.sentry.io/issues/PROJECT-123/.")] string? issueUrl = null,
        [Description("Pagination cursor from a previous answer (nextCursor), for the same issue.")] string? cursor = null,
        [Description("Maximum number of user reports to return (1-100, default 25).")][System.ComponentModel.DataAnnotations.Range(1, 100)] int limit = 25,
        CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > 100)
        {
            throw new UserInputException($"limit must be between 1 and 100 (got {limit}).");
        }
        var page = string.IsNullOrWhiteSpace(cursor) ? null : cursor.Trim();
        var (org, issue) = await IssueScope.ResolveAsync(context, organizationSlug, issueId, issueUrl, regionUrl, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<UserReport> reports;
        string? next;
        try
        {
            (reports, next) = await context.Api.ListIssueUserReportsAsync(org, issue.Id, limit, page, regionUrl, cancellationToken).ConfigureAwait(false);
        }
        catch (SentryApiException ex) when (ex.StatusCode == HttpStatusCode.BadRequest && page is not null)
        {
            throw new UserInputException($"Sentry refused the cursor '{page}'. Pass the nextCursor of a previous answer for this issue, or omit cursor for the first page.");
        }

        var md = new Markdown().Title($"User Reports of Issue {issue.DisplayId} in **{org}**")
            .Field("Issue", issue.Title)
            .Line();
        if (reports.Count == 0)
        {
            md.Paragraph(page is null
                ? "No user reports for this issue. Users can submit them through the SDK's crash-report or feedback dialog."
                : "No more user reports: this cursor is past the last page.");
        }
        var output = reports.Select(ToOutput).ToList();
        foreach (var report in output)
        {
            md.Heading($"{Markdown.Date(report.DateCreated) ?? "Unknown time"} by {report.Reporter}", 3)
                .Field("Event ID", report.EventId)
                .CodeBlock(Markdown.Truncate(report.Comments, 4000));
        }
        if (next is not null)
        {
            md.Paragraph($"*More user reports are available.* Pass `cursor='{next}'` with the same issue for the next page.");
        }
        var hints = new List<string>();
        if (output.FirstOrDefault(r => r.EventId is not null) is { } first)
        {
            hints.Add($"The error a user reported: `get_issue_details(organizationSlug='{org}', issueId='{issue.DisplayId}', eventId='{first.EventId}')`.");
        }
        hints.Add($"Widget feedback not tied to this issue: `search_issues(organizationSlug='{org}', query='issue.category:feedback')`.");
        return ToolResults.Structured(md.UsingThisInformation([.. hints]).ToString(), new UserReportListOutput(issue.DisplayId, output, next is not null, next));
    }

    private static UserReportOutput ToOutput(UserReport report) =>
        new(report.Id, report.EventId, Reporter(report), NonEmpty(report.Email) ?? NonEmpty(report.User?.Email), report.Comments, report.DateCreated);

    /// <summary>The best name Sentry gives; older serializers send the string "None" for a missing user id.</summary>
    private static string Reporter(UserReport report)
    {
        var userId = NonEmpty(report.User?.Id);
        return NonEmpty(report.Name) ?? NonEmpty(report.Email) ?? NonEmpty(report.User?.Name) ?? NonEmpty(report.User?.Email) ?? NonEmpty(report.User?.Username)
            ?? (userId is not null && !userId.Equals("none", StringComparison.OrdinalIgnoreCase) && !userId.Equals("null", StringComparison.OrdinalIgnoreCase) ? $"user:{userId}" : null)
            ?? "anonymous";
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
