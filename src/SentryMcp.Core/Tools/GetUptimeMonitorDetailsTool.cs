using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class GetUptimeMonitorDetailsTool
{
    [McpServerTool(Name = "get_uptime_monitor_details", Title = "Get uptime monitor details", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(UptimeMonitorDetailsOutput))]
    [Description("Get details for a Sentry uptime monitor, including recent checks.\n\nUse this tool when you need to:\n- Inspect an uptime monitor's URL, interval, thresholds, and status\n- Review recent HTTP check results (success/failure, status code, duration)\n- Debug why an uptime monitor is failing\n\nThis is separate from cron monitors (`get_monitor_details`). Request bodies are never returned and sensitive header values are redacted.\n\n<examples>\nget_uptime_monitor_details(organizationSlug='my-organization', projectSlug='backend', uptimeMonitorId='12345')\nget_uptime_monitor_details(organizationSlug='my-organization', projectSlug='backend', uptimeMonitorId='12345', period='7d', checkLimit=20)\n</examples>\n\n<hints>\n- find_uptime_monitors lists monitor ids with their projects.\n- The time range is `period` (24h by default) or `start` and `end` together, never both.\n</hints>")]
    [SentryTool(PermissionGroup.Read, "project:read", Skills = [Skill.Inspect])]
    public static async Task<CallToolResult> GetUptimeMonitorDetails(
        SentryToolContext context,
        McpServer server,
        [Description("The organization's slug. find_organizations lists the organizations you can access.")] string organizationSlug,
        [Description("The project's slug. find_projects lists the projects of an organization.")] string projectSlug,
        [Description("Uptime monitor ID (detector id), from find_uptime_monitors.")] string uptimeMonitorId,
        [Description("The organization's region URL, if known (from find_organizations). Leave empty for self-hosted Sentry.")] string? regionUrl = null,
        [Description("Relative time range for recent checks, such as 24h, 7d or 2w. Defaults to 24h when start and end are omitted.")] string? period = null,
        [Description("Absolute start time (ISO 8601). Must be given with end; do not combine with period.")] string? start = null,
        [Description("Absolute end time (ISO 8601). Must be given with start; do not combine with period.")] string? end = null,
        [Description("Maximum number of recent checks to include (1-50).")][Range(1, 50)] int checkLimit = 10,
        CancellationToken cancellationToken = default)
    {
        var org = SentryToolContext.Require(organizationSlug, nameof(organizationSlug));
        var project = MonitoringInput.Project(context, projectSlug);
        var id = SentryToolContext.Require(uptimeMonitorId, nameof(uptimeMonitorId));
        var window = MonitoringInput.Window(period, start, end);
        var limit = MonitoringInput.Limit(checkLimit, 50, nameof(checkLimit));

        var monitorTask = context.Api.GetUptimeMonitorAsync(org, project, id, regionUrl, cancellationToken);
        var checksTask = context.Api.ListUptimeChecksAsync(org, project, id, window, limit, regionUrl, cancellationToken);
        var monitor = await monitorTask.ConfigureAwait(false);
        var checks = (await checksTask.ConfigureAwait(false)).Take(limit)
            .Select(c => new UptimeCheckOutput(c.UptimeCheckId, c.ScheduledCheckTime ?? c.Timestamp, c.CheckStatus, c.CheckStatusReason, c.HttpStatusCode, c.DurationMs, c.RegionName ?? c.Region, c.TraceId))
            .ToList();
        var output = UptimeInput.ToOutput(context, org, project, monitor);
        var headers = UptimeInput.RedactedHeaders(monitor);

        var md = new Markdown().Title($"Uptime Monitor in **{org}/{project}**");
        UptimeInput.Append(md, output, monitor, detailed: true);
        if (headers.Count > 0)
        {
            md.Heading("Request Headers", 3);
            foreach (var header in headers)
            {
                md.Bullet($"{header.Name}: {header.Value}");
            }
            md.Line();
        }
        md.Heading($"Recent Checks ({MonitoringInput.Describe(window)})", 3);
        if (checks.Count == 0)
        {
            md.Paragraph("No checks in this time range." + (output.Status == "disabled" ? " The monitor is disabled, so it is not checked." : ""));
        }
        foreach (var check in checks)
        {
            var failed = check.CheckStatus?.StartsWith("failure", StringComparison.Ordinal) == true;
            md.Bullet($"{Markdown.Date(check.ScheduledCheckTime) ?? "unknown time"}: **{check.CheckStatus ?? "unknown"}**"
                + (check.HttpStatusCode is { } code ? $", HTTP {code.ToString(CultureInfo.InvariantCulture)}" : failed ? ", no HTTP response" : "")
                + (check.CheckStatusReason is { } reason ? $", reason: {reason}" : "")
                + (check.DurationMs is { } ms ? $", {ms.ToString("0", CultureInfo.InvariantCulture)} ms" : "")
                + (check.Region is { } region ? $", from {region}" : ""));
        }
        var failures = checks.Count(c => c.CheckStatus?.StartsWith("failure", StringComparison.Ordinal) == true);
        md.Line().Field("Failed Checks", checks.Count == 0 ? null : $"{failures} of the {checks.Count} shown");
        var text = md.UsingThisInformation(
            SessionTools.Of(server).Has("update_uptime_monitor")
                ? $"Change or pause it: `update_uptime_monitor(organizationSlug='{org}', projectSlug='{project}', uptimeMonitorId='{output.Id}', status='disabled')`."
                : "Its checks are listed newest first; a failure names its status and region.",
            output.TraceSampling == true && checks.FirstOrDefault(c => c.TraceId is not null && c.CheckStatus?.StartsWith("failure", StringComparison.Ordinal) == true) is { } failedCheck
                ? $"The trace of a failed check: `get_trace_details(organizationSlug='{org}', traceId='{failedCheck.TraceId}')`."
                : "A longer history: the same call with period='7d'.").ToString();
        return ToolResults.Structured(text, new UptimeMonitorDetailsOutput(output, headers, checks));
    }
}
