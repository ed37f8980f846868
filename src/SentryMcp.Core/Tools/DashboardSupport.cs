using System.Text.Json;
using System.Text.RegularExpressions;
using SentryMcp.Core.Api;

namespace SentryMcp.Core.Tools;

/// <summary>What the dashboard tools share: project names, the session's project constraint, cursors and links.</summary>
internal static partial class DashboardSupport
{
    /// <summary>
    /// Project id → slug for the organization, so answers name projects as users know them. Dashboards
    /// carry numeric ids only; when the lookup fails the ids are shown as they are.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> ProjectSlugsAsync(SentryToolContext context, string org, string? regionUrl, CancellationToken ct)
    {
        try
        {
            var projects = await context.Api.ListProjectsAsync(org, null, 100, regionUrl, ct).ConfigureAwait(false);
            return projects.ToDictionary(p => p.Id, p => p.Slug, StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is SentryApiException or SentryUnavailableException or SentryResponseFormatException)
        {
            return new Dictionary<string, string>();
        }
    }

    /// <summary>
    /// The numeric id of the project this session is pinned to, or null when it is not pinned. A
    /// dashboard is visible to a pinned session when it covers that project or every project.
    /// </summary>
    public static string? ConstrainedProjectId(SentryToolContext context, string org, IReadOnlyDictionary<string, string> slugs)
    {
        if (context.Constraints.ProjectSlug is not { } pinned)
        {
            return null;
        }
        // Fails closed: without the id, dashboards of other projects could not be told apart.
        return slugs.FirstOrDefault(p => p.Value == pinned).Key
            ?? throw new UserInputException($"The project '{pinned}' this session is limited to could not be found in '{org}', so its dashboards cannot be told apart from others. Check the project slug.");
    }

    public static bool IsVisibleTo(IReadOnlyList<string>? dashboardProjects, string? projectId) =>
        projectId is null || dashboardProjects is not { Count: > 0 } || dashboardProjects.Contains(projectId);

    public static string ProjectList(IReadOnlyList<string>? ids, IReadOnlyDictionary<string, string> slugs) =>
        ids is not { Count: > 0 } ? "all projects" : string.Join(", ", ids.Select(id => slugs.TryGetValue(id, out var slug) ? slug : id));

    public static string Url(SentryToolContext context, string org, string id, IReadOnlyList<string>? projects, string? period = null)
    {
        var url = $"{context.Host.OrganizationUrl(org)}dashboard/{Uri.EscapeDataString(id)}/";
        return ApiPath.WithQuery(url, ("project", projects is { Count: 1 } ? projects[0] : null), ("statsPeriod", period));
    }

    /// <summary>Sentry's cursors look like <c>0:10:0</c> (value, offset, direction); anything else is refused before any call.</summary>
    public static string? Cursor(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var cursor = value.Trim();
        return CursorPattern().IsMatch(cursor) ? cursor
            : throw new UserInputException($"'{cursor}' is not a valid cursor. Pass the nextCursor value of a previous find_dashboards answer unchanged, or leave cursor empty for the first page.");
    }

    public static string? Actor(JsonElement? actor) => Api.Models.DashboardActor.Describe(actor);

    [GeneratedRegex("^-?[0-9]{1,20}(\\.[0-9]{1,6})?:[0-9]{1,9}:[01]$")]
    private static partial Regex CursorPattern();
}
