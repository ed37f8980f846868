using System.ComponentModel;
using ModelContextProtocol.Server;
using SentryMcp.Core.Formatting;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class FindProjectsTool
{
    private const int ResultLimit = 25;

    [McpServerTool(Name = "find_projects", Title = "Find projects", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Find projects in Sentry.\n\nUse this tool when you need to:\n- View projects in a Sentry organization\n- Find a project's slug to aid other tool requests\n- Search for specific projects by name or slug\n\nReturns up to 25 results; use the query parameter to narrow them down.")]
    [SentryTool(PermissionGroup.Read, "project:read")]
    public static async Task<string> FindProjects(
        SentryToolContext context,
        [Description("The organization's slug. find_organizations lists the organizations you can access.")] string organizationSlug,
        [Description("The organization's region URL, if known (from find_organizations). Leave empty for self-hosted Sentry.")] string? regionUrl = null,
        [Description("Search query to filter projects by name or slug.")] string? query = null,
        CancellationToken cancellationToken = default)
    {
        var org = SentryToolContext.Require(organizationSlug, nameof(organizationSlug));
        var search = string.IsNullOrWhiteSpace(query) ? null : query.Trim();
        var projects = await context.Api.ListProjectsAsync(org, search, ResultLimit + 1, regionUrl, cancellationToken).ConfigureAwait(false);
        var md = new Markdown().Title($"Projects in **{org}**");
        if (projects.Count == 0)
        {
            return md.Paragraph(search is null
                ? $"No projects found in {Markdown.Code(org)}. Create one with `create_project` (find_teams lists the teams that can own it)."
                : $"No projects found matching {Markdown.Code(search)}.").ToString();
        }
        foreach (var project in projects.Take(ResultLimit))
        {
            var teams = project.Teams?.Select(t => t.Slug).OfType<string>().ToList() ?? [];
            md.Heading(project.Slug)
                .Field("ID", project.Id)
                .Field("Name", project.Name)
                .Field("Platform", project.Platform)
                .Field("Teams", teams.Count == 0 ? null : string.Join(", ", teams.Select(Markdown.Code)))
                .Field("Web URL", context.Host.ProjectUrl(org, project.Slug))
                .Line();
        }
        md.MoreAvailable(projects.Count > ResultLimit, "Pass a query to narrow the list.");
        return md.UsingThisInformation(
            "Each heading is a project slug: pass it as `projectSlug` to other tools.",
            $"Next: `search_issues(organizationSlug='{org}', projectSlugOrId, naturalLanguageQuery)`, `find_dsns(organizationSlug='{org}', projectSlug)` or `find_releases(organizationSlug='{org}', projectSlug)`.").ToString();
    }
}
