using System.Globalization;
using System.Text;

namespace SentryMcp.Core.Formatting;

/// <summary>
/// Builds tool output: markdown meant for both an LLM and a human, with a <c>#</c> title, sections,
/// explicit empty states and a closing "Using this information" section.
/// </summary>
public sealed class Markdown
{
    private readonly StringBuilder _sb = new();

    public Markdown Title(string title)
    {
        _sb.Append("# ").AppendLine(OneLine(title)).AppendLine();
        return this;
    }

    public Markdown Heading(string heading, int level = 2)
    {
        _sb.Append('#', level).Append(' ').AppendLine(OneLine(heading)).AppendLine();
        return this;
    }

    public Markdown Line(string text = "")
    {
        _sb.AppendLine(text);
        return this;
    }

    public Markdown Paragraph(string text)
    {
        _sb.AppendLine(text).AppendLine();
        return this;
    }

    /// <summary>A <c>**Label**: value</c> line, skipped when the value is empty.</summary>
    public Markdown Field(string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            _sb.Append("**").Append(label).Append("**: ").AppendLine(value.Trim());
        }
        return this;
    }

    public Markdown Bullet(string text, int indent = 0)
    {
        _sb.Append(' ', indent * 2).Append("- ").AppendLine(text);
        return this;
    }

    public Markdown CodeBlock(string code, string language = "")
    {
        var fence = code.Contains("```", StringComparison.Ordinal) ? "````" : "```";
        _sb.Append(fence).AppendLine(language).AppendLine(code.TrimEnd()).AppendLine(fence).AppendLine();
        return this;
    }

    /// <summary>The closing section naming useful next calls.</summary>
    public Markdown UsingThisInformation(params string[] hints)
    {
        if (hints.Length == 0)
        {
            return this;
        }
        _sb.AppendLine().AppendLine("# Using this information").AppendLine();
        foreach (var hint in hints)
        {
            _sb.Append("- ").AppendLine(hint);
        }
        return this;
    }

    /// <summary>Adds the "more available" hint when a list was capped.</summary>
    public Markdown MoreAvailable(bool hasMore, string howToNarrow)
    {
        if (hasMore)
        {
            _sb.AppendLine().Append("*More results are available.* ").AppendLine(howToNarrow).AppendLine();
        }
        return this;
    }

    public override string ToString() => _sb.ToString().TrimEnd() + "\n";

    /// <summary>Inline code, safe against backticks in the value.</summary>
    public static string Code(string? value)
    {
        var text = value ?? string.Empty;
        return text.Contains('`', StringComparison.Ordinal) ? $"`` {text} ``" : $"`{text}`";
    }

    /// <summary>A markdown link whose text cannot break out of the brackets.</summary>
    public static string Link(string text, string url) =>
        $"[{text.Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal)}]({url.Replace(" ", "%20", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal)})";

    /// <summary>Cuts long text with a visible marker so the reader knows it was cut.</summary>
    public static string Truncate(string? text, int max)
    {
        if (string.IsNullOrEmpty(text) || text.Length <= max)
        {
            return text ?? string.Empty;
        }
        return text[..max] + $"… ({text.Length - max} more characters)";
    }

    /// <summary>Sentry's ISO timestamps as <c>2025-01-31 14:05:09 UTC</c>; anything unparsable as it came, blank as null.</summary>
    public static string? Date(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC"
            : value;

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
