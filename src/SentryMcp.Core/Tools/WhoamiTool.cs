using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class WhoamiTool
{
    [McpServerTool(Name = "whoami", Title = "Who am I", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(WhoamiOutput))]
    [Description("Identify the authenticated user in Sentry.\n\nUse this tool when you need to:\n- Get the user's name and email address.\n- Check which organization or project this session is pinned to.")]
    [SentryTool(PermissionGroup.Read, Skills = [Skill.Inspect, Skill.Seer, Skill.Docs, Skill.Triage, Skill.ProjectManagement])]
    public static async Task<CallToolResult> Whoami(SentryToolContext context, McpServer server, CancellationToken cancellationToken)
    {
        var user = await context.Api.GetAuthenticatedUserAsync(cancellationToken).ConfigureAwait(false);
        var md = new Markdown()
            .Line($"You are authenticated as {user.Name ?? user.Username ?? "an unnamed user"} ({user.Email ?? "no email"}).")
            .Line()
            .Field("User ID", user.Id)
            .Field("Username", user.Username);
        var constraints = context.Constraints;
        if (!constraints.IsEmpty)
        {
            md.Line().Heading("Session Constraints")
                .Field("Organization", constraints.OrganizationSlug)
                .Field("Project", constraints.ProjectSlug)
                .Field("Region URL", constraints.RegionUrl);
        }
        var tools = SessionTools.Of(server);
        var next = constraints.OrganizationSlug is { } org
            ? tools.Has("find_projects") ? $"List the organization's projects: `find_projects(organizationSlug='{org}')`." : $"Search the project's issues: `search_issues(organizationSlug='{org}', query='is:unresolved')`."
            : "List the organizations you can access: `find_organizations()`.";
        var data = new WhoamiOutput(
            new UserOutput(user.Id ?? "", user.Name, user.Email, user.Username),
            constraints.IsEmpty ? null : new SessionConstraintsOutput(constraints.OrganizationSlug, constraints.ProjectSlug, constraints.RegionUrl));
        return ToolResults.Structured(md.UsingThisInformation(next).ToString(), data);
    }
}
