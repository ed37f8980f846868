using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class FindOrganizationsTool
{
    private const int ResultLimit = 25;

    [McpServerTool(Name = "find_organizations", Title = "Find organizations", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(OrganizationListOutput))]
    [Description("Find organizations that the user has access to in Sentry.\n\nUse this tool when you need to:\n- View organizations in Sentry\n- Find an organization's slug and regionUrl to aid other tool requests\n- Search for specific organizations by name or slug\n\nReturns up to 25 results per page; use the query parameter to narrow them down, or cursor for the next page.\n\n<examples>\nfind_organizations()\nfind_organizations(query='acme')\n</examples>\n\n<hints>\n- When more organizations match, the answer gives the cursor of the next page.\n</hints>")]
    [SentryTool(PermissionGroup.Read, "org:read", Skills = [Skill.Inspect, Skill.Seer, Skill.Docs, Skill.Triage, Skill.ProjectManagement])]
    public static async Task<CallToolResult> FindOrganizations(
        SentryToolContext context,
        McpServer server,
        [Description("Search query to filter organizations by name or slug.")] string? query = null,
        [Description(PageCursor.Description)] string? cursor = null,
        CancellationToken cancellationToken = default)
    {
        var search = string.IsNullOrWhiteSpace(query) ? null : query.Trim();
        var from = PageCursor.Parse(cursor);
        var (organizations, next) = await context.Api.ListOrganizationsPageAsync(search, ResultLimit, from, cancellationToken).ConfigureAwait(false);
        var md = new Markdown().Title("Organizations");
        if (organizations.Count == 0)
        {
            return ToolResults.Structured(md.Paragraph(search is null
                ? from is null ? "No organizations found. The token may not belong to any organization." : "No more organizations: this page is past the last one."
                : $"No organizations found matching {Markdown.Code(search)}.").ToString(), new OrganizationListOutput([], false, null));
        }
        // Every region answers a page of its own: show them all, so the shared cursor skips nothing.
        var shown = organizations.ToList();
        foreach (var org in shown)
        {
            md.Heading(org.Slug)
                .Field("Name", org.Name)
                .Field("Web URL", WebUrl(context, org))
                .Field("Region URL", string.IsNullOrWhiteSpace(org.Links?.RegionUrl) ? "(none: self-hosted, use the main host)" : org.Links.RegionUrl)
                .Line();
        }
        md.NextPage(next, search is null ? "find_organizations(cursor='{cursor}')" : $"find_organizations(query='{search}', cursor='{{cursor}}')");
        var tools = SessionTools.Of(server);
        var first = shown[0].Slug;
        var hints = new List<string>
        {
            "Each heading is an organization slug: pass it as `organizationSlug` to other tools.",
            "Pass the organization's Region URL as `regionUrl` to tools that accept it.",
        };
        var nextCalls = new[]
        {
            tools.Has("find_projects") ? $"`find_projects(organizationSlug='{first}')`" : null,
            tools.Has("search_issues") ? $"`search_issues(organizationSlug='{first}', query='unresolved errors from today')`" : null,
        }.OfType<string>().ToList();
        if (nextCalls.Count > 0)
        {
            hints.Add("Next: " + string.Join(" or ", nextCalls) + ".");
        }
        var data = new OrganizationListOutput([.. shown.Select(o => new OrganizationOutput(o.Slug, o.Name, WebUrl(context, o),
            string.IsNullOrWhiteSpace(o.Links?.RegionUrl) ? null : o.Links.RegionUrl))], next is not null, next);
        return ToolResults.Structured(md.UsingThisInformation([.. hints]).ToString(), data);
    }

    private static string WebUrl(SentryToolContext context, SentryOrganization org) => org.Links?.OrganizationUrl ?? context.Host.OrganizationUrl(org.Slug);
}
