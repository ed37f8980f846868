using System.ComponentModel;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Docs;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;
using ModelContextProtocol.Protocol;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class GetDocTool
{
    [McpServerTool(Name = "get_doc", Title = "Get a Sentry documentation page", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(DocPageOutput))]
    [Description("Fetch the full markdown content of a Sentry documentation page.\n\n" +
        "Use this tool when you need to:\n" +
        "- Read the complete documentation for a topic found with search_docs\n" +
        "- Get detailed setup instructions, configuration examples or code snippets\n\n" +
        "<examples>\nget_doc(path='/platforms/javascript/guides/react.md')\n</examples>\n\n" +
        "<hints>\n- Use the path from search_docs results.\n- Paths end with .md; a docs.sentry.io page URL is accepted too.\n</hints>")]
    [SentryTool(PermissionGroup.Read, Skills = [Skill.Inspect, Skill.Docs])]
    public static async Task<CallToolResult> GetDoc(
        DocsClient client,
        DocsIndex docs,
        [Description("The documentation path (e.g. '/platforms/javascript/guides/react.md'). Get it from search_docs results.")] string path,
        CancellationToken cancellationToken = default)
    {
        var normalized = DocsPath.Normalize(path, client.BaseUri);
        var page = await client.GetPageAsync(normalized, cancellationToken).ConfigureAwait(false)
            ?? throw new UserInputException(
                $"Documentation page not found: {normalized} does not exist on {client.Host}. The page may have moved; use search_docs to find the current path.");
        docs.IndexPage(normalized, page.Markdown);

        var md = new Markdown().Title("Documentation Content")
            .Field("Path", Markdown.Code(normalized))
            .Field("URL", DocsPath.WebUrl(normalized, client.BaseUri))
            .Line()
            .Line("---")
            .Line()
            .Line(page.Markdown.TrimEnd())
            .Line();
        if (page.Truncated)
        {
            md.Paragraph("*The page is longer than this server returns; the rest was cut. Open the URL above for the full page.*");
        }
        var text = md.Line("---").UsingThisInformation(
            "This is the page's markdown source; code and configuration snippets can be copied as they are.",
            $"Relative links in the page are relative to {client.BaseUri.AbsoluteUri.TrimEnd('/')}; pass them (with `.md`) to `get_doc` to read them.",
            "Use `search_docs(query)` to find related pages.").ToString();
        return ToolResults.Structured(text, new DocPageOutput(normalized, DocsPath.WebUrl(normalized, client.BaseUri), page.Markdown, page.Truncated));
    }
}
