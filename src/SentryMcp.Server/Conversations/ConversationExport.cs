using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SentryMcp.Server.Conversations;

/// <summary>A conversation as a download: Markdown to read, JSON (the stored UI messages) to keep or process.</summary>
public static class ConversationExport
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string FileName(Conversation conversation, string extension)
    {
        var slug = new string([.. conversation.Title.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }
        return $"{(slug.Length == 0 ? "conversation" : slug[..Math.Min(slug.Length, 60)].TrimEnd('-'))}.{extension}";
    }

    public static byte[] Json(Conversation conversation, IReadOnlyList<ConversationMessage> messages) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        conversation.Id,
        conversation.Title,
        conversation.CreatedAt,
        conversation.UpdatedAt,
        Messages = messages.Select(ConversationStore.ToUi),
    }, Indented);

    public static byte[] Markdown(Conversation conversation, IReadOnlyList<ConversationMessage> messages)
    {
        var md = new StringBuilder();
        md.Append("# ").AppendLine(OneLine(conversation.Title)).AppendLine();
        md.Append("Exported from Sentry MCP Chat. Started ").Append(conversation.CreatedAt.UtcDateTime.ToString("u", System.Globalization.CultureInfo.InvariantCulture))
            .Append(", last used ").Append(conversation.UpdatedAt.UtcDateTime.ToString("u", System.Globalization.CultureInfo.InvariantCulture)).AppendLine(".").AppendLine();
        foreach (var message in messages)
        {
            md.AppendLine(message.Role == "user" ? "## You" : "## Assistant").AppendLine();
            foreach (var part in (JsonNode.Parse(message.Parts) as JsonArray ?? []).OfType<JsonObject>())
            {
                AppendPart(md, part);
            }
            if (message.TotalTokens is { } total)
            {
                md.Append("_Tokens: ").Append(message.InputTokens).Append(" in, ").Append(message.OutputTokens).Append(" out, ").Append(total).AppendLine(" total._").AppendLine();
            }
        }
        return Encoding.UTF8.GetBytes(md.ToString());
    }

    private static void AppendPart(StringBuilder md, JsonObject part)
    {
        var type = part["type"]?.GetValue<string>();
        if (type == "text" && part["text"]?.GetValue<string>() is { Length: > 0 } text)
        {
            md.AppendLine(text).AppendLine();
            return;
        }
        if (type != "dynamic-tool" && type?.StartsWith("tool-", StringComparison.Ordinal) != true)
        {
            return;
        }
        var name = part["toolName"]?.GetValue<string>() ?? type!["tool-".Length..];
        md.Append("**Tool `").Append(name).Append("`** (").Append(part["state"]?.GetValue<string>()).AppendLine(")").AppendLine();
        Fenced(md, "json", part["input"]?.ToJsonString(Indented) ?? "{}");
        if (part["output"]?["content"] is JsonArray content)
        {
            var result = string.Join("\n\n", content.OfType<JsonObject>().Select(b => b["text"]?.GetValue<string>()).OfType<string>());
            Fenced(md, "", result);
        }
        else if (part["errorText"]?.GetValue<string>() is { } error)
        {
            md.Append("Error: ").AppendLine(OneLine(error)).AppendLine();
        }
    }

    /// <summary>A fence longer than any backtick run inside, so tool text cannot close it.</summary>
    private static void Fenced(StringBuilder md, string language, string text)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        var fence = new string('`', Math.Max(3, longest + 1));
        md.Append(fence).AppendLine(language).AppendLine(text).AppendLine(fence).AppendLine();
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
