using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class FindProjectsTool
{
    private const int ResultLimit = 25;

    [McpServerTool(Name = "find_projects", Title = "Find projects", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(ProjectListOutput))]
    [Description("Find projects in Sentry.\n\nUse this tool when you need to:\n- View projects in a Sentry organization\n- Find a project's slug to aid other tool requests\n- Search for specific projects by name or slug\n\nReturns up to 25 results per page; use the query parameter to narrow them down, or cursor for the next page.\n\n<examples>\nfind_projects(organizationSlug='my-organization')\nfind_projects(organizationSlug='my-organization', query='backend')\n</examples>\n\n<hints>\n- Organizations with more than 25 projects page: the answer gives the cursor of the next page.\n</hints>")]
    [SentryTool(PermissionGroup.Read, "project:read", Skills = [Skill.Inspect, Skill.Seer, Skill.Docs, Skill.Triage, Skill.ProjectManagement])]
    public static async Task<CallToolResult> FindProjects(
        SentryToolContext context,
        McpServer server,
        [Description("The organization's slug. find_organizations lists the organizations you can access.")] string organizationSlug,
        [Description("The organization's region URL, if known (from find_organizations). Leave empty for self-hosted Sentry.")] string? regionUrl = null,
        [Description("Search query to filter projects by name or slug.")] string? query = null,
        [Description(PageCursor.Description)] string? cursor = null,
        CancellationToken cancellationToken = default)
    {
        var org = SentryToolContext.Require(organizationSlug, nameof(organizationSlug));
        var search = string.IsNullOrWhiteSpace(query) ? null : query.Trim();
        var from = PageCursor.Parse(cursor);
        var (projects, next) = await context.Api.ListProjectsPageAsync(org, search, ResultLimit, from, regionUrl, cancellationToken).ConfigureAwait(false);
        var tools = SessionTools.Of(server);
        var md = new Markdown().Title($"Projects in **{org}**");
        if (projects.Count == 0)
        {
            var text = search is not null ? $"No projects found matching {Markdown.Code(search)}."
                : from is not null ? "No more projects: this page is past the last one."
                : $"No projects found in {Markdown.Code(org)}." + (tools.Has("create_project") ? " Create one with `create_project` (find_teams lists the teams that can own it)." : "");
            return ToolResults.Structured(md.Paragraph(text).ToString(), new ProjectListOutput([], false, null));
        }
        var shown = projects.Take(ResultLimit).ToList();
        foreach (var project in shown)
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
        md.NextPage(next, search is null
            ? $"find_projects(organizationSlug='{org}', cursor='{{cursor}}')"
            : $"find_projects(organizationSlug='{org}', query='{search}', cursor='{{cursor}}')");
        var slug = shown[0].Slug;
        var nextCalls = new[]
        {
            tools.Has("search_issues") ? $"`search_issues(organizationSlug='{org}', projectSlugOrId='{slug}', query='unresolved errors')`" : null,
            tools.Has("find_dsns") ? $"`find_dsns(organizationSlug='{org}', projectSlug='{slug}')`" : null,
            tools.Has("find_releases") ? $"`find_releases(organizationSlug='{org}', projectSlug='{slug}')`" : null,
        }.OfType<string>().ToList();
        var hints = new List<string> { "Each heading is a project slug: pass it as `projectSlug` (or `projectSlugOrId`) to other tools." };
        if (nextCalls.Count > 0)
        {
            hints.Add("Next: " + string.Join(", ", nextCalls) + ".");
        }
        var data = new ProjectListOutput([.. shown.Select(p => ToOutput(context, org, p))], next is not null, next);
        return ToolResults.Structured(md.UsingThisInformation([.. hints]).ToString(), data);
    }

    internal static ProjectOutput ToOutput(SentryToolContext context, string org, Api.Models.SentryProject project) => new(
        project.Id,
        project.Slug,
        project.Name,
        project.Platform,
        project.Teams?.Select(t => t.Slug).OfType<string>().ToList() ?? [],
        context.Host.ProjectUrl(org, project.Slug));
}
