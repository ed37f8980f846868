using System.ComponentModel;
using System.Globalization;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Docs;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;
using ModelContextProtocol.Protocol;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class SearchDocsTool
{
    [McpServerTool(Name = "search_docs", Title = "Search Sentry documentation", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(DocSearchOutput))]
    [Description("Search Sentry documentation for SDK setup, instrumentation and configuration guidance.\n\n" +
        "Use this tool when you need to:\n" +
        "- Set up a Sentry SDK or framework integration (Django, React, ASP.NET Core, React Native…)\n" +
        "- Configure options such as dsn, environment, release, tracesSampleRate or beforeSend\n" +
        "- Learn about source maps, tracing, Session Replay, alerts, search syntax, issue grouping, releases or Seer\n\n" +
        "Returns titles, paths and snippets only; call get_doc(path) to read a full page.\n\n" +
        "<examples>\nsearch_docs(query='Django setup configuration SENTRY_DSN', guide='python/django')\nsearch_docs(query='source maps upload', guide='javascript')\n</examples>")]
    [SentryTool(PermissionGroup.Read, Skills = [Skill.Inspect, Skill.Docs])]
    public static async Task<CallToolResult> SearchDocs(
        DocsIndex docs,
        DocsClient client,
        [Description("The search query in natural language or keywords (2-200 characters). Be specific, e.g. 'tracesSampleRate sampling'.")] string query,
        [Description("Maximum number of results to return (1-10).")] int maxResults = 3,
        [Description("Optional guide filter limiting results to one documentation section: a platform (e.g. 'javascript', 'python') or a platform/guide pair (e.g. 'javascript/react', 'python/django', 'dotnet/aspnetcore').")] string? guide = null,
        CancellationToken cancellationToken = default)
    {
        var text = query?.Trim() ?? string.Empty;
        if (text.Length < 2)
        {
            throw new UserInputException("The search query is too short: give at least 2 characters.");
        }
        if (text.Length > 200)
        {
            throw new UserInputException("The search query is too long: keep it under 200 characters.");
        }
        if (maxResults is < 1 or > 10)
        {
            throw new UserInputException("maxResults must be between 1 and 10.");
        }
        var hits = await docs.SearchAsync(text, maxResults, guide, cancellationToken).ConfigureAwait(false);

        var md = new Markdown().Title("Documentation Search Results")
            .Field("Query", Markdown.Code(text))
            .Field("Guide", string.IsNullOrWhiteSpace(guide) ? null : Markdown.Code(guide.Trim()))
            .Line();
        if (hits.Count == 0)
        {
            md.Paragraph("No documentation found matching your query.");
            return ToolResults.Structured(md.UsingThisInformation(
                "Try other keywords (feature names such as `tracesSampleRate`, `beforeSend`, `source maps`).",
                string.IsNullOrWhiteSpace(guide) ? "Search without a guide filter covers every section." : "Remove the `guide` filter to search every section.").ToString(),
                new DocSearchOutput(text, GuideOf(guide), []));
        }
        md.Paragraph($"Found {hits.Count} {(hits.Count == 1 ? "match" : "matches")}. These are summaries only.");
        var rank = 0;
        foreach (var hit in hits)
        {
            md.Heading($"{++rank}. {hit.Title}")
                .Field("Path", Markdown.Code(hit.Path))
                .Field("URL", DocsPath.WebUrl(hit.Path, client.BaseUri))
                .Field("Section", hit.Section)
                .Field("Relevance", hit.Score.ToString("0.00", CultureInfo.InvariantCulture));
            if (!string.IsNullOrWhiteSpace(hit.Description))
            {
                md.Line().Line("> " + hit.Description.ReplaceLineEndings(" "));
            }
            if (!string.IsNullOrWhiteSpace(hit.Snippet))
            {
                md.Line().Line("**Matching context**: " + hit.Snippet.ReplaceLineEndings(" "));
            }
            md.Line();
        }
        var answer = md.UsingThisInformation(
            $"Call `get_doc(path='{hits[0].Path}')` (with the path of the page you need) to read the full page.",
            "Narrow results to one platform or framework with the `guide` parameter, e.g. `guide='python/django'`.").ToString();
        return ToolResults.Structured(answer, new DocSearchOutput(text, GuideOf(guide), [.. hits.Select(h => new DocSearchResultOutput(
            h.Path, h.Title, DocsPath.WebUrl(h.Path, client.BaseUri), NullIfBlank(h.Section), NullIfBlank(h.Description), Math.Round(h.Score, 4)))]));
    }

    private static string? GuideOf(string? guide) => string.IsNullOrWhiteSpace(guide) ? null : guide.Trim();

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
