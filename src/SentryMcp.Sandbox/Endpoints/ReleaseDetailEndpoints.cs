using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace SentryMcp.Sandbox;

/// <summary>One release: details (with health when asked), deploys and commits.</summary>
public static class ReleaseDetailEndpoints
{
    private static readonly string[] ReadScopes = ["project:read", "project:releases", "org:ci"];

    public static void MapReleaseDetailEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/organizations/{org}/releases/{version}/", (HttpContext http, SandboxState state, string org, string version) =>
        {
            lock (state.Gate)
            {
                return state.Data.Release(org, version) is { } release
                    ? Details(http, state.Data, release, project: null)
                    : SentryErrors.NotFound();
            }
        }).RequireScope(ReadScopes);

        api.MapGet("/projects/{org}/{proj}/releases/{version}/", (HttpContext http, SandboxState state, string org, string proj, string version) =>
        {
            lock (state.Gate)
            {
                var project = state.Data.Project(org, proj);
                var release = state.Data.Release(org, version);
                return project is null || release is null || !release.ProjectIds.Contains(project.Id)
                    ? SentryErrors.NotFound()
                    : Details(http, state.Data, release, project);
            }
        }).RequireScope(ReadScopes);

        api.MapGet("/organizations/{org}/releases/{version}/deploys/", (HttpContext http, SandboxState state, string org, string version, string? project, string? projectSlug) =>
        {
            lock (state.Gate)
            {
                if (state.Data.Release(org, version) is not { } release)
                {
                    return SentryErrors.NotFound();
                }
                var scoped = project ?? projectSlug;
                if (scoped is not null && (state.Data.Project(org, scoped) is not { } p || !release.ProjectIds.Contains(p.Id)))
                {
                    return Paging.Page(http, Array.Empty<object>());
                }
                return Paging.Page(http, state.Data.DeploysOf(release).Select(d => (object)new
                {
                    id = d.Id, environment = d.Environment, name = $"{d.Environment} deploy", url = (string?)null,
                    dateStarted = d.DateStarted, dateFinished = d.DateFinished,
                }).ToList());
            }
        }).RequireScope(ReadScopes);

        api.MapGet("/organizations/{org}/releases/{version}/commits/", (HttpContext http, SandboxState state, string org, string version) =>
        {
            lock (state.Gate)
            {
                return state.Data.Release(org, version) is { } release ? Commits(http, state.Data, release) : SentryErrors.NotFound();
            }
        }).RequireScope(ReadScopes);

        api.MapGet("/projects/{org}/{proj}/releases/{version}/commits/", (HttpContext http, SandboxState state, string org, string proj, string version) =>
        {
            lock (state.Gate)
            {
                var project = state.Data.Project(org, proj);
                var release = state.Data.Release(org, version);
                return project is null || release is null || !release.ProjectIds.Contains(project.Id)
                    ? SentryErrors.NotFound()
                    : Commits(http, state.Data, release);
            }
        }).RequireScope(ReadScopes);
    }

    private static IResult Commits(HttpContext http, DemoData data, SandboxRelease release) =>
        Paging.Page(http, data.CommitsOf(release).Select(c => (object)new
        {
            id = c.Id, message = c.Message, dateCreated = c.DateCreated, pullRequest = (object?)null, suspectCommitType = "",
            author = new { name = c.Author.Name, email = c.Author.Email },
            repository = new { name = DemoData.RepositoryOf(release) },
        }).ToList());

    /// <summary>
    /// The list shape plus what Sentry adds for one release: <c>currentProjectMeta</c> for a project
    /// (its neighbouring releases) and, with <c>health=1</c>, each project's health and adoption stages.
    /// </summary>
    private static IResult Details(HttpContext http, DemoData data, SandboxRelease release, SandboxProject? project)
    {
        var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var node = JsonSerializer.SerializeToNode(SandboxShapes.ReleaseJson(data, release), json)!.AsObject();
        if (project is not null)
        {
            var versions = data.Releases.Where(r => r.OrganizationSlug == release.OrganizationSlug && r.ProjectIds.Contains(project.Id))
                .OrderBy(r => r.DateCreated).Select(r => r.Version).ToList();
            var at = versions.IndexOf(release.Version);
            node["currentProjectMeta"] = new JsonObject
            {
                ["prevReleaseVersion"] = at > 0 ? versions[at - 1] : null,
                ["nextReleaseVersion"] = at < versions.Count - 1 ? versions[at + 1] : null,
                ["firstReleaseVersion"] = versions[0],
                ["lastReleaseVersion"] = versions[^1],
            };
        }
        var health = data.HealthOf(release);
        if (http.Request.Query["health"] == "1")
        {
            foreach (var item in node["projects"]!.AsArray())
            {
                item!["hasHealthData"] = health is not null;
                item["healthData"] = health is null ? null : new JsonObject
                {
                    ["crashFreeSessions"] = health.CrashFreeSessions,
                    ["crashFreeUsers"] = health.CrashFreeUsers,
                    ["totalSessions"] = health.TotalSessions,
                    ["totalUsers"] = health.TotalUsers,
                    ["adoption"] = health.Adoption,
                    ["hasHealthData"] = true,
                };
            }
            var deploy = release.LastDeploy;
            node["adoptionStages"] = project is null || deploy is null || health is null ? null : new JsonObject
            {
                [project.Slug] = new JsonObject
                {
                    ["stage"] = health.Adoption >= 50 ? "adopted" : "replaced",
                    ["adopted"] = deploy.DateFinished.ToString("O"),
                    ["unadopted"] = null,
                },
            };
        }
        return Results.Content(node.ToJsonString(json), "application/json");
    }
}
