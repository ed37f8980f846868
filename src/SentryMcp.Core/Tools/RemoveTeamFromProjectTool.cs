using System.ComponentModel;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class RemoveTeamFromProjectTool
{
    // Destructive: the team's members lose access to the project's issues and settings.
    [McpServerTool(Name = "remove_team_from_project", Title = "Remove team from project", ReadOnly = false, Destructive = true, Idempotent = false, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(ProjectTeamsOutput))]
    [Description("Revoke a team's access to an existing Sentry project.\n\nUse this tool when you need to:\n- Remove a team from a project\n- Revoke a team's access without changing the project's name, slug or platform\n- Check a project's teams before removing access\n\nBe careful when using this tool: it revokes project access.\n\n<examples>\nremove_team_from_project(organizationSlug='my-organization', projectSlug='my-project', teamSlug='my-team')\n</examples>\n\n<hints>\n- The team must have access to the project.\n- The last team of a project is never removed: add another team first.\n</hints>")]
    [SentryTool(PermissionGroup.ProjectManagement, "project:write", "team:read", "org:read", Skills = [Skill.ProjectManagement])]
    public static async Task<CallToolResult> RemoveTeamFromProject(
        SentryToolContext context,
        RequestContext<CallToolRequestParams> request,
        IOptions<ConfirmationOptions> confirmation,
        [Description("The organization's slug. find_organizations lists the organizations you can access.")] string organizationSlug,
        [Description("The project's slug. find_projects lists the projects of an organization.")] string projectSlug,
        [Description("The slug of the team whose access to revoke. find_teams lists the teams of an organization.")] string teamSlug,
        [Description("The organization's region URL, if known (from find_organizations). Leave empty for self-hosted Sentry.")] string? regionUrl = null,
        CancellationToken cancellationToken = default)
    {
        var org = SentryToolContext.Require(organizationSlug, nameof(organizationSlug));
        var project = SentryToolContext.Require(projectSlug, nameof(projectSlug));
        var team = SentryToolContext.Require(teamSlug, nameof(teamSlug));

        var current = await ProjectTeamSupport.TeamsAsync(context, org, project, regionUrl, cancellationToken).ConfigureAwait(false);
        if (!current.Any(t => t.Slug == team))
        {
            throw new UserInputException($"Team '{team}' has no access to '{project}', so there is nothing to remove. Its teams are: {ProjectTeamSupport.List(current)}.");
        }
        if (current.Count == 1)
        {
            // Sentry would accept it and leave the project without a team that can manage it.
            throw new UserInputException($"Team '{team}' is the only team of '{project}'. Add another team with `add_team_to_project` before removing this one.");
        }
        var answer = await UserConfirmation.AskAsync(request, $"Remove team {team} from project {project} in {org}? Its members lose access to the project.",
            confirmation.Value.Timeout, cancellationToken).ConfigureAwait(false);
        if (answer is ConfirmationOutcome.Declined or ConfirmationOutcome.Cancelled)
        {
            return ToolResults.Structured(UserConfirmation.NotDone(answer, $"remove team {team} from project {project}"), ProjectTeamSupport.Output(changed: false, current));
        }

        await context.Api.RemoveTeamFromProjectAsync(org, project, team, regionUrl, cancellationToken).ConfigureAwait(false);
        var updated = await ProjectTeamSupport.TeamsAsync(context, org, project, regionUrl, cancellationToken).ConfigureAwait(false);
        return ToolResults.Structured(
            ProjectTeamSupport.Answer($"Teams of **{org}/{project}**", $"Team {team} no longer has access to {project}.", org, project, updated,
                $"To give the access back: `add_team_to_project(organizationSlug='{org}', projectSlug='{project}', teamSlug='{team}')`."),
            ProjectTeamSupport.Output(changed: true, updated));
    }
}
