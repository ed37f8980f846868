using SentryMcp.Core.Api;
using SentryMcp.Core.Api.Models;

namespace SentryMcp.Core.Tools;

/// <summary>create_project's repository option: find a connected repository by name and link it with a root code mapping.</summary>
internal static class ProjectRepositoryLink
{
    /// <summary>
    /// An exact name (<c>owner/repo</c>) wins; a bare name matches the one repository ending in
    /// <c>/name</c>. None or several is a user error, raised before anything is created.
    /// </summary>
    public static async Task<SentryRepository> FindAsync(SentryToolContext context, string org, string name, string? regionUrl, CancellationToken ct)
    {
        var repositories = await context.Api.ListRepositoriesAsync(org, null, regionUrl, ct).ConfigureAwait(false);
        var exact = repositories.Where(r => r.Name == name).ToList();
        var matches = exact.Count > 0 || name.Contains('/', StringComparison.Ordinal)
            ? exact
            : repositories.Where(r => r.Name.EndsWith("/" + name, StringComparison.Ordinal)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new UserInputException($"No repository named '{name}' is connected to '{org}'. Connect it through a VCS integration (GitHub, GitLab…) in Sentry first, or create the project without `repository`."),
            _ => throw new UserInputException($"'{name}' matches several repositories ({string.Join(", ", matches.Select(r => r.Name))}); pass the full owner/repo name."),
        };
    }

    /// <summary>True when Sentry created or updated the mapping. A failure is reported, not thrown: the project already exists.</summary>
    public static async Task<bool> LinkAsync(SentryToolContext context, string org, string projectSlug, SentryRepository repository, string? regionUrl, CancellationToken ct)
    {
        var provider = repository.Provider?.Id is { } id ? id.Replace("integrations:", "", StringComparison.Ordinal) : null;
        try
        {
            var result = await context.Api.LinkProjectRepositoryAsync(org, projectSlug, repository.Name, string.IsNullOrEmpty(provider) ? null : provider, regionUrl, ct).ConfigureAwait(false);
            return result.Errors is null or 0 && (result.Mappings ?? []).Any(m => m.Status is "created" or "updated");
        }
        catch (Exception ex) when (ex is SentryApiException or SentryUnavailableException or SentryResponseFormatException)
        {
            return false;
        }
    }
}
