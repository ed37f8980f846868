using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class CreateDsnTool
{
    [McpServerTool(Name = "create_dsn", Title = "Create DSN", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(CreateClientKeyOutput))]
    [Description("Create an additional DSN for an EXISTING project.\n\nUse this tool when:\n- A project already exists and needs another DSN\n- The user asks for a separate DSN, e.g. for production\n\nDo not use it for new projects: create_project already returns a DSN.\n\nBe careful when using this tool! If any parameter is ambiguous, ask the user first.\n\n<examples>\ncreate_dsn(organizationSlug='my-organization', projectSlug='my-project', name='Production')\n</examples>")]
    [SentryTool(PermissionGroup.ProjectManagement, "project:write", Skills = [Skill.ProjectManagement])]
    public static async Task<CallToolResult> CreateDsn(
        SentryToolContext context,
        [Description("The organization's slug. find_organizations lists the organizations you can access.")] string organizationSlug,
        [Description("The project's slug. find_projects lists the projects of an organization.")] string projectSlug,
        [Description("The name of the DSN to create, for example 'Production' (at most 64 characters).")] string name,
        [Description("The organization's region URL, if known (from find_organizations). Leave empty for self-hosted Sentry.")] string? regionUrl = null,
        CancellationToken cancellationToken = default)
    {
        var org = SentryToolContext.Require(organizationSlug, nameof(organizationSlug));
        var project = SentryToolContext.Require(projectSlug, nameof(projectSlug));
        var keyName = ProjectManagementInput.Name(name, nameof(name));
        var key = await context.Api.CreateClientKeyAsync(org, project, keyName, regionUrl, cancellationToken).ConfigureAwait(false);
        var text = new Markdown()
            .Title($"New DSN in **{org}/{project}**")
            .Field("ID", key.Id)
            .Field("Name", key.Name)
            .Field("DSN", key.Dsn?.Public ?? "unavailable")
            .UsingThisInformation(
                "Tell the user the **DSN**: SDKs use it as `SENTRY_DSN` to send events to this project.",
                $"All keys of the project: `find_dsns(organizationSlug='{org}', projectSlug='{project}')`.")
            .ToString();
        return ToolResults.Structured(text, new CreateClientKeyOutput(FindDsnsTool.ToOutput(key)));
    }
}
