using System.Globalization;
using System.Text.RegularExpressions;

namespace SentryMcp.Sandbox;

/// <summary>
/// Profiling: the aggregate flamegraph of a transaction over a period, one transaction profile
/// (sample format v1) and continuous-profiling chunks of a profiler session.
/// </summary>
public static partial class ProfileEndpoints
{
    public static void MapProfileEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/organizations/{org}/profiling/flamegraph/", (HttpContext http, SandboxState state, string org, string? project, string? query, string? statsPeriod) =>
        {
            lock (state.Gate)
            {
                var data = state.Data;
                if (data.Organization(org) is null)
                {
                    return SentryErrors.NotFound();
                }
                if (project is null || data.Projects.FirstOrDefault(p => p.OrganizationSlug == org && p.Id == project) is not { } proj)
                {
                    return SentryErrors.BadRequest("project must be the numeric id of a project of this organization.");
                }
                if (Period(statsPeriod ?? "24h", data.Now) is not { } since)
                {
                    return SentryErrors.BadRequest("Invalid statsPeriod.");
                }
                var transaction = query is null ? null : TransactionFilter().Match(query) is { Success: true } m ? m.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal) : null;
                var profiles = data.Profiles.Where(p => p.OrganizationSlug == org && p.ProjectSlug == proj.Slug && p.Start >= since
                    && (transaction is null || p.Transaction == transaction)).ToList();
                return Results.Json(ProfileJson.Flamegraph(proj, transaction, profiles));
            }
        }).RequireScope("event:read", "project:read");

        api.MapGet("/projects/{org}/{proj}/profiling/profiles/{profileId}/", (SandboxState state, string org, string proj, string profileId) =>
        {
            lock (state.Gate)
            {
                var project = state.Data.Project(org, proj);
                var profile = state.Data.Profiles.FirstOrDefault(p => p.OrganizationSlug == org && string.Equals(p.ProfileId, profileId, StringComparison.OrdinalIgnoreCase));
                return project is null || profile is null || profile.ProjectSlug != project.Slug
                    ? SentryErrors.NotFound()
                    : Results.Json(ProfileJson.TransactionProfile(profile));
            }
        }).RequireScope("event:read", "project:read");

        api.MapGet("/organizations/{org}/profiling/chunks/", (SandboxState state, string org, string? profiler_id, string? project, string? start, string? end) =>
        {
            lock (state.Gate)
            {
                if (state.Data.Organization(org) is null)
                {
                    return SentryErrors.NotFound();
                }
                if (!DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var from)
                    || !DateTimeOffset.TryParse(end, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var to) || to <= from)
                {
                    return SentryErrors.BadRequest("start and end must be ISO 8601 timestamps with start before end.");
                }
                var proj = project is null ? null : state.Data.Project(org, project);
                var chunk = state.Data.ProfileChunks.FirstOrDefault(c => c.OrganizationSlug == org && c.ProfilerId == profiler_id
                    && (proj is null || c.ProjectSlug == proj.Slug) && c.Start < to && c.End > from);
                return chunk is null
                    ? Results.Json(new { detail = "No chunk found for this profiler in that time range." }, statusCode: 404)
                    : Results.Json(new { chunk = ProfileJson.Chunk(chunk) });
            }
        }).RequireScope("event:read", "project:read");
    }

    private static DateTimeOffset? Period(string period, DateTimeOffset now) =>
        PeriodPattern().Match(period) is { Success: true } m && int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? m.Groups[2].Value switch { "h" => now.AddHours(-n), "d" => now.AddDays(-n), "w" => now.AddDays(-7 * n), _ => now.AddMinutes(-n) }
            : null;

    [GeneratedRegex("^([0-9]{1,4})([mhdw])$")]
    private static partial Regex PeriodPattern();

    [GeneratedRegex("transaction:\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex TransactionFilter();
}
