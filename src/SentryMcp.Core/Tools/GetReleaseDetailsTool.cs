using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class GetReleaseDetailsTool
{
    [McpServerTool(Name = "get_release_details", Title = "Get release details", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(ReleaseDetailsOutput))]
    [Description("Get one Sentry release in detail: dates, new issues, projects, its deploys and environments, the commits it shipped and, for a project, its release health (crash-free sessions and users, adoption).\n\nUse this tool when you need to:\n- Inspect an exact release version\n- Scope a release lookup to a specific project\n- See deploys and environments for a release\n- See recent commits attached to a release\n- Gather release health metadata when a project is known\n\n<examples>\nget_release_details(organizationSlug='my-organization', releaseVersion='1.2.3')\nget_release_details(organizationSlug='my-organization', releaseVersion='1.2.3', projectSlugOrId='backend')\nget_release_details(organizationSlug='my-organization', releaseVersion='1.2.3', includeHealth=true, projectSlugOrId='backend')\n</examples>\n\n<hints>\n- releaseVersion is the full version (e.g. 'backend@1.2.3'); find_releases lists them.\n- includeHealth needs projectSlugOrId: health is measured per project.\n</hints>")]
    [SentryTool(PermissionGroup.Read, "project:read", Skills = [Skill.Inspect])]
    public static async Task<CallToolResult> GetReleaseDetails(
        SentryToolContext context,
        [Description("The organization's slug. find_organizations lists the organizations you can access.")] string organizationSlug,
        [Description("The exact, full release version, e.g. 'backend@1.2.3' or a commit SHA. find_releases lists them.")] string releaseVersion,
        [Description("The organization's region URL, if known (from find_organizations). Leave empty for self-hosted Sentry.")] string? regionUrl = null,
        [Description("Project slug or numeric ID: scopes the release, its deploys and commits to one project; required for includeHealth.")] string? projectSlugOrId = null,
        [Description("Include the project's release health (crash-free sessions and users, adoption). Requires projectSlugOrId.")] bool includeHealth = false,
        [Description("Include the release's recent deploys.")] bool includeDeploys = true,
        [Description("Include the commits attached to the release.")] bool includeCommits = true,
        [Description("Maximum number of deploys and of commits to return (1-50, default 10).")][Range(1, 50)] int limit = 10,
        CancellationToken cancellationToken = default)
    {
        var org = SentryToolContext.Require(organizationSlug, nameof(organizationSlug));
        var version = SentryToolContext.Require(releaseVersion, nameof(releaseVersion));
        var project = string.IsNullOrWhiteSpace(projectSlugOrId) ? null : projectSlugOrId.Trim();
        if (limit is < 1 or > 50)
        {
            throw new UserInputException($"limit must be between 1 and 50 (got {limit}).");
        }
        if (includeHealth && project is null)
        {
            throw new UserInputException("Release health is measured per project: pass projectSlugOrId with includeHealth=true (find_projects lists them).");
        }

        SentryRelease release;
        ReleaseHealth health;
        try
        {
            (release, health) = await context.Api.GetReleaseAsync(org, version, project, includeHealth, regionUrl, cancellationToken).ConfigureAwait(false);
        }
        catch (SentryApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            var where = project is null ? $"organization '{org}'" : $"project '{project}' of organization '{org}'";
            throw new UserInputException($"No release '{version}' was found in {where} (HTTP 404). Versions are exact and case-sensitive; find_releases(organizationSlug='{org}', query='<part of the version>') lists them.");
        }
        var deploysTask = includeDeploys ? context.Api.ListReleaseDeploysAsync(org, release.Version, project, limit, regionUrl, cancellationToken) : Task.FromResult(new List<ReleaseDeployDetails>());
        var commitsTask = includeCommits ? context.Api.ListReleaseCommitsAsync(org, release.Version, project, limit, regionUrl, cancellationToken) : Task.FromResult(new List<ReleaseCommitDetails>());
        var deploys = (await deploysTask.ConfigureAwait(false)).Take(limit).ToList();
        var commits = (await commitsTask.ConfigureAwait(false)).Take(limit).ToList();
        var healthOutput = includeHealth ? HealthOutput(release, health, project!) : null;

        var url = $"{context.Host.OrganizationUrl(org)}releases/{Uri.EscapeDataString(release.Version)}/";
        var md = new Markdown().Title($"Release {release.Version} in **{org}**" + (project is null ? "" : $" (project {project})"))
            .Field("Short Version", release.ShortVersion is { } shortVersion && shortVersion != release.Version ? shortVersion : null)
            .Field("Projects", release.Projects is { Count: > 0 } projects ? string.Join(", ", projects.Select(p => Markdown.Code(p.Slug ?? p.Name))) : null)
            .Field("Created", Markdown.Date(release.DateCreated))
            .Field("Released", release.DateReleased is null ? "not released yet" : Markdown.Date(release.DateReleased))
            .Field("First Event", Markdown.Date(release.FirstEvent))
            .Field("Last Event", Markdown.Date(release.LastEvent))
            .Field("New Issues", release.NewGroups?.ToString(CultureInfo.InvariantCulture))
            .Field("Commits", release.CommitCount?.ToString(CultureInfo.InvariantCulture))
            .Field("Deploys", release.DeployCount?.ToString(CultureInfo.InvariantCulture))
            .Field("Sentry URL", url)
            .Line();
        if (healthOutput is not null)
        {
            AppendHealth(md, healthOutput);
        }
        if (includeDeploys)
        {
            md.Heading("Deploys");
            if (deploys.Count == 0)
            {
                md.Paragraph("No deploys recorded for this release.");
            }
            foreach (var deploy in deploys)
            {
                md.Bullet($"**{deploy.Environment ?? "unknown environment"}**: started {Markdown.Date(deploy.DateStarted) ?? "?"}, finished {Markdown.Date(deploy.DateFinished) ?? "(still running)"}");
            }
            md.Line();
        }
        if (includeCommits)
        {
            md.Heading("Commits");
            if (commits.Count == 0)
            {
                md.Paragraph("No commits are attached to this release (Sentry needs a repository integration or `sentry-cli releases set-commits`).");
            }
            foreach (var commit in commits)
            {
                var author = commit.Author?.Name ?? commit.Author?.Email;
                md.Bullet($"{Markdown.Code(ShortSha(commit.Id))} {Markdown.Truncate(commit.Message?.Split('\n')[0], 120)}"
                    + (author is null ? "" : $" by {author}") + (commit.Repository?.Name is { } repo ? $" ({repo})" : "")
                    + (Markdown.Date(commit.DateCreated) is { } at ? $", {at}" : ""));
            }
            if (release.CommitCount is { } total && total > commits.Count && commits.Count > 0)
            {
                md.Line().Paragraph($"*Showing {commits.Count} of {total} commits; raise limit (up to 50) to see more.*");
            }
            md.Line();
        }

        var hints = new List<string>
        {
            $"Issues first seen in this release: `search_issues(organizationSlug='{org}', query='first-release:{release.Version}')`.",
            $"Errors of this release: `search_events(organizationSlug='{org}', dataset='errors', query='release:{release.Version}')`.",
        };
        if (!includeHealth && project is not null)
        {
            hints.Add($"Crash-free rates and adoption: call again with `includeHealth=true`.");
        }
        else if (!includeHealth && release.Projects is { Count: > 0 } releaseProjects)
        {
            hints.Add($"Crash-free rates and adoption: `get_release_details(organizationSlug='{org}', releaseVersion='{release.Version}', projectSlugOrId='{releaseProjects[0].Slug}', includeHealth=true)`.");
        }
        var data = new ReleaseDetailsOutput(FindReleasesTool.ToOutput(context, org, release),
            [.. deploys.Select(d => new DeployOutput(d.Id, d.Environment, d.Name, d.DateStarted, d.DateFinished))],
            [.. commits.Select(c => new CommitOutput(c.Id, c.Message, c.Author?.Name ?? c.Author?.Email, c.Repository?.Name, c.DateCreated))],
            healthOutput);
        return ToolResults.Structured(md.UsingThisInformation([.. hints]).ToString(), data);
    }

    private static ReleaseHealthOutput HealthOutput(SentryRelease release, ReleaseHealth health, string project)
    {
        var projectHealth = health.Projects?.FirstOrDefault(p => p.HealthData is { ValueKind: JsonValueKind.Object }
            && (p.Slug == project || health.Projects.Count == 1))?.HealthData;
        var meta = health.CurrentProjectMeta;
        var stage = health.AdoptionStages is { ValueKind: JsonValueKind.Object } stages
            ? stages.Properties().Select(p => p.Value.Str("stage")).FirstOrDefault(s => s is not null) : null;
        return new ReleaseHealthOutput(project,
            Number(projectHealth, "crashFreeSessions"), Number(projectHealth, "crashFreeUsers"),
            (long?)Number(projectHealth, "totalSessions"), (long?)Number(projectHealth, "totalUsers"),
            Number(projectHealth, "adoption"), stage,
            meta?.GetValueOrDefault("prevReleaseVersion").Scalar(), meta?.GetValueOrDefault("nextReleaseVersion").Scalar());
    }

    private static void AppendHealth(Markdown md, ReleaseHealthOutput health)
    {
        md.Heading($"Health in {health.Project}");
        if (health.CrashFreeSessions is null && health.CrashFreeUsers is null && health.TotalSessions is null)
        {
            md.Paragraph("No session data for this release: release health needs an SDK that sends sessions.");
        }
        md.Field("Crash-Free Sessions", Percent(health.CrashFreeSessions))
            .Field("Crash-Free Users", Percent(health.CrashFreeUsers))
            .Field("Sessions", health.TotalSessions?.ToString("#,0", CultureInfo.InvariantCulture))
            .Field("Users", health.TotalUsers?.ToString("#,0", CultureInfo.InvariantCulture))
            .Field("Adoption", Percent(health.Adoption))
            .Field("Adoption Stage", health.Stage)
            .Field("Previous Release", health.PreviousRelease)
            .Field("Next Release", health.NextRelease)
            .Line();
    }

    private static double? Number(JsonElement? element, string name) =>
        element?.Prop(name) is { ValueKind: JsonValueKind.Number } value ? value.GetDouble() : null;

    private static string? Percent(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) + (value is null ? null : "%");

    private static string ShortSha(string? id) => id is { Length: 40 } ? id[..12] : id ?? "";
}
