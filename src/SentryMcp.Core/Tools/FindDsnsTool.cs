using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class FindDsnsTool
{
    private const int ResultLimit = 25;

    [McpServerTool(Name = "find_dsns", Title = "Find DSNs", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(ClientKeyListOutput))]
    [Description("List all Sentry DSNs for a specific project.\n\nUse this tool when you need to:\n- Retrieve a SENTRY_DSN for a specific project\n\n<hints>\n- A parameter in the form name/otherName is likely <organizationSlug>/<projectSlug>.\n- If only one slug is given and it could be either, it is probably the organizationSlug; call find_organizations first when unsure.\n</hints>")]
    // Officially a project-management tool: DSNs are set-up material, not something triage needs.
    [SentryTool(PermissionGroup.ProjectManagement, "project:read", Skills = [Skill.ProjectManagement])]
    public static async Task<CallToolResult> FindDsns(
        SentryToolContext context,
        McpServer server,
        [Description("The organization's slug. find_organizations lists the organizations you can access.")] string organizationSlug,
        [Description("The project's slug. find_projects lists the projects of an organization.")] string projectSlug,
        [Description("The organization's region URL, if known (from find_organizations). Leave empty for self-hosted Sentry.")] string? regionUrl = null,
        CancellationToken cancellationToken = default)
    {
        var org = SentryToolContext.Require(organizationSlug, nameof(organizationSlug));
        var project = SentryToolContext.Require(projectSlug, nameof(projectSlug));
        var keys = await context.Api.ListClientKeysAsync(org, project, regionUrl, cancellationToken).ConfigureAwait(false);
        var md = new Markdown().Title($"DSNs in **{org}/{project}**");
        var canCreate = SessionTools.Of(server).Has("create_dsn");
        if (keys.Count == 0)
        {
            return ToolResults.Structured(md.Paragraph($"No DSNs found for {Markdown.Code($"{org}/{project}")}." +
                (canCreate ? $" Create one with `create_dsn(organizationSlug='{org}', projectSlug='{project}', name)`." : "")).ToString(),
                new ClientKeyListOutput([], HasMore: false));
        }
        foreach (var key in keys.Take(ResultLimit))
        {
            md.Heading(string.IsNullOrWhiteSpace(key.Name) ? key.Id : key.Name)
                .Field("ID", key.Id)
                .Field("DSN", key.Dsn?.Public)
                .Field("Active", key.IsActive switch { true => "yes", false => "no (events sent with this DSN are dropped)", null => null })
                .Field("Rate Limit", key.RateLimit is { Window: > 0, Count: > 0 } limit
                    ? $"{limit.Count.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} errors per {limit.Window.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} seconds" : null)
                .Field("Created", Markdown.Date(key.DateCreated))
                .Field("CSP Report Endpoint", key.Dsn?.Csp)
                .Field("Minidump Endpoint", key.Dsn?.Minidump)
                .Field("JavaScript Loader", key.Dsn?.Cdn)
                .Line();
        }
        md.MoreAvailable(keys.Count > ResultLimit, "Open the project's Client Keys settings in Sentry to see them all.");
        var hints = new List<string>
        {
            "Set the DSN as `SENTRY_DSN` (or pass it to the SDK's init call) to send events to this project.",
            "The secret DSN form is deprecated and not shown; SDKs need only the public DSN.",
        };
        if (canCreate)
        {
            hints.Add($"Need another key (per environment, say)? `create_dsn(organizationSlug='{org}', projectSlug='{project}', name)`.");
        }
        var data = new ClientKeyListOutput([.. keys.Take(ResultLimit).Select(ToOutput)], HasMore: keys.Count > ResultLimit);
        return ToolResults.Structured(md.UsingThisInformation([.. hints]).ToString(), data);
    }

    internal static ClientKeyOutput ToOutput(SentryClientKey key) => new(key.Id, key.Name, key.Dsn?.Public, key.IsActive, key.DateCreated);
}
