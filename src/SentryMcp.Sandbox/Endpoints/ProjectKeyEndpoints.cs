namespace SentryMcp.Sandbox;

public static class ProjectKeyEndpoints
{
    public static void MapProjectKeyEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/projects/{org}/{proj}/keys/", (HttpContext http, SandboxState state, string org, string proj) =>
        {
            lock (state.Gate)
            {
                var project = state.Data.Project(org, proj);
                if (project is null)
                {
                    return SentryErrors.NotFound();
                }
                var keys = state.Data.ProjectKeys
                    .Where(k => k.ProjectId == project.Id)
                    .Select(k => SandboxShapes.ProjectKeyJson(http, k))
                    .ToList();
                return Paging.Page(http, keys);
            }
        }).RequireScope("project:read");

        api.MapPost("/projects/{org}/{proj}/keys/", async (HttpContext http, SandboxState state, string org, string proj) =>
        {
            var (body, error) = await SandboxRequests.ReadObjectAsync(http);
            if (body is null)
            {
                return error!;
            }
            var name = SandboxRequests.Text(body, "name");
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
                // Sentry names unnamed keys itself; a numbered default keeps them apart here.
                var keyName = name ?? $"Key {state.Data.ProjectKeys.Count(k => k.ProjectId == project.Id) + 1}";
                var key = state.Data.AddProjectKey(project, keyName);
                return Results.Json(SandboxShapes.ProjectKeyJson(http, key), statusCode: 201);
            }
        }).RequireScope("project:write", "project:admin");
    }
}
