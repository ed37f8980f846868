using System.ComponentModel;
using System.Globalization;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class FindReleasesTool
{
    private const int ResultLimit = 25;

    [McpServerTool(Name = "find_releases", Title = "Find releases", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(ReleaseListOutput))]
    [Description("Find releases in Sentry.\n\nUse this tool when you need to:\n- Find recent releases in a Sentry organization\n- Find the most recent version released of a specific project\n- Determine when a release was deployed to an environment\n\nReturns up to 25 results, newest first; use projectSlug or query to narrow them down.\n\n<examples>\nfind_releases(organizationSlug='my-organization')\nfind_releases(organizationSlug='my-organization', query='2ce6a27')\n</examples>\n\n<hints>\n- A parameter in the form name/otherName is likely <organizationSlug>/<projectSlug>.\n</hints>")]
    [SentryTool(PermissionGroup.Read, "project:read", Skills = [Skill.Inspect])]
    public static async Task<CallToolResult> FindReleases(
        SentryToolContext context,
        [Description("The organization's slug. find_organizations lists the organizations you can access.")] string organizationSlug,
        [Description("The organization's region URL, if known (from find_organizations). Leave empty for self-hosted Sentry.")] string? regionUrl = null,
        [Description("The project's slug (find_projects lists them), or exact lowercase `all` for every project. Leave empty for the whole organization.")] string? projectSlug = null,
        [Description("Search for versions which contain the provided string.")] string? query = null,
        CancellationToken cancellationToken = default)
    {
        var org = SentryToolContext.Require(organizationSlug, nameof(organizationSlug));
        var project = string.IsNullOrWhiteSpace(projectSlug) || projectSlug.Trim() == "all" ? null : projectSlug.Trim();
        var search = string.IsNullOrWhiteSpace(query) ? null : query.Trim();
        var releases = await context.Api.ListReleasesAsync(org, project, search, ResultLimit + 1, regionUrl, cancellationToken).ConfigureAwait(false);
        var md = new Markdown().Title(project is null ? $"Releases in **{org}**" : $"Releases in **{org}/{project}**");
        if (releases.Count == 0)
        {
            var scope = project is null ? Markdown.Code(org) : Markdown.Code($"{org}/{project}");
            return ToolResults.Structured(md.Paragraph(search is null
                ? $"No releases found in {scope}. Releases appear once an SDK or CI reports a release version."
                : $"No releases found in {scope} matching {Markdown.Code(search)}.").ToString(), new ReleaseListOutput([], HasMore: false));
        }
        foreach (var release in releases.Take(ResultLimit))
        {
            AppendRelease(md, context, org, release);
        }
        md.MoreAvailable(releases.Count > ResultLimit, "Pass projectSlug or a query to narrow the list.");
        var text = md.UsingThisInformation(
            "Each heading is the full release version, as Sentry search expects it.",
            $"Issues first seen in a release: `search_issues(organizationSlug='{org}', query='issues first seen in release <version>')`.",
            "Events of a release: `search_events` with `release:<version>` in the query.").ToString();
        var data = new ReleaseListOutput([.. releases.Take(ResultLimit).Select(r => ToOutput(context, org, r))], HasMore: releases.Count > ResultLimit);
        return ToolResults.Structured(text, data);
    }

    internal static ReleaseOutput ToOutput(SentryToolContext context, string org, SentryRelease release) => new(
        release.Version,
        release.ShortVersion,
        release.Projects?.Select(p => p.Slug).OfType<string>().ToList() ?? [],
        release.DateCreated,
        release.DateReleased,
        release.FirstEvent,
        release.LastEvent,
        release.NewGroups,
        release.CommitCount,
        release.DeployCount,
        release.LastDeploy?.Environment,
        $"{context.Host.OrganizationUrl(org)}releases/{Uri.EscapeDataString(release.Version)}/");

    private static void AppendRelease(Markdown md, SentryToolContext context, string org, SentryRelease release)
    {
        var projects = release.Projects?.Select(p => p.Slug).OfType<string>().ToList() ?? [];
        var deploy = release.LastDeploy;
        var commit = release.LastCommit;
        var commitAuthor = commit?.Author?.Name ?? commit?.Author?.Email;
        md.Heading(release.Version)
            .Field("Short Version", release.ShortVersion is { } shortVersion && shortVersion != release.Version ? shortVersion : null)
            .Field("Projects", projects.Count == 0 ? null : string.Join(", ", projects.Select(Markdown.Code)))
            .Field("Created", Markdown.Date(release.DateCreated))
            .Field("Released", release.DateReleased is null ? "not released yet" : Markdown.Date(release.DateReleased))
            .Field("First Event", Markdown.Date(release.FirstEvent))
            .Field("Last Event", Markdown.Date(release.LastEvent))
            .Field("New Issues", Number(release.NewGroups))
            .Field("Commits", Number(release.CommitCount))
            .Field("Deploys", Number(release.DeployCount))
            .Field("Last Deploy", deploy is null ? null
                : $"{deploy.Environment ?? "unknown environment"}, finished {Markdown.Date(deploy.DateFinished) ?? "(still running)"}")
            .Field("Last Commit", commit is null ? null
                : $"{Markdown.Code(ShortSha(commit.Id))} {Markdown.Truncate(commit.Message?.ReplaceLineEndings(" "), 120)}"
                    + (commitAuthor is null ? "" : $" by {commitAuthor}"))
            .Field("Authors", release.Authors is { Count: > 0 } authors
                ? string.Join(", ", authors.Select(a => a.Name ?? a.Email).OfType<string>()) : null)
            .Field("Web URL", $"{context.Host.OrganizationUrl(org)}releases/{Uri.EscapeDataString(release.Version)}/")
            .Line();
    }

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string ShortSha(string? id) => id is { Length: 40 } ? id[..12] : id ?? "";
}
