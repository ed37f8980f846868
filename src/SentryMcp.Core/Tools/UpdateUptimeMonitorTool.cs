using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class UpdateUptimeMonitorTool
{
    [McpServerTool(Name = "update_uptime_monitor", Title = "Update uptime monitor", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(UptimeMonitorResultOutput))]
    [Description("Update a Sentry HTTP uptime monitor.\n\nBe careful when using this tool!\n\nUse this tool when you need to:\n- Change URL, interval, timeout, method, headers, or body\n- Enable or disable a monitor (`status`)\n- Update owner, environment, or failure thresholds\n\nOmit a field to leave it unchanged. Pass `null` (or an empty string) to clear `owner`, `environment`, or `body`.\n\n<examples>\nupdate_uptime_monitor(organizationSlug='my-organization', projectSlug='backend', uptimeMonitorId='12345', status='disabled')\nupdate_uptime_monitor(organizationSlug='my-organization', projectSlug='backend', uptimeMonitorId='12345', intervalSeconds=300, timeoutMs=8000)\nupdate_uptime_monitor(organizationSlug='my-organization', projectSlug='backend', uptimeMonitorId='12345', owner=null)\n</examples>\n\n<hints>\n- intervalSeconds is one of 60, 300, 600, 1200, 1800, 3600.\n- headers replaces the whole list of headers.\n</hints>")]
    [SentryTool(PermissionGroup.ProjectManagement, "project:write", Skills = [Skill.ProjectManagement])]
    public static async Task<CallToolResult> UpdateUptimeMonitor(
        SentryToolContext context,
        RequestContext<CallToolRequestParams> request,
        [Description("The organization's slug. find_organizations lists the organizations you can access.")] string organizationSlug,
        [Description("The project's slug. find_projects lists the projects of an organization.")] string projectSlug,
        [Description("Uptime monitor ID (detector id), from find_uptime_monitors.")] string uptimeMonitorId,
        [Description("The organization's region URL, if known (from find_organizations). Leave empty for self-hosted Sentry.")] string? regionUrl = null,
        [Description("New display name (1-128 characters).")] string? name = null,
        [Description("New http:// or https:// URL to check.")] string? url = null,
        [Description("Seconds between checks. Allowed values: 60, 300, 600, 1200, 1800, 3600.")] int? intervalSeconds = null,
        [Description("Request timeout in milliseconds (1000-60000).")][Range(1000, 60000)] int? timeoutMs = null,
        [Description("HTTP method used for the uptime check request.")][AllowedValues("GET", "POST", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS")] string? method = null,
        [Description("HTTP headers as an array of [name, value] pairs; replaces the current ones. [] removes all.")] string[][]? headers = null,
        [Description("Request body. Pass null or an empty string to clear the body.")] string? body = null,
        [Description("Monitor status. `disabled` stops checks and does not count against quota.")][AllowedValues("active", "disabled")] string? status = null,
        [Description("Owner actor in `user:ID` or `team:ID` format. Pass null or an empty string to clear the owner.")] string? owner = null,
        [Description("Environment name. Pass null or an empty string to clear the environment.")] string? environment = null,
        [Description("Whether check requests may be considered for tracing.")] bool? traceSampling = null,
        [Description("Capture response body and headers on failures.")] bool? responseCaptureEnabled = null,
        [Description("Consecutive successful checks required to recover (at least 1).")] int? recoveryThreshold = null,
        [Description("Consecutive failed checks required to mark the URL down (at least 1).")] int? downtimeThreshold = null,
        CancellationToken cancellationToken = default)
    {
        var org = SentryToolContext.Require(organizationSlug, nameof(organizationSlug));
        var project = MonitoringInput.Project(context, projectSlug);
        var id = SentryToolContext.Require(uptimeMonitorId, nameof(uptimeMonitorId));
        var arguments = request.Params?.Arguments;
        var fields = new JsonObject();
        if (name is not null)
        {
            fields["name"] = UptimeInput.Name(name);
        }
        if (url is not null)
        {
            fields["url"] = UptimeInput.Url(url);
        }
        if (intervalSeconds is { } interval)
        {
            fields["intervalSeconds"] = UptimeInput.Interval(interval);
        }
        if (timeoutMs is { } timeout)
        {
            fields["timeoutMs"] = UptimeInput.Timeout(timeout);
        }
        UptimeInput.AddSettings(fields, method, headers, status, traceSampling, responseCaptureEnabled, recoveryThreshold, downtimeThreshold);
        Clearable(fields, arguments, "body", body, b => b);
        Clearable(fields, arguments, "owner", owner, UptimeInput.Owner);
        Clearable(fields, arguments, "environment", environment, UptimeInput.Environment);
        if (fields.Count == 0)
        {
            throw new UserInputException("Nothing to update: pass at least one field to change, e.g. status='disabled' or intervalSeconds=300.");
        }

        var monitor = await context.Api.UpdateUptimeMonitorAsync(org, project, id, fields, regionUrl, cancellationToken).ConfigureAwait(false);
        var output = UptimeInput.ToOutput(context, org, project, monitor);
        var md = new Markdown().Title($"Updated Uptime Monitor in **{org}/{project}**")
            .Paragraph($"Changed: {string.Join(", ", fields.Select(f => Markdown.Code(f.Key)))}.");
        var text = UptimeInput.Append(md, output, monitor, detailed: true).UsingThisInformation(
            $"Recent checks: `get_uptime_monitor_details(organizationSlug='{org}', projectSlug='{project}', uptimeMonitorId='{output.Id}')`.").ToString();
        return ToolResults.Structured(text, new UptimeMonitorResultOutput(output));
    }

    /// <summary>
    /// A field the caller may clear: an explicit JSON null or an empty string sends null, a value is
    /// validated, and an absent argument leaves the field alone.
    /// </summary>
    private static void Clearable(JsonObject fields, IDictionary<string, JsonElement>? arguments, string key, string? value, Func<string, string> validate)
    {
        var explicitNull = arguments is not null && arguments.TryGetValue(key, out var raw) && raw.ValueKind == JsonValueKind.Null;
        if (explicitNull || value is { Length: 0 } || (value is not null && key != "body" && string.IsNullOrWhiteSpace(value)))
        {
            fields[key] = null;
        }
        else if (value is not null)
        {
            fields[key] = validate(value);
        }
    }
}
