using System.Text.Json.Nodes;

namespace SentryMcp.Sandbox;

/// <summary>Connected repositories and code mappings; a bulk mapping is stored and listed afterwards.</summary>
public static class RepositoryEndpoints
{
    public static void MapRepositoryEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/organizations/{org}/repos/", (HttpContext http, SandboxState state, string org, string? query) =>
        {
            lock (state.Gate)
            {
                if (state.Data.Organization(org) is null)
                {
                    return SentryErrors.NotFound();
                }
                var repositories = state.Data.Repositories
                    .Where(r => r.OrganizationSlug == org && (string.IsNullOrWhiteSpace(query) || r.Name.Contains(query.Trim(), StringComparison.OrdinalIgnoreCase)))
                    .OrderBy(r => r.Name, StringComparer.Ordinal)
                    .Select(RepositoryJson)
                    .ToList();
                return Paging.Page(http, repositories);
            }
        }).RequireScope("org:read");

        api.MapGet("/organizations/{org}/code-mappings/", (HttpContext http, SandboxState state, string org, string? project) =>
        {
            lock (state.Gate)
            {
                if (state.Data.Organization(org) is null)
                {
                    return SentryErrors.NotFound();
                }
                var mappings = state.Data.CodeMappings
                    .Where(m => state.Data.Projects.Any(p => p.Id == m.ProjectId && p.OrganizationSlug == org) && (project is null || m.ProjectId == project))
                    .Select(m => MappingJson(state.Data, m))
                    .ToList();
                return Paging.Page(http, mappings);
            }
        }).RequireScope("org:read");

        api.MapPost("/organizations/{org}/code-mappings/bulk/", async (HttpContext http, SandboxState state, string org) =>
        {
            var (body, error) = await SandboxRequests.ReadObjectAsync(http);
            if (body is null)
            {
                return error!;
            }
            var projectSlug = SandboxRequests.Text(body, "project");
            var repositoryName = SandboxRequests.Text(body, "repository");
            if (projectSlug is null || repositoryName is null)
            {
                return SandboxRequests.FieldError(projectSlug is null ? "project" : "repository", "This field is required.");
            }
            if (body["mappings"] is not JsonArray { Count: > 0 } pairs)
            {
                return SandboxRequests.FieldError("mappings", "At least one mapping is required.");
            }
            lock (state.Gate)
            {
                var project = state.Data.Project(org, projectSlug);
                if (project is null)
                {
                    return SentryErrors.NotFound();
                }
                var repository = state.Data.Repositories.FirstOrDefault(r => r.OrganizationSlug == org && r.Name == repositoryName);
                if (repository is null)
                {
                    return SandboxRequests.FieldError("repository", $"Repository '{repositoryName}' is not connected to this organization.");
                }
                var outcomes = new List<object>();
                var created = 0;
                var updated = 0;
                foreach (var pair in pairs.OfType<JsonObject>())
                {
                    var stackRoot = pair["stackRoot"] is JsonValue stack && stack.TryGetValue<string>(out var s) ? s : "";
                    var sourceRoot = pair["sourceRoot"] is JsonValue source && source.TryGetValue<string>(out var r) ? r : "";
                    var existing = state.Data.CodeMappings.FindIndex(m => m.ProjectId == project.Id && m.StackRoot == stackRoot);
                    var mapping = new SandboxCodeMapping(existing >= 0 ? state.Data.CodeMappings[existing].Id : state.Data.NextId(), project.Id, repository.Id, stackRoot, sourceRoot);
                    if (existing >= 0)
                    {
                        state.Data.CodeMappings[existing] = mapping;
                        updated++;
                    }
                    else
                    {
                        state.Data.CodeMappings.Add(mapping);
                        created++;
                    }
                    outcomes.Add(new { stackRoot, sourceRoot, status = existing >= 0 ? "updated" : "created" });
                }
                return Results.Json(new { created, updated, errors = 0, mappings = outcomes });
            }
        }).RequireScope("org:write", "org:integrations", "project:write");
    }

    private static object RepositoryJson(SandboxRepository repository) => new
    {
        id = repository.Id,
        name = repository.Name,
        url = $"https://{(repository.ProviderId.EndsWith("gitlab", StringComparison.Ordinal) ? "gitlab.com" : "github.com")}/{repository.Name}",
        provider = new { id = repository.ProviderId, name = repository.ProviderName },
        status = "active",
        dateCreated = repository.DateCreated,
        integrationId = repository.ProviderId.EndsWith("gitlab", StringComparison.Ordinal) ? "2" : "1",
        externalSlug = repository.Name,
        externalId = repository.Id + "00",
    };

    private static object MappingJson(DemoData data, SandboxCodeMapping mapping)
    {
        var repository = data.Repositories.First(r => r.Id == mapping.RepositoryId);
        var project = data.Projects.First(p => p.Id == mapping.ProjectId);
        return new
        {
            id = mapping.Id,
            projectId = mapping.ProjectId,
            projectSlug = project.Slug,
            repoId = repository.Id,
            repoName = repository.Name,
            provider = new { key = repository.ProviderId.Replace("integrations:", "", StringComparison.Ordinal), name = repository.ProviderName },
            stackRoot = mapping.StackRoot,
            sourceRoot = mapping.SourceRoot,
            defaultBranch = "main",
        };
    }
}
