using System.Text.RegularExpressions;
using SentryMcp.Core.Api;
using SentryMcp.Core.Formatting;

namespace SentryMcp.Core.Tools;

/// <summary>
/// Sentry's pagination cursors (<c>value:offset:isPrevious</c>, e.g. <c>0:25:0</c>) as tools take
/// and hand them out: checked before they reach Sentry, which would answer a bad one with a bare 400.
/// </summary>
public static partial class PageCursor
{
    public const string Description = "Cursor for the next page: pass the nextCursor value of the previous answer unchanged. Omit it for the first page.";

    /// <summary>The cursor, trimmed, or null for the first page; an input error when it is not a Sentry cursor.</summary>
    public static string? Parse(string? cursor)
    {
        if (string.IsNullOrWhiteSpace(cursor))
        {
            return null;
        }
        var value = cursor.Trim();
        return Shape().IsMatch(value)
            ? value
            : throw new UserInputException($"'{Markdown.Truncate(value, 60)}' is not a valid cursor. Pass the nextCursor value of the previous page unchanged (it looks like 0:25:0), or omit cursor for the first page.");
    }

    /// <summary>The "more available" line: how to get the next page, with the cursor to pass.</summary>
    public static Markdown NextPage(this Markdown md, string? nextCursor, string call)
    {
        if (nextCursor is null)
        {
            return md;
        }
        return md.Paragraph($"*More results are available.* Next page: `{call.Replace("{cursor}", nextCursor, StringComparison.Ordinal)}`.");
    }

    [GeneratedRegex(@"^-?\d{1,20}(\.\d{1,10})?:\d{1,9}:[01]$")]
    private static partial Regex Shape();
}
