namespace SentryMcp.Sandbox;

public static class ProjectEndpoints
{
    public static void MapProjectEndpoints(this RouteGroupBuilder api)
    {
        api.MapTeamEndpoints();
        api.MapProjectKeyEndpoints();
        api.MapReleaseEndpoints();

        api.MapGet("/organizations/{org}/projects/", (HttpContext http, SandboxState state, string org, string? query) =>
        {
            lock (state.Gate)
            {
                if (state.Data.Organization(org) is null)
                {
                    return SentryErrors.NotFound();
                }
                var projects = state.Data.Projects
                    .Where(p => p.OrganizationSlug == org && TeamEndpoints.Matches(query, p.Slug, p.Name))
                    .OrderBy(p => p.Slug, StringComparer.Ordinal)
                    .Select(p => SandboxShapes.ProjectJson(state.Data, p))
                    .ToList();
                return Paging.Page(http, projects);
            }
        }).RequireScope("project:read");

        api.MapGet("/projects/{org}/{proj}/", (SandboxState state, string org, string proj) =>
        {
            lock (state.Gate)
            {
                var project = state.Data.Project(org, proj);
                return project is null ? SentryErrors.NotFound() : Results.Json(SandboxShapes.ProjectJson(state.Data, project, detailed: true));
            }
        }).RequireScope("project:read");

        api.MapPost("/teams/{org}/{team}/projects/", async (HttpContext http, SandboxState state, string org, string team) =>
        {
            var (body, error) = await SandboxRequests.ReadObjectAsync(http);
            if (body is null)
            {
                return error!;
            }
            var name = SandboxRequests.Text(body, "name");
            var (slug, invalid) = SandboxRequests.NameAndSlug(name, SandboxRequests.Text(body, "slug"), nameRequired: true);
            var platform = SandboxRequests.Text(body, "platform")?.ToLowerInvariant();
            lock (state.Gate)
            {
                var owner = state.Data.Teams.FirstOrDefault(t => t.OrganizationSlug == org && t.Slug == team);
                if (owner is null)
                {
                    return SentryErrors.NotFound();
                }
                if (invalid is not null)
                {
                    return invalid;
                }
                if (platform is not null && !SandboxRequests.IsValidSlug(platform))
                {
                    return SandboxRequests.FieldError("platform", "Invalid platform");
                }
                if (state.Data.Projects.Any(p => p.OrganizationSlug == org && p.Slug == slug))
                {
                    return SentryErrors.Json(409, "A project with this slug already exists.");
                }
                var project = state.Data.AddProject(org, slug!, name!, platform, owner.Slug);
                // Sentry provisions a default client key with every new project.
                state.Data.AddProjectKey(project, "Default");
                return Results.Json(SandboxShapes.ProjectJson(state.Data, project, detailed: true), statusCode: 201);
            }
        }).RequireScope("project:write", "project:admin");

        api.MapPut("/projects/{org}/{proj}/", async (HttpContext http, SandboxState state, string org, string proj) =>
        {
            var (body, error) = await SandboxRequests.ReadObjectAsync(http);
            if (body is null)
            {
                return error!;
            }
            var name = SandboxRequests.Text(body, "name");
            var slug = SandboxRequests.Text(body, "slug");
            var platform = SandboxRequests.Text(body, "platform")?.ToLowerInvariant();
            lock (state.Gate)
            {
                var project = state.Data.Project(org, proj);
                if (project is null)
                {
                    return SentryErrors.NotFound();
                }
                if (name is { Length: > SandboxRequests.MaxNameLength })
                {
                    return SandboxRequests.FieldError("name", $"Ensure this field has no more than {SandboxRequests.MaxNameLength} characters.");
                }
                if (slug is not null && !SandboxRequests.IsValidSlug(slug))
                {
                    return SandboxRequests.FieldError("slug", SandboxRequests.InvalidSlugMessage);
                }
                if (slug is not null && state.Data.Projects.Any(p => p != project && p.OrganizationSlug == org && p.Slug == slug))
                {
                    return SandboxRequests.FieldError("slug", $"Another project ({slug}) is already using that slug");
                }
                if (platform is not null && !SandboxRequests.IsValidSlug(platform))
                {
                    return SandboxRequests.FieldError("platform", "Invalid platform");
                }
                project.Name = name ?? project.Name;
                project.Slug = slug ?? project.Slug;
                project.Platform = platform ?? project.Platform;
                return Results.Json(SandboxShapes.ProjectJson(state.Data, project, detailed: true));
            }
        }).RequireScope("project:write", "project:admin");
    }
}
