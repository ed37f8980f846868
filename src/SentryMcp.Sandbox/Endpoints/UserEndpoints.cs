namespace SentryMcp.Sandbox;

public static class UserEndpoints
{
    public static void MapUserEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/auth/", (HttpContext http, SandboxState state) =>
        {
            var token = (SandboxToken)http.Items[SentryAuthFilter.TokenItem]!;
            var user = state.Data.Users.First(u => u.Id == token.UserId);
            return Results.Json(UserJson(user));
        });
        api.MapGet("/users/me/regions/", (HttpContext http) =>
            Results.Json(new { regions = new[] { new { name = "us", url = SandboxState.BaseUrl(http).TrimEnd('/') } } }));
    }

    public static object UserJson(SandboxUser user) => new
    {
        id = user.Id,
        name = user.Name,
        username = user.Username,
        email = user.Email,
        avatarUrl = (string?)null,
        isActive = true,
        dateJoined = "2024-01-15T09:00:00Z",
    };
}
