using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class GetMonitorDetailsTool
{
    private const int ShownStats = 12;

    [McpServerTool(Name = "get_monitor_details", Title = "Get cron monitor details", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(MonitorDetailsOutput))]
    [Description("Get details for a Sentry cron monitor, with recent check-ins and stats.\n\nUse this tool when you need to:\n- Inspect a monitor's schedule, status, owner, project, and environments\n- Review recent check-ins for missed, failed, timeout, or OK runs\n- Check monitor stats over a recent time range\n\n<examples>\nget_monitor_details(organizationSlug='my-organization', monitorSlug='nightly-import')\nget_monitor_details(organizationSlug='my-organization', monitorSlug='nightly-import', projectSlugOrId='backend', environment='production', period='7d')\n</examples>\n\n<hints>\n- The time range is `period` (e.g. 24h, 7d, 2w; 24h by default) or `start` and `end` together, never both.\n- find_monitors lists the monitor slugs.\n</hints>")]
    [SentryTool(PermissionGroup.Read, "project:read", Skills = [Skill.Inspect])]
    public static Task<CallToolResult> GetMonitorDetails(
        SentryToolContext context,
        [Description("The organization's slug. find_organizations lists the organizations you can access.")] string organizationSlug,
        [Description("Monitor slug or GUID.")] string monitorSlug,
        [Description("The organization's region URL, if known (from find_organizations). Leave empty for self-hosted Sentry.")] string? regionUrl = null,
        [Description("Optional project slug or numeric ID, to tell apart monitors with the same slug in different projects.")] string? projectSlugOrId = null,
        [Description("Only this environment's state, check-ins and stats, e.g. production.")] string? environment = null,
        [Description("Relative time range such as 24h, 7d or 2w. Defaults to 24h when start and end are omitted.")] string? period = null,
        [Description("Absolute start time (ISO 8601, e.g. 2025-04-14T00:00:00Z). Must be given with end; do not combine with period.")] string? start = null,
        [Description("Absolute end time (ISO 8601). Must be given with start; do not combine with period.")] string? end = null,
        [Description("Maximum number of recent check-ins to include (1-50).")][Range(1, 50)] int checkInLimit = 10,
        [Description("Include check-in counts per time bucket for the range.")] bool includeStats = true,
        [Description("Stats bucket size in seconds (at least 60). Omit to let Sentry choose.")] int? rollupSeconds = null,
        CancellationToken cancellationToken = default)
    {
        var window = MonitoringInput.Window(period, start, end);
        var limit = MonitoringInput.Limit(checkInLimit, 50, nameof(checkInLimit));
        if (rollupSeconds is < 1)
        {
            throw new UserInputException("'rollupSeconds' must be a positive number of seconds, e.g. 3600 for hourly buckets.");
        }
        var project = MonitoringInput.ProjectOrAll(context, projectSlugOrId, nameof(projectSlugOrId));
        return Render(context, organizationSlug, project, monitorSlug, regionUrl, MonitoringInput.Optional(environment), window, limit, includeStats, rollupSeconds, cancellationToken);
    }

    /// <summary>The default view (last 24 hours, ten check-ins, stats), for get_sentry_resource and monitor URLs.</summary>
    internal static Task<CallToolResult> RenderAsync(SentryToolContext context, string organizationSlug, string? projectSlugOrId, string monitorSlug, string? regionUrl, CancellationToken ct) =>
        Render(context, organizationSlug, MonitoringInput.Optional(projectSlugOrId), monitorSlug, regionUrl, null, new MonitorTimeWindow("24h", null, null), 10, true, null, ct);

    private static async Task<CallToolResult> Render(SentryToolContext context, string organizationSlug, string? project, string monitorSlug, string? regionUrl,
        string? environment, MonitorTimeWindow window, int checkInLimit, bool includeStats, int? rollupSeconds, CancellationToken ct)
    {
        var org = SentryToolContext.Require(organizationSlug, nameof(organizationSlug));
        var slug = SentryToolContext.Require(monitorSlug, nameof(monitorSlug));
        var monitor = await context.Api.GetCronMonitorAsync(org, project, slug, environment, regionUrl, ct).ConfigureAwait(false);
        if (context.Constraints.ProjectSlug is { } pinned && monitor.Project?.Slug is { } owning && owning != pinned)
        {
            throw new UserInputException($"Monitor {slug} belongs to project {owning}, outside this session's project {pinned}.");
        }
        var checkInsTask = context.Api.ListCheckInsAsync(org, project, slug, environment, window, checkInLimit, regionUrl, ct);
        var statsTask = includeStats ? context.Api.GetMonitorStatsAsync(org, project, slug, environment, window, rollupSeconds, regionUrl, ct) : Task.FromResult(new List<Dictionary<string, JsonElement>>());
        var checkIns = (await checkInsTask.ConfigureAwait(false)).Take(checkInLimit)
            .Select(c => new MonitorCheckInOutput(c.Id, c.Status, c.Duration, c.Environment, c.DateCreated, c.ExpectedTime)).ToList();
        var stats = (await statsTask.ConfigureAwait(false)).Select(Stat).OfType<MonitorStatOutput>().ToList();
        var output = CronMonitors.ToOutput(context, org, monitor);

        var md = new Markdown().Title($"Monitor {output.Name} in **{org}**")
            .Field("Slug", Markdown.Code(output.Slug)).Field("ID", output.Id).Field("Project", output.ProjectSlug).Field("Status", output.Status)
            .Field("Muted", monitor.IsMuted == true ? "yes: failures do not notify anyone" : null)
            .Field("Owner", AlertRuleFormatter.ActorDisplay(monitor.Owner)).Field("Last Check-In", Markdown.Date(output.LastCheckIn))
            .Field("Next Check-In", Markdown.Date(output.NextCheckIn)).Field("URL", output.WebUrl).Line();
        if (output.Schedule is { } schedule)
        {
            md.Heading("Schedule").Field("Schedule", CronMonitors.ScheduleText(schedule)).Field("Check-In Margin", CronMonitors.Minutes(schedule.CheckInMargin))
                .Field("Max Runtime", CronMonitors.Minutes(schedule.MaxRuntime))
                .Field("Timezone", monitor.Config is { } config && config.TryGetValue("timezone", out var tz) ? tz.Scalar() : null).Line();
        }
        if (output.Environments.Count > 0)
        {
            md.Heading("Environments");
            foreach (var env in output.Environments)
            {
                md.Bullet($"{env.Name ?? "unknown"}: {env.Status ?? "unknown"}" + (Markdown.Date(env.LastCheckIn) is { } last ? $", last check-in {last}" : ", no recent check-in"));
            }
            md.Line();
        }
        md.Heading($"Recent Check-Ins ({MonitoringInput.Describe(window)})");
        if (checkIns.Count == 0)
        {
            md.Paragraph("No check-ins found in this time range.");
        }
        foreach (var checkIn in checkIns)
        {
            md.Bullet($"{Markdown.Date(checkIn.DateCreated) ?? "unknown time"}: **{checkIn.Status ?? "unknown"}**"
                + (checkIn.DurationMs is { } ms ? $", {Duration(ms)}" : "") + (checkIn.Environment is { } e ? $", {e}" : "")
                + (checkIn.Status == "missed" && Markdown.Date(checkIn.ExpectedTime) is { } expected ? $" (expected at {expected})" : ""));
        }
        md.Line();
        if (includeStats)
        {
            md.Heading("Stats");
            var busy = stats.Where(s => s.Ok + s.Error + s.Missed + s.Timeout + s.InProgress + s.Unknown > 0).ToList();
            if (busy.Count == 0)
            {
                md.Paragraph("No check-ins in this time range.");
            }
            md.Field("Totals", busy.Count == 0 ? null : $"ok {stats.Sum(s => s.Ok)}, error {stats.Sum(s => s.Error)}, missed {stats.Sum(s => s.Missed)}, timeout {stats.Sum(s => s.Timeout)}");
            foreach (var stat in busy.TakeLast(ShownStats))
            {
                md.Bullet($"{Markdown.Date(stat.Timestamp)}: ok {stat.Ok}, error {stat.Error}, missed {stat.Missed}, timeout {stat.Timeout}");
            }
            md.Line();
        }
        var text = md.UsingThisInformation(
            $"Issues opened by failed or missed check-ins: `search_issues(organizationSlug='{org}', query='monitor.slug:{output.Slug}')`.",
            "A longer history: the same call with period='7d' or start and end.",
            $"Other monitors: `find_monitors(organizationSlug='{org}')`.").ToString();
        return ToolResults.Structured(text, new MonitorDetailsOutput(output, checkIns, stats));
    }

    private static MonitorStatOutput? Stat(Dictionary<string, JsonElement> bucket)
    {
        if (!bucket.TryGetValue("ts", out var ts) || ts.ValueKind != JsonValueKind.Number || !ts.TryGetInt64(out var seconds))
        {
            return null;
        }
        int Count(string key) => bucket.TryGetValue(key, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : 0;
        double? duration = bucket.TryGetValue("duration", out var d) && d.ValueKind == JsonValueKind.Number && d.TryGetDouble(out var value) ? value : null;
        return new MonitorStatOutput(DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            Count("ok"), Count("error"), Count("missed"), Count("timeout"), Count("in_progress"), Count("unknown"), duration);
    }

    private static string Duration(double ms) => ms >= 60_000
        ? $"{(ms / 60_000).ToString("0.#", CultureInfo.InvariantCulture)} min"
        : $"{(ms / 1000).ToString("0.#", CultureInfo.InvariantCulture)} s";
}
