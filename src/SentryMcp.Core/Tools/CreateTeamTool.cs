using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class CreateTeamTool
{
    [McpServerTool(Name = "create_team", Title = "Create team", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(CreateTeamOutput))]
    [Description("Create a new team in Sentry.\n\nUse this tool when the user wants to:\n- Create a new team\n- Set up a team called [X]\n- Have a team for a new project\n\nBe careful when using this tool! If any parameter is ambiguous, ask the user first.\n\n<examples>\ncreate_team(organizationSlug='my-organization', name='the-goats')\n</examples>")]
    [SentryTool(PermissionGroup.ProjectManagement, "team:write", Skills = [Skill.ProjectManagement])]
    public static async Task<CallToolResult> CreateTeam(
        SentryToolContext context,
        McpServer server,
        [Description("The organization's slug. find_organizations lists the organizations you can access.")] string organizationSlug,
        [Description("The name of the team to create (at most 64 characters). Sentry derives the team slug from it.")] string name,
        [Description("The organization's region URL, if known (from find_organizations). Leave empty for self-hosted Sentry.")] string? regionUrl = null,
        CancellationToken cancellationToken = default)
    {
        var org = SentryToolContext.Require(organizationSlug, nameof(organizationSlug));
        var teamName = ProjectManagementInput.Name(name, nameof(name));
        var team = await context.Api.CreateTeamAsync(org, teamName, regionUrl, cancellationToken).ConfigureAwait(false);
        var hints = new List<string> { "Tell the user the team's slug." };
        if (SessionTools.Of(server).Has("create_project"))
        {
            hints.Add($"Create a project owned by it: `create_project(organizationSlug='{org}', teamSlug='{team.Slug}', name)`.");
        }
        var text = new Markdown()
            .Title($"New Team in **{org}**")
            .Field("ID", team.Id)
            .Field("Slug", team.Slug)
            .Field("Name", team.Name)
            .UsingThisInformation([.. hints])
            .ToString();
        return ToolResults.Structured(text, new CreateTeamOutput(FindTeamsTool.ToOutput(team)));
    }
}
