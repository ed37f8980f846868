using System.ComponentModel;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Formatting;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class CreateProjectTool
{
    [McpServerTool(Name = "create_project", Title = "Create project", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = true)]
    [Description("Create a new project in Sentry (provisions a DSN automatically).\n\nUse this tool when the user wants to:\n- Create a new project\n- Set up a project for [app/service] with team [X]\n- Create a project AND get its DSN in one step\n- Create a project and link a repository that is already connected to Sentry\n\nReturns the created project's slug and a usable SENTRY_DSN.\n\nBe careful when using this tool!\n\n<examples>\ncreate_project(organizationSlug='my-organization', teamSlug='my-team', name='my-project', platform='javascript')\ncreate_project(organizationSlug='my-organization', teamSlug='my-team', name='My Project', slug='my-project', platform='javascript')\ncreate_project(organizationSlug='my-organization', teamSlug='my-team', name='my-project', platform='javascript', repository='getsentry/sentry')\n</examples>")]
    [SentryTool(PermissionGroup.ProjectManagement, "project:write", "team:read", "org:read", Skills = [Skill.ProjectManagement])]
    public static async Task<string> CreateProject(
        SentryToolContext context,
        [Description("The organization's slug. find_organizations lists the organizations you can access.")] string organizationSlug,
        [Description("The slug of the team that will own the project. find_teams lists the teams of an organization.")] string teamSlug,
        [Description("The name of the project to create (at most 64 characters), typically the application or service name. It is only a visual label in Sentry.")] string name,
        [Description("Optional project slug to create; Sentry derives one from the name when it is omitted.")] string? slug = null,
        [Description("The platform for the project, e.g. python, javascript, javascript-react, csharp-aspnetcore.")] string? platform = null,
        [Description("The organization's region URL, if known (from find_organizations). Leave empty for self-hosted Sentry.")] string? regionUrl = null,
        [Description("Optional repository to link to the project, e.g. 'getsentry/sentry'. It must already be connected to the organization through a VCS integration (GitHub, GitLab…).")] string? repository = null,
        CancellationToken cancellationToken = default)
    {
        var org = SentryToolContext.Require(organizationSlug, nameof(organizationSlug));
        var team = SentryToolContext.Require(teamSlug, nameof(teamSlug));
        var projectName = ProjectManagementInput.Name(name, nameof(name));
        var projectSlug = ProjectManagementInput.OptionalSlug(slug, nameof(slug));
        var projectPlatform = ProjectManagementInput.OptionalPlatform(platform);
        // Resolved before the project exists, so a wrong or ambiguous name leaves nothing behind.
        var repo = string.IsNullOrWhiteSpace(repository) ? null
            : await ProjectRepositoryLink.FindAsync(context, org, repository.Trim(), regionUrl, cancellationToken).ConfigureAwait(false);

        var project = await context.Api.CreateProjectAsync(org, team, projectName, projectSlug, projectPlatform, regionUrl, cancellationToken).ConfigureAwait(false);
        var linked = repo is null ? (bool?)null
            : await ProjectRepositoryLink.LinkAsync(context, org, project.Slug, repo, regionUrl, cancellationToken).ConfigureAwait(false);
        var key = await UsableKeyAsync(context, org, project.Slug, regionUrl, cancellationToken).ConfigureAwait(false);
        var dsn = key?.Dsn?.Public;

        var md = new Markdown()
            .Title($"New Project in **{org}**")
            .Field("ID", project.Id)
            .Field("Slug", project.Slug)
            .Field("Name", project.Name)
            .Field("Platform", project.Platform)
            .Field("Team", team)
            .Field("SENTRY_DSN", dsn ?? "unavailable")
            .Field("Repository", repo is null ? null : linked == true
                ? $"{repo.Name} (linked: stack traces map to the repository root)"
                : $"found {repo.Name}, but linking it failed; link it in Sentry's Code Mappings settings")
            .Field("Web URL", context.Host.ProjectUrl(org, project.Slug));
        if (linked == false)
        {
            md.Paragraph("The project was created; only the repository link is missing. Check that the token may create code mappings for the organization, or link the repository in Sentry (Settings, Integrations, Code Mappings).");
        }
        return (dsn is not null
            ? md.UsingThisInformation(
                "Tell the user the project slug and the **SENTRY_DSN**.",
                "No separate DSN step is needed: SDKs are initialised with this SENTRY_DSN.")
            : md.UsingThisInformation(
                "Tell the user the project slug.",
                "The project was created, but its DSN could not be read or created.",
                $"Create one with `create_dsn(organizationSlug='{org}', projectSlug='{project.Slug}', name='Default')` before initialising an SDK.")).ToString();
    }

    /// <summary>
    /// Sentry creates a "Default" key with each project; prefer it, else any active key, else create
    /// one. Failures here are not fatal: the project exists, and the output says how to get a DSN.
    /// </summary>
    private static async Task<SentryClientKey?> UsableKeyAsync(SentryToolContext context, string org, string projectSlug, string? regionUrl, CancellationToken ct)
    {
        try
        {
            var keys = await context.Api.ListClientKeysAsync(org, projectSlug, regionUrl, ct).ConfigureAwait(false);
            var usable = keys.Where(k => k.IsActive != false && !string.IsNullOrEmpty(k.Dsn?.Public)).ToList();
            return usable.FirstOrDefault(k => k.Name == "Default") ?? usable.FirstOrDefault()
                ?? await context.Api.CreateClientKeyAsync(org, projectSlug, "Default", regionUrl, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SentryApiException or SentryUnavailableException or SentryResponseFormatException)
        {
            return null;
        }
    }
}
