using System.ComponentModel;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class DeleteUptimeMonitorTool
{
    [McpServerTool(Name = "delete_uptime_monitor", Title = "Delete uptime monitor", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(UptimeMonitorDeletedOutput))]
    [Description("Delete a Sentry HTTP uptime monitor.\n\nBe careful when using this tool! Deletion cannot be undone.\n\nUse this tool when you need to:\n- Permanently remove an uptime monitor that is no longer needed\n\n<examples>\ndelete_uptime_monitor(organizationSlug='my-organization', projectSlug='backend', uptimeMonitorId='12345')\n</examples>\n\n<hints>\n- To stop checks but keep the monitor and its history, use update_uptime_monitor with status='disabled' instead.\n- The user is asked to confirm when the client supports it.\n</hints>")]
    [SentryTool(PermissionGroup.ProjectManagement, "project:write", Skills = [Skill.ProjectManagement])]
    public static async Task<CallToolResult> DeleteUptimeMonitor(
        SentryToolContext context,
        RequestContext<CallToolRequestParams> request,
        IOptions<ConfirmationOptions> confirmation,
        [Description("The organization's slug. find_organizations lists the organizations you can access.")] string organizationSlug,
        [Description("The project's slug. find_projects lists the projects of an organization.")] string projectSlug,
        [Description("Uptime monitor ID (detector id), from find_uptime_monitors.")] string uptimeMonitorId,
        [Description("The organization's region URL, if known (from find_organizations). Leave empty for self-hosted Sentry.")] string? regionUrl = null,
        CancellationToken cancellationToken = default)
    {
        var org = SentryToolContext.Require(organizationSlug, nameof(organizationSlug));
        var project = MonitoringInput.Project(context, projectSlug);
        var id = SentryToolContext.Require(uptimeMonitorId, nameof(uptimeMonitorId));
        // Reading it first turns a wrong id into a clear 404 and lets the question name what goes.
        var monitor = await context.Api.GetUptimeMonitorAsync(org, project, id, regionUrl, cancellationToken).ConfigureAwait(false);
        var answer = await UserConfirmation.AskAsync(request, $"Delete the uptime monitor \"{monitor.Name}\" ({monitor.Url}) in {org}/{project}? Its check history is lost and this cannot be undone.",
            confirmation.Value.Timeout, cancellationToken).ConfigureAwait(false);
        if (answer is ConfirmationOutcome.Declined or ConfirmationOutcome.Cancelled)
        {
            return ToolResults.Text(UserConfirmation.NotDone(answer, $"delete uptime monitor {id}"));
        }
        await context.Api.DeleteUptimeMonitorAsync(org, project, id, regionUrl, cancellationToken).ConfigureAwait(false);
        var text = new Markdown().Title($"Deleted Uptime Monitor in **{org}/{project}**")
            .Field("ID", id).Field("Name", monitor.Name).Field("URL Checked", monitor.Url)
            .Paragraph("Sentry no longer checks this URL; the monitor and its check history are gone.")
            .UsingThisInformation($"Remaining monitors: `find_uptime_monitors(organizationSlug='{org}', projectSlug='{project}')`.").ToString();
        return ToolResults.Structured(text, new UptimeMonitorDeletedOutput(true, id, project));
    }
}
