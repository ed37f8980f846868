using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using SentryMcp.Server.Chat.McpConnection;

namespace SentryMcp.Server.Chat.Agent;

public sealed record PromptText(string Role, string Text);

/// <summary>The expanded messages, or why the prompt could not be expanded (a problem and a sentence for the chat).</summary>
public sealed record PromptOutcome(IReadOnlyList<PromptText> Messages, IResult? Problem = null, string? Error = null);

/// <summary>
/// Runs MCP prompts through the user's MCP connection (prompts/get), for <c>/api/prompts/{name}</c>
/// and for chat messages of the form <c>/prompt &lt;name&gt; {json arguments}</c>.
/// </summary>
public static class PromptExpander
{
    public const string Command = "/prompt ";

    /// <summary>Whether <paramref name="text"/> is a prompt command; <paramref name="arguments"/> is null when its JSON is invalid.</summary>
    public static bool TryParseCommand(string text, out string name, out JsonElement? arguments)
    {
        name = "";
        arguments = null;
        if (!text.StartsWith(Command, StringComparison.Ordinal))
        {
            return false;
        }
        var rest = text[Command.Length..].Trim();
        var space = rest.IndexOfAny([' ', '\n', '\t']);
        name = space < 0 ? rest : rest[..space];
        var json = space < 0 ? "" : rest[space..].Trim();
        try
        {
            arguments = json.Length == 0 ? JsonSerializer.SerializeToElement(new { }) : JsonSerializer.Deserialize<JsonElement>(json);
        }
        catch (JsonException)
        {
            arguments = null;
        }
        return name.Length > 0;
    }

    public static async Task<PromptOutcome> ExpandAsync(McpSessionConnection connection, string name, JsonElement? arguments, CancellationToken ct)
    {
        if (connection.Prompts.FirstOrDefault(p => p.Name == name) is not { } prompt)
        {
            return Fail(404, "UNKNOWN_PROMPT", $"There is no prompt named '{name}'. GET /api/metadata lists them.");
        }
        if (arguments is { } given && given.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
        {
            return Fail(400, "INVALID_PROMPT_ARGUMENTS", "Prompt arguments must be a JSON object.");
        }
        var values = ToolResults.Arguments(arguments).ToDictionary(
            p => p.Key, p => (object?)(p.Value is JsonElement { ValueKind: JsonValueKind.String } s ? s.GetString() : p.Value?.ToString()));
        var missing = (prompt.ProtocolPrompt.Arguments ?? [])
            .Where(a => a.Required == true && (!values.TryGetValue(a.Name, out var v) || string.IsNullOrWhiteSpace(v as string)))
            .Select(a => a.Name).ToList();
        if (missing.Count > 0)
        {
            return Fail(400, "INVALID_PROMPT_ARGUMENTS", $"The prompt '{name}' needs: {string.Join(", ", missing)}.");
        }
        try
        {
            var result = await prompt.GetAsync(values, cancellationToken: ct);
            return new PromptOutcome([.. result.Messages.Select(m => new PromptText(m.Role == Role.User ? "user" : "assistant", TextOf(m.Content)))]);
        }
        catch (McpException ex)
        {
            return Fail(400, "INVALID_PROMPT_ARGUMENTS", ex.Message);
        }
    }

    private static string TextOf(ContentBlock block) => block switch
    {
        TextContentBlock text => text.Text,
        EmbeddedResourceBlock { Resource: TextResourceContents resource } => resource.Text,
        _ => $"[{block.Type} content]",
    };

    private static PromptOutcome Fail(int status, string code, string message) => new([], ChatProblems.Of(status, code, message), message);
}
