using System.ComponentModel;
using ModelContextProtocol.Server;
using SentryMcp.Core.Formatting;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class FindOrganizationsTool
{
    private const int ResultLimit = 25;

    [McpServerTool(Name = "find_organizations", Title = "Find organizations", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Find organizations that the user has access to in Sentry.\n\nUse this tool when you need to:\n- View organizations in Sentry\n- Find an organization's slug and regionUrl to aid other tool requests\n- Search for specific organizations by name or slug\n\nReturns up to 25 results; use the query parameter to narrow them down.")]
    [SentryTool(PermissionGroup.Read, "org:read")]
    public static async Task<string> FindOrganizations(
        SentryToolContext context,
        [Description("Search query to filter organizations by name or slug.")] string? query = null,
        CancellationToken cancellationToken = default)
    {
        var organizations = await context.Api.ListOrganizationsAsync(query, ResultLimit + 1, cancellationToken).ConfigureAwait(false);
        var md = new Markdown().Title("Organizations");
        if (organizations.Count == 0)
        {
            return md.Paragraph(string.IsNullOrWhiteSpace(query)
                ? "No organizations found. The token may not belong to any organization."
                : $"No organizations found matching {Markdown.Code(query)}.").ToString();
        }
        foreach (var org in organizations.Take(ResultLimit))
        {
            md.Heading(org.Slug)
                .Field("Name", org.Name)
                .Field("Web URL", org.Links?.OrganizationUrl ?? context.Host.OrganizationUrl(org.Slug))
                .Field("Region URL", string.IsNullOrWhiteSpace(org.Links?.RegionUrl) ? "(none: self-hosted, use the main host)" : org.Links.RegionUrl)
                .Line();
        }
        md.MoreAvailable(organizations.Count > ResultLimit, "Pass a query to narrow the list.");
        return md.UsingThisInformation(
            "Each heading is an organization slug: pass it as `organizationSlug` to other tools.",
            "Pass the organization's Region URL as `regionUrl` to tools that accept it.",
            "Next: `find_projects(organizationSlug)` or `search_issues(organizationSlug, naturalLanguageQuery)`.").ToString();
    }
}
