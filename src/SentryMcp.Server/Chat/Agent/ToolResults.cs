using System.Text;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace SentryMcp.Server.Chat.Agent;

/// <summary>MCP tool results as the model reads them (text, capped with a note) and as the UI shows them (content blocks).</summary>
public static class ToolResults
{
    public static string ForModel(CallToolResult result, int maxChars)
    {
        var text = new StringBuilder();
        foreach (var block in result.Content)
        {
            if (text.Length > 0)
            {
                text.Append("\n\n");
            }
            text.Append(block switch
            {
                TextContentBlock t => t.Text,
                ImageContentBlock i => $"[An image ({i.MimeType}) was shown to the user.]",
                EmbeddedResourceBlock { Resource: TextResourceContents r } => r.Text,
                _ => $"[{block.Type} content omitted]",
            });
        }
        return Cap(text.ToString(), maxChars);
    }

    /// <summary>The content blocks in MCP's JSON shape, text capped like the model's copy.</summary>
    public static JsonElement[] ForUi(CallToolResult result, int maxChars) =>
        [.. result.Content.Select(block => JsonSerializer.SerializeToElement(
            block is TextContentBlock text ? new TextContentBlock { Text = Cap(text.Text, maxChars) } : block, McpJsonUtilities.DefaultOptions))];

    /// <summary>
    /// The result's typed data for the UI's views, when the tool gave some and it fits the same
    /// budget as the text (four times its characters: JSON is wordier than markdown); else null and
    /// the UI shows the text.
    /// </summary>
    public static JsonElement? StructuredForUi(CallToolResult result, int maxChars) =>
        result.StructuredContent is { ValueKind: JsonValueKind.Object } data && data.GetRawText().Length <= (long)maxChars * 4
            ? data
            : null;

    public static string Cap(string text, int maxChars) =>
        text.Length <= maxChars
            ? text
            : text[..maxChars] + $"\n\n[Result cut: showing {maxChars:N0} of {text.Length:N0} characters. Narrow the request (filters, limits) for the rest.]";

    /// <summary>JSON object members as tool or prompt arguments; a name given twice keeps its last value, as JSON parsers do.</summary>
    public static Dictionary<string, object?> Arguments(JsonElement? arguments)
    {
        var result = new Dictionary<string, object?>();
        if (arguments is { ValueKind: JsonValueKind.Object } value)
        {
            foreach (var member in value.EnumerateObject())
            {
                result[member.Name] = member.Value.Clone();
            }
        }
        return result;
    }
}
