namespace SentryMcp.Sandbox;

/// <summary>A project's teams: list, grant and revoke access. Changes show in team and project listings.</summary>
public static class ProjectTeamEndpoints
{
    public static void MapProjectTeamEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/projects/{org}/{proj}/teams/", (HttpContext http, SandboxState state, string org, string proj) =>
        {
            lock (state.Gate)
            {
                var project = state.Data.Project(org, proj);
                if (project is null)
                {
                    return SentryErrors.NotFound();
                }
                var teams = project.TeamSlugs
                    .Select(slug => state.Data.Teams.FirstOrDefault(t => t.OrganizationSlug == org && t.Slug == slug))
                    .OfType<SandboxTeam>()
                    .Select(t => SandboxShapes.TeamJson(state.Data, t))
                    .ToList();
                return Paging.Page(http, teams);
            }
        }).RequireScope("project:read");

        // Sentry answers both with the project; granting twice and revoking an unassigned team change nothing.
        api.MapPost("/projects/{org}/{proj}/teams/{team}/", (SandboxState state, string org, string proj, string team) =>
            Change(state, org, proj, team, (project, slug) =>
            {
                if (!project.TeamSlugs.Contains(slug))
                {
                    project.TeamSlugs.Add(slug);
                }
            }, status: 201)).RequireScope("project:write", "project:admin");

        api.MapDelete("/projects/{org}/{proj}/teams/{team}/", (SandboxState state, string org, string proj, string team) =>
            Change(state, org, proj, team, (project, slug) => project.TeamSlugs.Remove(slug), status: 200))
            .RequireScope("project:write", "project:admin");
    }

    private static IResult Change(SandboxState state, string org, string proj, string team, Action<SandboxProject, string> apply, int status)
    {
        lock (state.Gate)
        {
            var project = state.Data.Project(org, proj);
            var owner = state.Data.Teams.FirstOrDefault(t => t.OrganizationSlug == org && t.Slug == team);
            if (project is null || owner is null)
            {
                return SentryErrors.NotFound();
            }
            apply(project, owner.Slug);
            return Results.Json(SandboxShapes.ProjectJson(state.Data, project, detailed: true), statusCode: status);
        }
    }
}
