using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class FindUptimeMonitorsTool
{
    [McpServerTool(Name = "find_uptime_monitors", Title = "Find uptime monitors", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(UptimeMonitorListOutput))]
    [Description("Find Sentry uptime monitors (HTTP checks of a URL).\n\nUse this tool when you need to:\n- List HTTP uptime monitors in an organization\n- Find a monitor by name or URL before getting details\n- Check monitor status, owner, project, interval, or target URL\n- When `hasMore` is true, narrow results with project, environment, owner, or query filters\n\nThis is separate from cron monitors (`find_monitors`).\n\n<examples>\nfind_uptime_monitors(organizationSlug='my-organization')\nfind_uptime_monitors(organizationSlug='my-organization', projectSlug='backend', query='api')\n</examples>\n\n<hints>\n- query matches the monitor's name or URL.\n- owner accepts `user:ID`, `team:ID`, `myteams` or `unassigned`.\n</hints>")]
    [SentryTool(PermissionGroup.Read, "org:read", "project:read", Skills = [Skill.Inspect])]
    public static async Task<CallToolResult> FindUptimeMonitors(
        SentryToolContext context,
        McpServer server,
        [Description("The organization's slug. find_organizations lists the organizations you can access.")] string organizationSlug,
        [Description("The organization's region URL, if known (from find_organizations). Leave empty for self-hosted Sentry.")] string? regionUrl = null,
        [Description("The project's slug (find_projects lists them). Leave empty for the whole organization.")] string? projectSlug = null,
        [Description("Only monitors of this environment, e.g. production.")] string? environment = null,
        [Description("Owner filter: `user:123`, `team:456`, `myteams` or `unassigned`.")] string? owner = null,
        [Description("Only monitors whose name or URL contains this text.")] string? query = null,
        [Description("Maximum number of monitors to return (1-99).")][Range(1, 99)] int limit = 10,
        [Description("The nextCursor of a previous answer, for the next page.")] string? cursor = null,
        CancellationToken cancellationToken = default)
    {
        var org = SentryToolContext.Require(organizationSlug, nameof(organizationSlug));
        var project = MonitoringInput.ProjectOrAll(context, projectSlug);
        var count = MonitoringInput.Limit(limit, 99, nameof(limit));
        var ownerFilter = MonitoringInput.Optional(owner);
        if (ownerFilter is not null && ownerFilter is not ("myteams" or "unassigned") && !UptimeInput.IsActor(ownerFilter))
        {
            throw new UserInputException($"'owner' must be `user:ID`, `team:ID`, `myteams` or `unassigned` (got '{ownerFilter}').");
        }
        var env = MonitoringInput.Optional(environment);
        var search = MonitoringInput.Optional(query);
        // Sentry filters organization endpoints by numeric project id.
        var projectId = project is null ? null : await context.Api.ResolveProjectIdAsync(org, project, regionUrl, cancellationToken).ConfigureAwait(false);
        var (monitors, nextCursor) = await context.Api.ListUptimeMonitorsAsync(org, projectId, env, ownerFilter, search, count, MonitoringInput.Optional(cursor), regionUrl, cancellationToken).ConfigureAwait(false);
        var shown = monitors.Take(count).ToList();
        var outputs = shown.Select(m => UptimeInput.ToOutput(context, org, project ?? "", m)).ToList();
        var scope = project is null ? org : $"{org}/{project}";
        var md = new Markdown().Title($"Uptime Monitors in **{scope}**");
        if (outputs.Count == 0)
        {
            md.Paragraph($"No uptime monitors found in {Markdown.Code(scope)}" + (env is null && ownerFilter is null && search is null ? "." : " with these filters."));
        }
        for (var i = 0; i < outputs.Count; i++)
        {
            UptimeInput.Append(md, outputs[i], shown[i], detailed: false);
        }
        var hasMore = nextCursor is not null;
        md.MoreAvailable(hasMore, $"Next page: the same call with cursor='{nextCursor}', or narrow with projectSlug, environment, owner or query.");
        var first = outputs.FirstOrDefault();
        var text = md.UsingThisInformation(first is null
            ? SessionTools.Of(server).Has("create_uptime_monitor")
                ? [$"Create one: `create_uptime_monitor(organizationSlug='{org}', projectSlug, name, url, intervalSeconds)`."]
                : ["Uptime monitors are created in Sentry (Alerts → Uptime) or by a session granted Manage Projects & Teams."]
            : [$"Recent checks of a monitor: `get_uptime_monitor_details(organizationSlug='{org}', projectSlug='{first.ProjectSlug}', uptimeMonitorId='{first.Id}')`.",
               "Cron jobs are monitored separately: `find_monitors`."]).ToString();
        return ToolResults.Structured(text, new UptimeMonitorListOutput(outputs, hasMore, nextCursor));
    }
}
