using System.ComponentModel;
using ModelContextProtocol.Server;
using SentryMcp.Core.Docs;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Hosting;
using SentryMcp.Core.Tools;

namespace SentryMcp.Core.Resources;

[McpServerResourceType]
public sealed class AboutResource
{
    /// <summary>A permission group as the skill it grants (the words of the consent page and <c>--skills</c>).</summary>
    private static string GroupTitle(PermissionGroup group) =>
        SentrySkills.OfGroup(group).Select(SentrySkills.Get).Where(s => !s.Deprecated).Select(s => $"{s.Name} (`{s.Id}`)").FirstOrDefault() ?? group.ToString();

    [McpServerResource(UriTemplate = "sentry://about", Name = "about", Title = "About this Sentry MCP server", MimeType = "text/markdown")]
    [Description("What this Sentry MCP server is, its tools by permission group, how to authenticate and where to read more.")]
    public static string About(SentryToolCatalog tools, DocsClient docs)
    {
        var docsBase = docs.BaseUri.AbsoluteUri.TrimEnd('/');
        var md = new Markdown().Title("Sentry MCP")
            .Paragraph($"A Model Context Protocol server (version {SentryMcpServerSetup.Version}) that gives AI assistants access to Sentry: " +
                "organizations and projects, issues with their events and stack traces, traces, releases, Seer's root-cause analyses, " +
                "and Sentry's documentation. It is a drop-in for the official `@sentry/mcp-server`: same tool and parameter names.")
            .Heading("Tools");
        foreach (var group in tools.All.GroupBy(t => t.Group).OrderBy(g => g.Key))
        {
            md.Heading(GroupTitle(group.Key), 3);
            foreach (var tool in group)
            {
                var summary = tool.Tool.ProtocolTool.Description?.Split('\n', 2)[0].Trim();
                md.Bullet($"`{tool.Name}`" + (string.IsNullOrEmpty(summary) ? string.Empty : $": {summary}"));
            }
            md.Line();
        }
        return md.Paragraph("A session sees only the tools of the skills it was granted (narrowed further by `--skills`/`--disable-skills` or `?skills=`/`?disable-skills=`); tools made pointless by the session's organization or project pin are hidden.")
            .Heading("Authentication")
            .Bullet("**stdio**: pass a Sentry user auth token with `--access-token=<token>` or `SENTRY_ACCESS_TOKEN`; add `--host=<host>` for self-hosted Sentry.")
            .Bullet("**HTTP** (`/mcp`): sign in with OAuth (the client discovers the authorization server from the 401 answer), or send `Authorization: Sentry-Bearer <token>` with a Sentry user auth token.")
            .Bullet("Tokens need the scopes of the tools you use, e.g. `org:read`, `project:read`, `team:read`, `event:read`; triage needs `event:write`, project management `project:write` and `team:write`.")
            .Line()
            .Heading("Learn more")
            .Bullet(Markdown.Link("Sentry documentation", docsBase))
            .Bullet(Markdown.Link("Auth tokens", docsBase + "/account/auth-tokens/"))
            .Bullet(Markdown.Link("Sentry MCP server", docsBase + "/product/sentry-mcp/"))
            .Bullet("Docs resources: `sentry-docs://platform/{platform}` and `sentry-docs://platform/{platform}/guide/{guide}`; docs search: `search_docs`, `get_doc`.")
            .ToString();
    }
}
