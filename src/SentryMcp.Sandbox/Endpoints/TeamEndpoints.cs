namespace SentryMcp.Sandbox;

public static class TeamEndpoints
{
    public static void MapTeamEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/organizations/{org}/teams/", (HttpContext http, SandboxState state, string org, string? query) =>
        {
            lock (state.Gate)
            {
                if (state.Data.Organization(org) is null)
                {
                    return SentryErrors.NotFound();
                }
                var teams = state.Data.Teams
                    .Where(t => t.OrganizationSlug == org && Matches(query, t.Slug, t.Name))
                    .OrderBy(t => t.Slug, StringComparer.Ordinal)
                    .Select(t => SandboxShapes.TeamJson(state.Data, t))
                    .ToList();
                return Paging.Page(http, teams);
            }
        }).RequireScope("team:read");

        api.MapPost("/organizations/{org}/teams/", async (HttpContext http, SandboxState state, string org) =>
        {
            var (body, error) = await SandboxRequests.ReadObjectAsync(http);
            if (body is null)
            {
                return error!;
            }
            var name = SandboxRequests.Text(body, "name");
            var (slug, invalid) = SandboxRequests.NameAndSlug(name, SandboxRequests.Text(body, "slug"), nameRequired: false);
            lock (state.Gate)
            {
                if (state.Data.Organization(org) is null)
                {
                    return SentryErrors.NotFound();
                }
                if (invalid is not null)
                {
                    return invalid;
                }
                if (state.Data.Teams.Any(t => t.OrganizationSlug == org && t.Slug == slug))
                {
                    return SentryErrors.Json(409, "A team with this slug already exists.");
                }
                var team = state.Data.AddTeam(org, slug!, name ?? slug!);
                return Results.Json(SandboxShapes.TeamJson(state.Data, team), statusCode: 201);
            }
        }).RequireScope("team:write", "team:admin", "org:write");
    }

    /// <summary>Sentry's free-text team/project filter: a substring of the slug or the name.</summary>
    public static bool Matches(string? query, string slug, string name)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return true;
        }
        var text = query.Trim();
        if (text.StartsWith("slug:", StringComparison.OrdinalIgnoreCase))
        {
            return string.Equals(slug, text[5..], StringComparison.OrdinalIgnoreCase);
        }
        return slug.Contains(text, StringComparison.OrdinalIgnoreCase) || name.Contains(text, StringComparison.OrdinalIgnoreCase);
    }
}
