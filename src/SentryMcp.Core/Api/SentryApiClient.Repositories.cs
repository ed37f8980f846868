using SentryMcp.Core.Api.Models;

namespace SentryMcp.Core.Api;

/// <summary>Connected repositories and code mappings (which link a project's stack traces to source).</summary>
public sealed partial class SentryApiClient
{
    /// <summary>Bounds how many pages of repositories one lookup follows (100 per page).</summary>
    private const int MaxRepositoryPages = 10;

    public async Task<List<SentryRepository>> ListRepositoriesAsync(string organizationSlug, string? query, string? regionUrl, CancellationToken ct)
    {
        var repositories = new List<SentryRepository>();
        string? cursor = null;
        for (var page = 0; page < MaxRepositoryPages; page++)
        {
            var (items, next) = await GetPageAsync<List<SentryRepository>>(
                ApiPath.WithQuery(ApiPath.Of("organizations", organizationSlug, "repos"), ("per_page", "100"), ("query", query), ("cursor", cursor)),
                regionUrl, ct).ConfigureAwait(false);
            repositories.AddRange(items);
            if (next is null || next == cursor)
            {
                break;
            }
            cursor = next;
        }
        return repositories;
    }

    /// <summary>Links a repository to a project with one code mapping from the repository root to the stack trace root.</summary>
    public Task<CodeMappingResult> LinkProjectRepositoryAsync(string organizationSlug, string projectSlug, string repository, string? provider, string? regionUrl, CancellationToken ct) =>
        SendJsonAsync<CodeMappingResult>(HttpMethod.Post, ApiPath.Of("organizations", organizationSlug, "code-mappings", "bulk"),
            new CodeMappingRequest(projectSlug, repository, provider, [new CodeMappingPair("", "")]), regionUrl, ct);

    internal sealed record CodeMappingPair(string StackRoot, string SourceRoot);

    internal sealed record CodeMappingRequest(string Project, string Repository, string? Provider, IReadOnlyList<CodeMappingPair> Mappings);
}
