namespace SentryMcp.Sandbox;

public static class OrganizationEndpoints
{
    public static void MapOrganizationEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/organizations/", (HttpContext http, SandboxState state, string? query) =>
        {
            lock (state.Gate)
            {
                var orgs = state.Data.Organizations
                    .Where(o => string.IsNullOrEmpty(query) || o.Slug.Contains(query, StringComparison.OrdinalIgnoreCase) || o.Name.Contains(query, StringComparison.OrdinalIgnoreCase))
                    .Select(o => OrganizationJson(http, o)).ToList();
                return Paging.Page(http, orgs);
            }
        }).RequireScope("org:read");

        api.MapGet("/organizations/{org}/", (HttpContext http, SandboxState state, string org) =>
        {
            lock (state.Gate)
            {
                var found = state.Data.Organization(org);
                return found is null ? SentryErrors.NotFound() : Results.Json(OrganizationJson(http, found));
            }
        }).RequireScope("org:read");
    }

    public static object OrganizationJson(HttpContext http, SandboxOrganization org) => new
    {
        id = org.Id,
        slug = org.Slug,
        name = org.Name,
        dateCreated = org.DateCreated,
        status = new { id = "active", name = "active" },
        links = new
        {
            organizationUrl = $"{SandboxState.BaseUrl(http)}organizations/{org.Slug}/",
            regionUrl = SandboxState.BaseUrl(http).TrimEnd('/'),
        },
        features = new[] { "seer", "performance-view" },
    };
}
