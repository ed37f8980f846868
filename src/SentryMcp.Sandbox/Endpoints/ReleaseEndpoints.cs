namespace SentryMcp.Sandbox;

public static class ReleaseEndpoints
{
    private static readonly string[] ReadScopes = ["project:read", "project:releases", "org:ci"];

    public static void MapReleaseEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/organizations/{org}/releases/", (HttpContext http, SandboxState state, string org, string? query) =>
        {
            lock (state.Gate)
            {
                if (state.Data.Organization(org) is null)
                {
                    return SentryErrors.NotFound();
                }
                // Sentry narrows organization releases to projects by numeric id (?project=1&project=2).
                var projectIds = http.Request.Query["project"].Where(p => !string.IsNullOrEmpty(p) && p != "-1").ToHashSet();
                return Page(http, state.Data, r => r.OrganizationSlug == org
                    && (projectIds.Count == 0 || r.ProjectIds.Any(projectIds.Contains)), query);
            }
        }).RequireScope(ReadScopes);

        api.MapGet("/projects/{org}/{proj}/releases/", (HttpContext http, SandboxState state, string org, string proj, string? query) =>
        {
            lock (state.Gate)
            {
                var project = state.Data.Project(org, proj);
                return project is null
                    ? SentryErrors.NotFound()
                    : Page(http, state.Data, r => r.OrganizationSlug == org && r.ProjectIds.Contains(project.Id), query);
            }
        }).RequireScope(ReadScopes);
    }

    private static IResult Page(HttpContext http, DemoData data, Func<SandboxRelease, bool> filter, string? query)
    {
        var releases = data.Releases
            .Where(filter)
            .Where(r => string.IsNullOrWhiteSpace(query) || r.Version.Contains(query.Trim(), StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(r => r.DateCreated)
            .Select(r => SandboxShapes.ReleaseJson(data, r))
            .ToList();
        return Paging.Page(http, releases);
    }
}
