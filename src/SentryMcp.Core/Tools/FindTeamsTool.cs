using System.ComponentModel;
using ModelContextProtocol.Server;
using SentryMcp.Core.Formatting;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class FindTeamsTool
{
    private const int ResultLimit = 25;

    [McpServerTool(Name = "find_teams", Title = "Find teams", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Find teams in an organization in Sentry.\n\nUse this tool when you need to:\n- View teams in a Sentry organization\n- Find a team's slug to aid other tool requests (create_project needs one)\n- Search for specific teams by name or slug\n\nReturns up to 25 results; use the query parameter to narrow them down.")]
    [SentryTool(PermissionGroup.Read, "team:read")]
    public static async Task<string> FindTeams(
        SentryToolContext context,
        [Description("The organization's slug. find_organizations lists the organizations you can access.")] string organizationSlug,
        [Description("The organization's region URL, if known (from find_organizations). Leave empty for self-hosted Sentry.")] string? regionUrl = null,
        [Description("Search query to filter teams by name or slug.")] string? query = null,
        CancellationToken cancellationToken = default)
    {
        var org = SentryToolContext.Require(organizationSlug, nameof(organizationSlug));
        var search = string.IsNullOrWhiteSpace(query) ? null : query.Trim();
        var teams = await context.Api.ListTeamsAsync(org, search, ResultLimit + 1, regionUrl, cancellationToken).ConfigureAwait(false);
        var md = new Markdown().Title($"Teams in **{org}**");
        if (teams.Count == 0)
        {
            return md.Paragraph(search is null
                ? $"No teams found in {Markdown.Code(org)}. Create one with `create_team(organizationSlug='{org}', name)`."
                : $"No teams found matching {Markdown.Code(search)}.").ToString();
        }
        foreach (var team in teams.Take(ResultLimit))
        {
            var projects = team.Projects?.Select(p => p.Slug).OfType<string>().ToList() ?? [];
            md.Heading(team.Slug)
                .Field("ID", team.Id)
                .Field("Name", team.Name)
                .Field("Members", team.MemberCount?.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Field("Projects", projects.Count == 0 ? null : string.Join(", ", projects.Select(Markdown.Code)))
                .Line();
        }
        md.MoreAvailable(teams.Count > ResultLimit, "Pass a query to narrow the list.");
        return md.UsingThisInformation(
            "Each heading is a team slug: pass it as `teamSlug` to `create_project`.",
            $"Next: `find_projects(organizationSlug='{org}')` lists the organization's projects.").ToString();
    }
}
