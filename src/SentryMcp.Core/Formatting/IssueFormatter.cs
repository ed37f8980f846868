using System.Globalization;
using SentryMcp.Core.Api;
using SentryMcp.Core.Api.Models;

namespace SentryMcp.Core.Formatting;

/// <summary>The facts of an issue that every issue tool shows the same way.</summary>
public static class IssueFormatter
{
    public static string Link(SentryIssue issue, string organizationSlug, SentryHost host) =>
        host.IssueUrl(organizationSlug, issue.DisplayId);

    /// <summary>Status with its sub-status, e.g. <c>ignored (archived_until_escalating)</c>.</summary>
    public static string Status(SentryIssue issue)
    {
        var status = issue.ResolvedInNextRelease ? "resolved in next release" : issue.Status ?? "unknown";
        return string.IsNullOrEmpty(issue.Substatus) || issue.Substatus == issue.Status ? status : $"{status} ({issue.Substatus})";
    }

    public static string Assignee(SentryIssue issue) => issue.AssignedTo?.ToString() ?? "Unassigned";

    public static string Count(string? count) =>
        long.TryParse(count, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n.ToString("N0", CultureInfo.InvariantCulture) : count ?? "0";

    public static string Count(long? count) => (count ?? 0).ToString("N0", CultureInfo.InvariantCulture);

    public static void AppendSummary(Markdown md, SentryIssue issue, string organizationSlug, SentryHost host)
    {
        md.Field("Description", issue.Title)
            .Field("Culprit", issue.Culprit)
            .Field("Project", issue.Project?.Slug)
            .Field("Status", Status(issue))
            .Field("Level", issue.Level)
            .Field("Category", issue.IssueCategory is null or "error" ? null : issue.IssueCategory)
            .Field("Priority", issue.Priority)
            .Field("Platform", issue.Platform)
            .Field("First Seen", Markdown.Date(issue.FirstSeen))
            .Field("Last Seen", Markdown.Date(issue.LastSeen))
            .Field("Occurrences", Count(issue.Count))
            .Field("Users Impacted", Count(issue.UserCount))
            .Field("Unhandled", issue.IsUnhandled switch { true => "yes", false => "no", null => null })
            .Field("Assigned To", Assignee(issue))
            .Field("Issue ID", issue.Id)
            .Field("URL", Link(issue, organizationSlug, host))
            .Line();
        var tags = issue.Tags?.Where(t => t.TopValues is { Count: > 0 }).Take(10).ToList() ?? [];
        if (tags.Count > 0)
        {
            md.Heading("Tag Summary", 3);
            foreach (var tag in tags)
            {
                var values = tag.TopValues!.Take(3).Select(v => $"{v.Value ?? v.Name} ({Count(v.Count)})");
                md.Bullet($"**{tag.Key}**: {string.Join(", ", values)}");
            }
            md.Line();
        }
    }
}
