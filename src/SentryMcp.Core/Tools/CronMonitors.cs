using System.Globalization;
using System.Text.Json;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

/// <summary>What find_monitors and get_monitor_details share: outputs, schedule text and links.</summary>
internal static class CronMonitors
{
    public const int EnvironmentLimit = 5;

    public static MonitorOutput ToOutput(SentryToolContext context, string org, SentryCronMonitor monitor)
    {
        var environments = monitor.Environments ?? [];
        var project = monitor.Project?.Slug ?? monitor.Project?.Name;
        // Sentry keeps check-in times per environment; the monitor's own are the latest of them.
        var last = monitor.LastCheckIn ?? environments.Select(e => e.LastCheckIn).Where(d => d is not null).Max(StringComparer.Ordinal);
        var next = monitor.NextCheckIn ?? environments.Select(e => e.NextCheckIn).Where(d => d is not null).Min(StringComparer.Ordinal);
        return new MonitorOutput(
            monitor.Id,
            monitor.Slug,
            monitor.Name ?? monitor.Slug,
            project,
            monitor.Status,
            AlertRuleFormatter.Actor(monitor.Owner),
            last,
            next,
            WebUrl(context, org, monitor.Slug, project),
            Schedule(monitor.Config),
            [.. environments.Take(EnvironmentLimit).Select(e => new MonitorEnvironmentOutput(e.Name, e.Status, e.LastCheckIn))],
            environments.Count > EnvironmentLimit);
    }

    public static string WebUrl(SentryToolContext context, string org, string slug, string? project) =>
        $"{context.Host.OrganizationUrl(org)}crons/{(project is null ? "" : Uri.EscapeDataString(project) + "/")}{Uri.EscapeDataString(slug)}/";

    /// <summary>Sentry stores <c>["crontab", "0 2 * * *"]</c> or <c>[30, "minute"]</c> (older: a bare crontab string).</summary>
    public static MonitorScheduleOutput? Schedule(Dictionary<string, JsonElement>? config)
    {
        if (config is null)
        {
            return null;
        }
        var type = config.TryGetValue("schedule_type", out var t) ? t.Scalar() : null;
        string? value = null;
        if (config.TryGetValue("schedule", out var schedule))
        {
            var parts = schedule.Items().Select(p => p.Scalar()).ToList();
            value = schedule.ValueKind == JsonValueKind.String ? schedule.GetString()
                : parts is ["crontab", { } cron] ? cron
                : parts.Count == 2 ? $"{parts[0]} {parts[1]}" : null;
            type ??= parts is ["crontab", _] ? "crontab" : parts.Count == 2 ? "interval" : null;
        }
        return new MonitorScheduleOutput(type, value, Int(config, "checkin_margin"), Int(config, "max_runtime"));
    }

    public static string? ScheduleText(MonitorScheduleOutput? schedule) => schedule?.Value is not { } value ? null
        : schedule.Type == "interval" ? $"every {value}(s)" : $"{Markdown.Code(value)} (crontab)";

    public static string? Minutes(int? minutes) => minutes is { } m ? m.ToString(CultureInfo.InvariantCulture) + " minutes" : null;

    private static int? Int(Dictionary<string, JsonElement> config, string key) =>
        config.TryGetValue(key, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n : null;
}
