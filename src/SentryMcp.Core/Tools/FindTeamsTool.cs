using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class FindTeamsTool
{
    private const int ResultLimit = 25;

    [McpServerTool(Name = "find_teams", Title = "Find teams", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(TeamListOutput))]
    [Description("Find teams in an organization in Sentry.\n\nUse this tool when you need to:\n- View teams in a Sentry organization\n- Find a team's slug to aid other tool requests (create_project needs one)\n- Search for specific teams by name or slug\n\nReturns up to 25 results per page; use the query parameter to narrow them down, or cursor for the next page.\n\n<examples>\nfind_teams(organizationSlug='my-organization')\nfind_teams(organizationSlug='my-organization', query='backend')\n</examples>")]
    [SentryTool(PermissionGroup.Read, "team:read", Skills = [Skill.Inspect, Skill.Triage, Skill.ProjectManagement])]
    public static async Task<CallToolResult> FindTeams(
        SentryToolContext context,
        McpServer server,
        [Description("The organization's slug. find_organizations lists the organizations you can access.")] string organizationSlug,
        [Description("The organization's region URL, if known (from find_organizations). Leave empty for self-hosted Sentry.")] string? regionUrl = null,
        [Description("Search query to filter teams by name or slug.")] string? query = null,
        [Description(PageCursor.Description)] string? cursor = null,
        CancellationToken cancellationToken = default)
    {
        var org = SentryToolContext.Require(organizationSlug, nameof(organizationSlug));
        var search = string.IsNullOrWhiteSpace(query) ? null : query.Trim();
        var from = PageCursor.Parse(cursor);
        var (teams, next) = await context.Api.ListTeamsPageAsync(org, search, ResultLimit, from, regionUrl, cancellationToken).ConfigureAwait(false);
        var tools = SessionTools.Of(server);
        var md = new Markdown().Title($"Teams in **{org}**");
        if (teams.Count == 0)
        {
            var text = search is not null ? $"No teams found matching {Markdown.Code(search)}."
                : from is not null ? "No more teams: this page is past the last one."
                : $"No teams found in {Markdown.Code(org)}." + (tools.Has("create_team") ? $" Create one with `create_team(organizationSlug='{org}', name)`." : "");
            return ToolResults.Structured(md.Paragraph(text).ToString(), new TeamListOutput([], false, null));
        }
        var shown = teams.Take(ResultLimit).ToList();
        foreach (var team in shown)
        {
            var projects = team.Projects?.Select(p => p.Slug).OfType<string>().ToList() ?? [];
            md.Heading(team.Slug)
                .Field("ID", team.Id)
                .Field("Name", team.Name)
                .Field("Members", team.MemberCount?.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Field("Projects", projects.Count == 0 ? null : string.Join(", ", projects.Select(Markdown.Code)))
                .Line();
        }
        md.NextPage(next, search is null
            ? $"find_teams(organizationSlug='{org}', cursor='{{cursor}}')"
            : $"find_teams(organizationSlug='{org}', query='{search}', cursor='{{cursor}}')");
        var hints = new List<string>
        {
            tools.Has("create_project")
                ? $"Each heading is a team slug: pass it as `teamSlug` to `create_project(organizationSlug='{org}', teamSlug='{shown[0].Slug}', name)`."
                : "Each heading is a team slug.",
        };
        if (tools.Has("find_projects"))
        {
            hints.Add($"Next: `find_projects(organizationSlug='{org}')` lists the organization's projects.");
        }
        var data = new TeamListOutput([.. shown.Select(ToOutput)], next is not null, next);
        return ToolResults.Structured(md.UsingThisInformation([.. hints]).ToString(), data);
    }

    internal static TeamOutput ToOutput(SentryTeam team) =>
        new(team.Id, team.Slug, team.Name, team.MemberCount, team.Projects?.Select(p => p.Slug).OfType<string>().ToList() ?? []);
}
