using System.Text.RegularExpressions;

namespace SentryMcp.Core.Docs;

/// <summary>One page listed in a docs site's <c>llms.txt</c>.</summary>
public sealed record DocsEntry(string Path, string Title, string Description, string Section);

/// <summary>
/// Reads the <c>llms.txt</c> format (https://llmstxt.org): <c>## Section</c> headings and
/// <c>- [Title](url): description</c> lines. Only pages on the docs site itself are kept.
/// </summary>
public static partial class LlmsTxt
{
    [GeneratedRegex(@"^\s*[-*]\s*\[(?<title>[^\]]+)\]\((?<url>[^)\s]+)\)\s*(?::\s*(?<description>.*))?$")]
    private static partial Regex EntryLine();

    public static IReadOnlyList<DocsEntry> Parse(string text, Uri baseUri)
    {
        var entries = new Dictionary<string, DocsEntry>(StringComparer.Ordinal);
        var section = string.Empty;
        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            var line = rawLine.ToString();
            if (line.StartsWith("## ", StringComparison.Ordinal) || line.StartsWith("### ", StringComparison.Ordinal))
            {
                section = line.TrimStart('#').Trim();
                continue;
            }
            var match = EntryLine().Match(line);
            if (!match.Success)
            {
                continue;
            }
            string path;
            try
            {
                // The raw link text is checked: a parsed Uri would already have decoded and collapsed "%2e%2e".
                path = DocsPath.Normalize(match.Groups["url"].Value, baseUri);
            }
            catch (Api.UserInputException)
            {
                continue;
            }
            entries.TryAdd(path, new DocsEntry(path, match.Groups["title"].Value.Trim(), match.Groups["description"].Value.Trim(), section));
        }
        return [.. entries.Values];
    }
}
