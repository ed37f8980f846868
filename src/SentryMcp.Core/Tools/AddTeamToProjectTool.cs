using System.ComponentModel;
using System.Net;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class AddTeamToProjectTool
{
    [McpServerTool(Name = "add_team_to_project", Title = "Add team to project", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(ProjectTeamsOutput))]
    [Description("Grant a team access to an existing Sentry project.\n\nUse this tool when you need to:\n- Add another team to a project\n- Give a team access without changing the project's name, slug or platform\n- Check whether a team already has access before adding it\n\n<examples>\nadd_team_to_project(organizationSlug='my-organization', projectSlug='my-project', teamSlug='my-team')\n</examples>\n\n<hints>\n- Team access is separate from project metadata (update_project changes that).\n- When the team already has access nothing is changed and the current teams are returned.\n</hints>")]
    [SentryTool(PermissionGroup.ProjectManagement, "project:write", "team:read", "org:read", Skills = [Skill.ProjectManagement])]
    public static async Task<CallToolResult> AddTeamToProject(
        SentryToolContext context,
        [Description("The organization's slug. find_organizations lists the organizations you can access.")] string organizationSlug,
        [Description("The project's slug. find_projects lists the projects of an organization.")] string projectSlug,
        [Description("The slug of the team to give access. find_teams lists the teams of an organization.")] string teamSlug,
        [Description("The organization's region URL, if known (from find_organizations). Leave empty for self-hosted Sentry.")] string? regionUrl = null,
        CancellationToken cancellationToken = default)
    {
        var org = SentryToolContext.Require(organizationSlug, nameof(organizationSlug));
        var project = SentryToolContext.Require(projectSlug, nameof(projectSlug));
        var team = SentryToolContext.Require(teamSlug, nameof(teamSlug));
        var title = $"Teams of **{org}/{project}**";

        var current = await ProjectTeamSupport.TeamsAsync(context, org, project, regionUrl, cancellationToken).ConfigureAwait(false);
        if (current.Any(t => t.Slug == team))
        {
            return ToolResults.Structured(
                ProjectTeamSupport.Answer(title, $"Team {team} already has access to {project}; nothing was changed.", org, project, current),
                ProjectTeamSupport.Output(changed: false, current));
        }
        try
        {
            await context.Api.AddTeamToProjectAsync(org, project, team, regionUrl, cancellationToken).ConfigureAwait(false);
        }
        catch (SentryApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            // The project answered a moment ago, so the missing resource is the team.
            throw new UserInputException($"Team '{team}' was not found in '{org}'. `find_teams(organizationSlug='{org}')` lists the teams; create one with `create_team`.");
        }
        var updated = await ProjectTeamSupport.TeamsAsync(context, org, project, regionUrl, cancellationToken).ConfigureAwait(false);
        return ToolResults.Structured(
            ProjectTeamSupport.Answer(title, $"Team {team} now has access to {project}.", org, project, updated,
                $"To take the access back: `remove_team_from_project(organizationSlug='{org}', projectSlug='{project}', teamSlug='{team}')`."),
            ProjectTeamSupport.Output(changed: true, updated));
    }
}
