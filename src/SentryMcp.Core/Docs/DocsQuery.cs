using System.Text;
using System.Text.RegularExpressions;
using SentryMcp.Core.Api;

namespace SentryMcp.Core.Docs;

/// <summary>
/// Turns free text into an FTS5 MATCH expression the user cannot break: only word tokens survive,
/// each one quoted, so quotes, <c>*</c>, <c>NEAR(</c>, column filters or operators in the input are
/// just text.
/// </summary>
public static partial class DocsQuery
{
    private const int MaxTokens = 16;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "how", "i", "in", "is",
        "it", "me", "my", "of", "on", "or", "the", "to", "what", "when", "where", "which", "with", "you", "your",
    };

    // The same notion of a word as FTS5's unicode61 tokenizer: letters, digits, combining marks.
    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}\p{M}]*")]
    private static partial Regex Word();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)?$")]
    private static partial Regex GuidePattern();

    /// <summary>OR of quoted tokens (prefix-matched when 3+ characters); null when the text has no words.</summary>
    public static string? ToMatchExpression(string query)
    {
        var words = Word().Matches(query.ToLowerInvariant()).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
        var meaningful = words.Where(w => !StopWords.Contains(w)).ToList();
        var tokens = (meaningful.Count > 0 ? meaningful : words).Take(MaxTokens).ToList();
        if (tokens.Count == 0)
        {
            return null;
        }
        var sb = new StringBuilder();
        foreach (var token in tokens)
        {
            if (sb.Length > 0)
            {
                sb.Append(" OR ");
            }
            sb.Append('"').Append(token).Append('"');
            if (token.Length >= 3)
            {
                sb.Append('*');
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// The path filter for a guide: <c>python</c> → <c>/platforms/python.md</c> and everything under
    /// <c>/platforms/python/</c>; <c>python/django</c> → the Django guide and its sub-pages.
    /// </summary>
    public static (string? Exact, string? LikePrefix) GuideFilter(string? guide)
    {
        if (string.IsNullOrWhiteSpace(guide))
        {
            return (null, null);
        }
        var value = guide.Trim().Trim('/').ToLowerInvariant();
        if (!GuidePattern().IsMatch(value))
        {
            throw new UserInputException($"Invalid guide '{guide}': use a platform such as 'python' or a platform/guide pair such as 'python/django' or 'javascript/react'.");
        }
        var parts = value.Split('/');
        var root = parts.Length == 1 ? $"/platforms/{parts[0]}" : $"/platforms/{parts[0]}/guides/{parts[1]}";
        return (root + ".md", root.Replace("_", "\\_", StringComparison.Ordinal) + "/%");
    }
}
