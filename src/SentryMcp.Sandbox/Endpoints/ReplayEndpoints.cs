namespace SentryMcp.Sandbox;

/// <summary>Session replays: one replay (<c>{"data": …}</c>), its recording segments, and the replay list.</summary>
public static class ReplayEndpoints
{
    public static void MapReplayEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/organizations/{org}/replays/{replayId}/", (SandboxState state, string org, string replayId) =>
        {
            lock (state.Gate)
            {
                return state.Data.Replay(org, replayId) is { } replay
                    ? Results.Json(new { data = Json(state.Data, replay) })
                    : SentryErrors.NotFound();
            }
        }).RequireScope("event:read", "org:read", "project:read");

        api.MapGet("/projects/{org}/{proj}/replays/{replayId}/recording-segments/", (HttpContext http, SandboxState state, string org, string proj, string replayId) =>
        {
            lock (state.Gate)
            {
                var project = state.Data.Project(org, proj);
                if (project is null || state.Data.Replay(org, replayId) is not { } replay || replay.ProjectSlug != project.Slug || replay.IsArchived)
                {
                    return SentryErrors.NotFound();
                }
                return Paging.Page(http, replay.Segments);
            }
        }).RequireScope("event:read", "project:read");

        api.MapGet("/organizations/{org}/replays/", (HttpContext http, SandboxState state, string org) =>
        {
            lock (state.Gate)
            {
                if (state.Data.Organization(org) is null)
                {
                    return SentryErrors.NotFound();
                }
                return ReplaySearch.List(http, state.Data, org);
            }
        }).RequireScope("event:read", "org:read", "project:read");
    }

    /// <summary>A replay in Sentry's <c>ReplayDetailsResponse</c> shape.</summary>
    public static Dictionary<string, object?> Json(DemoData data, SandboxReplay replay)
    {
        var project = data.Project(replay.OrganizationSlug, replay.ProjectSlug)!;
        return new Dictionary<string, object?>
        {
            ["id"] = replay.Id,
            ["project_id"] = project.Id,
            ["started_at"] = replay.StartedAt,
            ["finished_at"] = replay.StartedAt.AddSeconds(replay.DurationSeconds),
            ["duration"] = replay.DurationSeconds,
            ["is_archived"] = replay.IsArchived,
            ["environment"] = replay.Environment,
            ["platform"] = "javascript",
            ["replay_type"] = "session",
            ["count_errors"] = replay.ErrorIds.Count,
            ["count_warnings"] = replay.Warnings,
            ["count_infos"] = replay.Infos,
            ["count_dead_clicks"] = replay.DeadClicks,
            ["count_rage_clicks"] = replay.RageClicks,
            ["count_segments"] = replay.IsArchived ? 0 : replay.Segments.Count,
            ["count_urls"] = replay.Urls.Count,
            ["urls"] = replay.Urls,
            ["trace_ids"] = replay.TraceIds,
            ["error_ids"] = replay.ErrorIds,
            ["releases"] = new[] { replay.Release },
            ["browser"] = new { name = replay.Browser.Name, version = replay.Browser.Version },
            ["os"] = new { name = replay.Os.Name, version = replay.Os.Version },
            ["device"] = new { name = (string?)null, brand = (string?)null, model = (string?)null, family = "Other" },
            ["sdk"] = new { name = "sentry.javascript.react", version = "8.42.0" },
            ["user"] = new { id = replay.User.Id, display_name = replay.User.Name, email = replay.User.Email, username = (string?)null, ip = (string?)null },
            ["tags"] = new Dictionary<string, string[]> { ["release"] = [replay.Release], ["environment"] = [replay.Environment] },
            ["activity"] = Math.Min(10, 1 + replay.ErrorIds.Count * 2 + replay.RageClicks * 2 + replay.DeadClicks),
            ["has_viewed"] = false,
            ["dist"] = null,
            ["clicks"] = Array.Empty<object>(),
        };
    }
}
