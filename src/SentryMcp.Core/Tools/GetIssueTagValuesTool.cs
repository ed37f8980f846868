using System.ComponentModel;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed partial class GetIssueTagValuesTool
{
    [McpServerTool(Name = "get_issue_tag_values", Title = "Get issue tag values", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(IssueTagValuesOutput))]
    [Description("Get how a Sentry issue's events spread over the values of one tag (browser, os, release, environment, url…).\n\n" +
        "Use this tool when you need to:\n- See which browsers, operating systems, releases or environments an issue hits most\n- Count the distinct values affected ('how many URLs are affected')\n- Check whether an issue is limited to one release or environment\n\n" +
        "Common tag keys: url, browser, browser.name, os, environment, release, device, user.\n\n" +
        "<examples>\nget_issue_tag_values(organizationSlug='my-organization', issueId='PROJECT-123', tagKey='url')\nget_issue_tag_values(issueUrl='https://my-organization.sentry.io/issues/PROJECT-123/', tagKey='browser')\nget_issue_tag_values(organizationSlug='my-organization', issueId='PROJECT-123', tagKey='environment')\n</examples>\n\n" +
        "<hints>\n- If the user gives a Sentry URL, pass the whole URL as issueUrl.\n- Tag keys are case-sensitive; get_issue_details lists the issue's tags in its tag summary.\n</hints>")]
    [SentryTool(PermissionGroup.Read, "event:read", Skills = [Skill.Inspect])]
    public static async Task<CallToolResult> GetIssueTagValues(
        SentryToolContext context,
        [Description("The tag key to get values for, e.g. 'url', 'browser', 'environment', 'release'.")] string tagKey,
        [Description("The organization's slug. find_organizations lists the organizations you can access.")] string? organizationSlug = null,
        [Description("The organization's region URL, if known (from find_organizations). Leave empty for self-hosted Sentry.")] string? regionUrl = null,
        [Description("The issue ID, e.g. 'PROJECT-123' (short ID) or a numeric ID.")] string? issueId = null,
        [Description("The URL of the issue, e.g. https://my-org.sentry.io/issues/PROJECT-123/.")] string? issueUrl = null,
        CancellationToken cancellationToken = default)
    {
        var key = SentryToolContext.Require(tagKey, nameof(tagKey));
        if (!TagKey().IsMatch(key))
        {
            throw new UserInputException($"Invalid tagKey '{key}': use letters, digits, '.', '_' or '-', starting with a letter or digit (e.g. 'browser.name').");
        }
        var (org, issue) = await IssueScope.ResolveAsync(context, organizationSlug, issueId, issueUrl, regionUrl, cancellationToken).ConfigureAwait(false);
        Api.Models.IssueTagDistribution tag;
        try
        {
            tag = await context.Api.GetIssueTagValuesAsync(org, issue.Id, key, regionUrl, cancellationToken).ConfigureAwait(false);
        }
        catch (SentryApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            var known = issue.Tags?.Select(t => t.Key).OfType<string>().ToList() ?? [];
            throw new UserInputException($"Issue {issue.DisplayId} has no tag '{key}'." + (known.Count > 0
                ? $" Its tags include: {string.Join(", ", known)}."
                : " get_issue_details lists the tags it has."));
        }
        var values = (tag.TopValues ?? []).Select(v => new TagValueOutput(v.Value, v.Count ?? 0, v.FirstSeen, v.LastSeen)).ToList();
        var total = tag.TotalValues ?? values.Sum(v => v.Count);
        var data = new IssueTagValuesOutput(new TagDistributionOutput(tag.Key ?? key, tag.Name ?? key, total, values));

        var md = new Markdown().Title($"Tag `{key}` of Issue {issue.DisplayId} in **{org}**")
            .Field("Issue", issue.Title)
            .Field("Events With This Tag", IssueFormatter.Count(total))
            .Line();
        if (values.Count == 0)
        {
            md.Paragraph($"No event of this issue has a value for `{key}`.");
        }
        else
        {
            md.Line("| Value | Events | Share | First Seen | Last Seen |").Line("|---|---|---|---|---|");
            foreach (var v in values)
            {
                var share = total > 0 ? Math.Round(100.0 * v.Count / total).ToString(CultureInfo.InvariantCulture) + "%" : "";
                md.Line($"| {Cell(v.Value)} | {IssueFormatter.Count(v.Count)} | {share} | {Markdown.Date(v.FirstSeen) ?? ""} | {Markdown.Date(v.LastSeen) ?? ""} |");
            }
            md.Line();
            var rest = total - values.Sum(v => v.Count);
            if (rest > 0)
            {
                md.Paragraph($"{IssueFormatter.Count(rest)} more events carry other, less common values.");
            }
        }
        var text = md.UsingThisInformation(
            $"Events with one value: `search_issue_events(organizationSlug='{org}', issueId='{issue.DisplayId}', query='{key}:<value>')`.",
            $"Another tag: `get_issue_tag_values(organizationSlug='{org}', issueId='{issue.DisplayId}', tagKey='environment')`.").ToString();
        return ToolResults.Structured(text, data);
    }

    /// <summary>A table cell that cannot break the table: pipes escaped, lines joined, long values cut.</summary>
    private static string Cell(string? value) => value is null ? "(empty)"
        : Markdown.Truncate(value.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal), 120);

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9._-]*$")]
    private static partial Regex TagKey();
}
