using System.ComponentModel;

namespace SentryMcp.Core.Tools.Output;

/// <summary>A documentation search hit.</summary>
public sealed record DocSearchResultOutput(
    [property: Description("Pass it as path to get_doc.")] string Path,
    string Title,
    string Url,
    string? Section,
    string? Description,
    double Score);

/// <summary>search_docs: the matching pages, best first.</summary>
public sealed record DocSearchOutput(string Query, string? Guide, IReadOnlyList<DocSearchResultOutput> Results);

/// <summary>get_doc: one documentation page.</summary>
public sealed record DocPageOutput(
    string Path,
    string Url,
    [property: Description("The page's markdown source.")] string Markdown,
    [property: Description("The page was longer than this server returns and was cut.")] bool Truncated);
