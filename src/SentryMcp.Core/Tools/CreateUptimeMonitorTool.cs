using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class CreateUptimeMonitorTool
{
    [McpServerTool(Name = "create_uptime_monitor", Title = "Create uptime monitor", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(UptimeMonitorResultOutput))]
    [Description("Create a Sentry HTTP uptime monitor.\n\nBe careful when using this tool!\n\nUse this tool when you need to:\n- Start monitoring a URL for availability\n- Create a new uptime check with interval and timeout\n\nRequired fields match Sentry's uptime API: name, url and intervalSeconds (timeoutMs defaults to 5000). Response assertions are not supported here; configure them in the Sentry UI.\n\n<examples>\ncreate_uptime_monitor(organizationSlug='my-organization', projectSlug='backend', name='API Health', url='https://api.example.com/health', intervalSeconds=60, timeoutMs=5000)\ncreate_uptime_monitor(organizationSlug='my-organization', projectSlug='backend', name='Checkout', url='https://example.com/checkout', intervalSeconds=300, timeoutMs=10000, method='GET', environment='production')\n</examples>\n\n<hints>\n- intervalSeconds is one of 60, 300, 600, 1200, 1800, 3600.\n- owner is `user:ID` or `team:ID` (find_teams lists team ids).\n</hints>")]
    [SentryTool(PermissionGroup.ProjectManagement, "project:write", Skills = [Skill.ProjectManagement])]
    public static async Task<CallToolResult> CreateUptimeMonitor(
        SentryToolContext context,
        [Description("The organization's slug. find_organizations lists the organizations you can access.")] string organizationSlug,
        [Description("The project's slug. find_projects lists the projects of an organization.")] string projectSlug,
        [Description("Monitor display name (1-128 characters).")] string name,
        [Description("The http:// or https:// URL to check.")] string url,
        [Description("Seconds between checks. Allowed values: 60, 300, 600, 1200, 1800, 3600.")] int intervalSeconds,
        [Description("The organization's region URL, if known (from find_organizations). Leave empty for self-hosted Sentry.")] string? regionUrl = null,
        [Description("Request timeout in milliseconds (1000-60000).")][Range(1000, 60000)] int timeoutMs = 5000,
        [Description("HTTP method used for the uptime check request.")][AllowedValues("GET", "POST", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS")] string? method = null,
        [Description("Optional HTTP headers as an array of [name, value] pairs, e.g. [[\"Accept\",\"application/json\"]].")] string[][]? headers = null,
        [Description("Optional request body for methods that support a body.")] string? body = null,
        [Description("Monitor status. `disabled` stops checks and does not count against quota.")][AllowedValues("active", "disabled")] string? status = null,
        [Description("Owner actor in `user:ID` or `team:ID` format.")] string? owner = null,
        [Description("Optional environment name (at most 64 characters) for the uptime issues it creates.")] string? environment = null,
        [Description("Whether check requests may be considered for tracing.")] bool? traceSampling = null,
        [Description("Capture response body and headers on failures.")] bool? responseCaptureEnabled = null,
        [Description("Consecutive successful checks required to recover (at least 1).")] int? recoveryThreshold = null,
        [Description("Consecutive failed checks required to mark the URL down (at least 1).")] int? downtimeThreshold = null,
        CancellationToken cancellationToken = default)
    {
        var org = SentryToolContext.Require(organizationSlug, nameof(organizationSlug));
        var project = MonitoringInput.Project(context, projectSlug);
        var fields = new JsonObject
        {
            ["name"] = UptimeInput.Name(SentryToolContext.Require(name, nameof(name))),
            ["url"] = UptimeInput.Url(SentryToolContext.Require(url, nameof(url))),
            ["intervalSeconds"] = UptimeInput.Interval(intervalSeconds),
            ["timeoutMs"] = UptimeInput.Timeout(timeoutMs),
        };
        UptimeInput.AddSettings(fields, method, headers, status, traceSampling, responseCaptureEnabled, recoveryThreshold, downtimeThreshold);
        if (body is not null)
        {
            fields["body"] = body;
        }
        if (MonitoringInput.Optional(owner) is { } o)
        {
            fields["owner"] = UptimeInput.Owner(o);
        }
        if (environment is not null)
        {
            fields["environment"] = UptimeInput.Environment(environment);
        }

        var monitor = await context.Api.CreateUptimeMonitorAsync(org, project, fields, regionUrl, cancellationToken).ConfigureAwait(false);
        var output = UptimeInput.ToOutput(context, org, project, monitor);
        var md = new Markdown().Title($"Created Uptime Monitor in **{org}/{project}**");
        var text = UptimeInput.Append(md, output, monitor, detailed: true).UsingThisInformation(
            $"Its first checks: `get_uptime_monitor_details(organizationSlug='{org}', projectSlug='{project}', uptimeMonitorId='{output.Id}')` after one interval.",
            $"Pause it: `update_uptime_monitor(organizationSlug='{org}', projectSlug='{project}', uptimeMonitorId='{output.Id}', status='disabled')`.").ToString();
        return ToolResults.Structured(text, new UptimeMonitorResultOutput(output));
    }
}
