using System.Globalization;
using SentryMcp.Core.Api;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Formatting;

namespace SentryMcp.Core.Search;

/// <summary>Markdown for search_events(dataset='replays'): one section per replay with who, when and what went wrong.</summary>
internal static class ReplaySearchOutput
{
    /// <summary>Sort fields of Sentry's replay index (each also with a leading '-').</summary>
    public static readonly IReadOnlySet<string> SortFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "activity", "browser.name", "browser.version", "count_dead_clicks", "count_errors", "count_infos", "count_rage_clicks",
        "count_urls", "count_warnings", "device.brand", "device.family", "device.model", "device.name", "dist", "duration",
        "finished_at", "os.name", "os.version", "platform", "project_id", "sdk.name", "started_at", "user.email", "user.id", "user.username",
    };

    public static string Format(SentryHost host, string org, string input, string query, string sort, string period,
        IReadOnlyList<string> environments, IReadOnlyList<SentryReplay> replays, int limit, bool translated, string? note)
    {
        var md = new Markdown().Title(input.Length > 0 ? $"Search Results for \"{Markdown.Truncate(input, 120)}\"" : "Search Results: replays")
            .Field("Dataset", "replays")
            .Field(translated ? "Translated query" : "Query", query.Length == 0 ? "(empty: all replays)" : Markdown.Code(query))
            .Field("Environment", environments.Count == 0 ? null : string.Join(", ", environments))
            .Field("Sort", Markdown.Code(sort))
            .Field("Period", $"last {period}");
        if (note is not null)
        {
            md.Line($"*{note}*");
        }
        md.Line();
        if (replays.Count == 0)
        {
            md.Paragraph($"No replays found for {(query.Length == 0 ? "this search" : Markdown.Code(query))} over the last {period}.")
                .Paragraph("Try a wider period, fewer filters, or another environment.");
        }
        else
        {
            md.Paragraph($"Found {replays.Count} replay{(replays.Count == 1 ? "" : "s")}:");
        }
        foreach (var replay in replays)
        {
            var id = replay.Id ?? "";
            md.Heading(id)
                .Field("Started", Markdown.Date(replay.StartedAt))
                .Field("Duration", replay.Duration is { } d ? $"{d.ToString("0", CultureInfo.InvariantCulture)}s" : null)
                .Field("User", replay.User?.DisplayName ?? replay.User?.Email ?? replay.User?.Id ?? "anonymous")
                .Field("Summary", $"{replay.CountErrors ?? 0} errors · {replay.CountRageClicks ?? 0} rage clicks · {replay.CountDeadClicks ?? 0} dead clicks")
                .Field("Environment", replay.Environment)
                .Field("Browser", replay.Browser is { } b ? $"{b.Name} {b.Version}".Trim() : null)
                .Field("Pages", replay.Urls is { Count: > 0 } urls ? string.Join(", ", urls.Take(3)) : null)
                .Field("Trace", replay.TraceIds is { Count: > 0 } traces ? Markdown.Code(traces[0]) : null)
                .Field("Archived", replay.IsArchived == true ? "yes" : null)
                .Field("Replay URL", $"{host.OrganizationUrl(org)}explore/replays/{Uri.EscapeDataString(id)}/")
                .Line();
        }
        md.MoreAvailable(replays.Count >= limit, $"Only the first {limit} replays are shown; raise `limit` (max 100) or narrow the query.");
        return md.UsingThisInformation(
            $"What happened in one replay: `get_replay_details(organizationSlug='{org}', replayId='<id>')`.",
            "Replay searches list replays; counts and averages over replays are not supported.",
            "Useful filters: `count_errors:>0`, `count_rage_clicks:>0`, `count_dead_clicks:>0`, `user.email:<email>`, `url:*checkout*`.").ToString();
    }
}
