using System.ComponentModel;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class UpdateProjectTool
{
    // Destructive because a slug change breaks links and SDK settings that use the old slug.
    [McpServerTool(Name = "update_project", Title = "Update project", ReadOnly = false, Destructive = true, Idempotent = false, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(UpdateProjectOutput))]
    [Description("Update project metadata in Sentry: name, slug and platform.\n\nBe careful when using this tool!\n\nUse this tool when you need to:\n- Fix a project's name or slug after onboarding mistakes\n- Change the platform assigned to a project\n\n<examples>\nupdate_project(organizationSlug='my-organization', projectSlug='old-project', name='New Project Name', slug='new-project-slug')\nupdate_project(organizationSlug='my-organization', projectSlug='my-project', platform='python')\n</examples>\n\n<hints>\n- A parameter in the form name/otherName is likely <organizationSlug>/<projectSlug>.\n- After a slug change the project is reachable only under the new slug.\n- Do not change the slug from a project-scoped session.\n</hints>")]
    [SentryTool(PermissionGroup.ProjectManagement, "project:write", Skills = [Skill.ProjectManagement])]
    public static async Task<CallToolResult> UpdateProject(
        SentryToolContext context,
        RequestContext<CallToolRequestParams> request,
        IOptions<ConfirmationOptions> confirmation,
        [Description("The organization's slug. find_organizations lists the organizations you can access.")] string organizationSlug,
        [Description("The current slug of the project to update. find_projects lists the projects of an organization.")] string projectSlug,
        [Description("The new name for the project (at most 64 characters).")] string? name = null,
        [Description("The new slug for the project (must be unique in the organization).")] string? slug = null,
        [Description("The new platform for the project, e.g. python, javascript, javascript-react.")] string? platform = null,
        [Description("The organization's region URL, if known (from find_organizations). Leave empty for self-hosted Sentry.")] string? regionUrl = null,
        CancellationToken cancellationToken = default)
    {
        var org = SentryToolContext.Require(organizationSlug, nameof(organizationSlug));
        var current = SentryToolContext.Require(projectSlug, nameof(projectSlug));
        var newName = string.IsNullOrWhiteSpace(name) ? null : ProjectManagementInput.Name(name, nameof(name));
        var newSlug = ProjectManagementInput.OptionalSlug(slug, nameof(slug));
        var newPlatform = ProjectManagementInput.OptionalPlatform(platform);
        if (newName is null && newSlug is null && newPlatform is null)
        {
            throw new UserInputException("Nothing to update: pass at least one of `name`, `slug` or `platform`.");
        }
        if (newSlug is not null && context.Constraints.ProjectSlug is not null)
        {
            throw new UserInputException(
                "This session is pinned to one project, so its slug cannot be changed here. Reconnect with an organization-scoped or unconstrained session to rename the slug.");
        }

        if (newSlug is not null && newSlug != current)
        {
            var answer = await UserConfirmation.AskAsync(request, $"Change the slug of project {current} in {org} to {newSlug}? Links and API paths that use the old slug stop working.",
                confirmation.Value.Timeout, cancellationToken).ConfigureAwait(false);
            if (answer is ConfirmationOutcome.Declined or ConfirmationOutcome.Cancelled)
            {
                return ToolResults.Structured(UserConfirmation.NotDone(answer, $"change the slug of project {current} to {newSlug}"), new UpdateProjectOutput(false, null));
            }
        }
        var project = await context.Api.UpdateProjectAsync(org, current, newName, newSlug, newPlatform, regionUrl, cancellationToken).ConfigureAwait(false);
        var md = new Markdown()
            .Title($"Updated Project in **{org}**")
            .Field("ID", project.Id)
            .Field("Slug", project.Slug)
            .Field("Name", project.Name)
            .Field("Platform", project.Platform ?? "(none)")
            .Field("Web URL", context.Host.ProjectUrl(org, project.Slug));
        var renamed = project.Slug != current;
        var text = md.UsingThisInformation(renamed
            ? [$"The slug changed from {Markdown.Code(current)} to {Markdown.Code(project.Slug)}: use the new slug in every further call.",
               "Existing DSNs keep working; only links and API paths use the slug."]
            : [$"The project keeps its slug {Markdown.Code(project.Slug)}."]).ToString();
        return ToolResults.Structured(text, new UpdateProjectOutput(true, FindProjectsTool.ToOutput(context, org, project)));
    }
}
