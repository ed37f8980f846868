using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class FindMonitorsTool
{
    [McpServerTool(Name = "find_monitors", Title = "Find cron monitors", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(MonitorListOutput))]
    [Description("Find Sentry cron monitors (scheduled jobs that check in).\n\nUse this tool when you need to:\n- List cron monitors in an organization\n- Find a monitor by name or slug before getting details\n- Check monitor status, owner, project, schedule, or recent environment state\n- When `hasMore` is true, narrow the results with project, environment, owner, or query filters\n\nThis is separate from HTTP uptime monitors (`find_uptime_monitors`).\n\n<examples>\nfind_monitors(organizationSlug='my-organization')\nfind_monitors(organizationSlug='my-organization', projectSlug='backend', query='billing')\n</examples>\n\n<hints>\n- Failing monitors are listed first.\n- owner accepts `user:ID`, `team:ID`, `myteams` or `unassigned`.\n</hints>")]
    [SentryTool(PermissionGroup.Read, "org:read", Skills = [Skill.Inspect])]
    public static async Task<CallToolResult> FindMonitors(
        SentryToolContext context,
        [Description("The organization's slug. find_organizations lists the organizations you can access.")] string organizationSlug,
        [Description("The organization's region URL, if known (from find_organizations). Leave empty for self-hosted Sentry.")] string? regionUrl = null,
        [Description("The project's slug (find_projects lists them), or exact lowercase `all` for every project.")] string? projectSlug = null,
        [Description("Only monitors with check-ins in this environment, e.g. production.")] string? environment = null,
        [Description("Owner filter: `user:123`, `team:456`, `myteams` or `unassigned`.")] string? owner = null,
        [Description("Only monitors whose name or slug contains this text.")] string? query = null,
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
        var (monitors, nextCursor) = await context.Api.ListCronMonitorsAsync(org, project, env, ownerFilter, search, count, MonitoringInput.Optional(cursor), regionUrl, cancellationToken).ConfigureAwait(false);
        var outputs = monitors.Take(count).Select(m => CronMonitors.ToOutput(context, org, m)).ToList();
        var scope = project is null ? org : $"{org}/{project}";
        var md = new Markdown().Title($"Cron Monitors in **{scope}**");
        if (outputs.Count == 0)
        {
            md.Paragraph($"No cron monitors found in {Markdown.Code(scope)}" + (env is null && ownerFilter is null && search is null ? "." : " with these filters.")
                + " Monitors appear once a job checks in or one is created in Sentry.");
        }
        foreach (var monitor in outputs)
        {
            md.Heading(monitor.Name).Field("Slug", Markdown.Code(monitor.Slug)).Field("Project", monitor.ProjectSlug).Field("Status", monitor.Status)
                .Field("Schedule", CronMonitors.ScheduleText(monitor.Schedule)).Field("Owner", monitor.Owner)
                .Field("Last Check-In", Markdown.Date(monitor.LastCheckIn)).Field("Next Check-In", Markdown.Date(monitor.NextCheckIn))
                .Field("Environments", monitor.Environments.Count == 0 ? null
                    : string.Join(", ", monitor.Environments.Select(e => $"{e.Name ?? "unknown"}: {e.Status ?? "unknown"}")) + (monitor.HasMoreEnvironments ? ", …" : ""))
                .Field("URL", monitor.WebUrl).Line();
        }
        var hasMore = nextCursor is not null;
        md.MoreAvailable(hasMore, $"Next page: the same call with cursor='{nextCursor}', or narrow with projectSlug, environment, owner or query.");
        var first = outputs.FirstOrDefault();
        var text = md.UsingThisInformation(first is null
            ? [$"All projects of the organization: `find_projects(organizationSlug='{org}')`."]
            : [$"Check-ins and stats of a monitor: `get_monitor_details(organizationSlug='{org}', monitorSlug='{first.Slug}'{(first.ProjectSlug is null ? "" : $", projectSlugOrId='{first.ProjectSlug}'")})`.",
               "Failed runs that opened issues: `search_issues` with query='monitor.slug:<slug>'."]).ToString();
        return ToolResults.Structured(text, new MonitorListOutput(outputs, hasMore, nextCursor));
    }
}
