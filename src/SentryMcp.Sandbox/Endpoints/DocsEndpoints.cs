using System.Text;

namespace SentryMcp.Sandbox;

/// <summary>
/// A small copy of docs.sentry.io: the <c>/llms.txt</c> index and each page as markdown at
/// <c>/{path}.md</c>. Public, like the real docs site: no token needed.
/// </summary>
public static class DocsEndpoints
{
    private const string MarkdownType = "text/markdown; charset=utf-8";

    public static void MapDocsEndpoints(this WebApplication app)
    {
        app.MapGet("/llms.txt", (HttpContext http, SandboxState state) =>
        {
            List<SandboxDocPage> pages;
            lock (state.Gate)
            {
                pages = [.. state.Data.DocPages];
            }
            return Results.Text(LlmsTxt(SandboxState.BaseUrl(http), pages), "text/plain; charset=utf-8");
        });

        app.MapGet("/{**path}", (string path, SandboxState state) =>
        {
            if (!path.EndsWith(".md", StringComparison.Ordinal))
            {
                return SentryErrors.NotFound();
            }
            SandboxDocPage? page;
            lock (state.Gate)
            {
                page = state.Data.DocPage(path[..^3].TrimEnd('/'));
            }
            return page is null
                ? Results.Text($"# Page not found\n\nNo documentation page at /{path}.\n", MarkdownType, statusCode: 404)
                : Results.Text(page.Markdown, MarkdownType);
        });
    }

    private static string LlmsTxt(string baseUrl, IEnumerable<SandboxDocPage> pages)
    {
        var sb = new StringBuilder()
            .AppendLine("# Sentry Documentation")
            .AppendLine()
            .AppendLine("> Sentry is a developer-first application monitoring platform: error tracking, tracing, session replay, profiling and AI-assisted debugging.")
            .AppendLine()
            .AppendLine("Every page is available as markdown by appending `.md` to its URL.")
            .AppendLine();
        foreach (var section in pages.GroupBy(p => p.Section))
        {
            sb.Append("## ").AppendLine(section.Key).AppendLine();
            foreach (var page in section)
            {
                sb.Append("- [").Append(page.Title).Append("](").Append(baseUrl).Append(page.Path).Append(".md): ").AppendLine(page.Description);
            }
            sb.AppendLine();
        }
        return sb.ToString();
    }
}
