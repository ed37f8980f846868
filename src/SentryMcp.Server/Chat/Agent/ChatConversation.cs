using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using SentryMcp.Server.Chat.McpConnection;

namespace SentryMcp.Server.Chat.Agent;

/// <summary>A write-tool call the user answered in the request: run it (approved) or tell the model it was denied.</summary>
public sealed record PendingApproval(FunctionCallContent Call, string ApprovalId, bool Approved, string? Reason);

/// <summary>
/// The UI messages as model messages: user text (with <c>/prompt</c> commands expanded through MCP),
/// assistant text and tool calls step by step with their results. Tool calls the user answered in
/// the last assistant message are returned as <see cref="Pending"/>, their results still to come.
/// </summary>
public sealed class ChatConversation
{
    public List<ChatMessage> Messages { get; } = [];
    public List<PendingApproval> Pending { get; } = [];

    /// <summary>Results of the step that holds <see cref="Pending"/> calls, completed before this request.</summary>
    public List<AIContent> PendingStepResults { get; } = [];

    /// <summary>The conversation, or the prompt expansion's failure (answered before streaming).</summary>
    public static async Task<(ChatConversation? Conversation, IResult? Problem)> BuildAsync(
        ChatRequest request, McpSessionConnection connection, int maxResultChars, CancellationToken ct)
    {
        var conversation = new ChatConversation();
        for (var i = 0; i < request.Messages.Count; i++)
        {
            var message = request.Messages[i];
            if (message.Role == "user")
            {
                var problem = await conversation.AddUserAsync(message, connection, ct);
                if (problem is not null)
                {
                    return (null, problem);
                }
            }
            else
            {
                conversation.AddAssistant(message, isLast: i == request.Messages.Count - 1, maxResultChars);
            }
        }
        return (conversation, null);
    }

    private async Task<IResult?> AddUserAsync(UiMessage message, McpSessionConnection connection, CancellationToken ct)
    {
        var text = string.Join("\n", message.Parts
            .Where(p => p.GetProperty("type").GetString() == "text")
            .Select(p => p.GetProperty("text").GetString()));
        if (!PromptExpander.TryParseCommand(text, out var name, out var arguments))
        {
            Messages.Add(new ChatMessage(ChatRole.User, text));
            return null;
        }
        if (arguments is null)
        {
            return ChatProblems.Of(400, "INVALID_PROMPT_ARGUMENTS", "Write prompts as /prompt <name> {\"argument\": \"value\"} with valid JSON.");
        }
        var outcome = await PromptExpander.ExpandAsync(connection, name, arguments, ct);
        if (outcome.Problem is not null)
        {
            return outcome.Problem;
        }
        Messages.AddRange(outcome.Messages.Select(m => new ChatMessage(m.Role == "user" ? ChatRole.User : ChatRole.Assistant, m.Text)));
        return null;
    }

    private void AddAssistant(UiMessage message, bool isLast, int maxResultChars)
    {
        var contents = new List<AIContent>();
        var results = new List<AIContent>();
        var pending = new List<PendingApproval>();
        void Flush()
        {
            if (contents.Count > 0)
            {
                Messages.Add(new ChatMessage(ChatRole.Assistant, [.. contents]));
            }
            if (pending.Count > 0)
            {
                Pending.AddRange(pending);
                PendingStepResults.AddRange(results);
            }
            else if (results.Count > 0)
            {
                Messages.Add(new ChatMessage(ChatRole.Tool, [.. results]));
            }
            contents.Clear();
            results.Clear();
            pending.Clear();
        }
        foreach (var part in message.Parts)
        {
            var type = part.GetProperty("type").GetString()!;
            if (type == "step-start")
            {
                Flush();
            }
            else if (type == "text" && part.GetProperty("text").GetString() is { Length: > 0 } text)
            {
                contents.Add(new TextContent(text));
            }
            else if (ToolPart.From(part) is { } tool)
            {
                var call = new FunctionCallContent(tool.ToolCallId, tool.ToolName, Arguments(tool.Member("input")));
                contents.Add(call);
                if (isLast && tool.State == "approval-responded" && tool.Approval is { } approval)
                {
                    pending.Add(new PendingApproval(call, approval.Id, approval.Approved, approval.Reason));
                }
                else
                {
                    results.Add(new FunctionResultContent(tool.ToolCallId, ResultText(tool, maxResultChars)));
                }
            }
        }
        Flush();
    }

    private static Dictionary<string, object?> Arguments(JsonElement? input) => ToolResults.Arguments(input);

    private static string ResultText(ToolPart tool, int maxChars) => tool.State switch
    {
        "output-available" => ToolResults.Cap(OutputText(tool.Member("output")), maxChars),
        "output-error" => "Error: " + (tool.Member("errorText")?.ToString() ?? "the tool failed."),
        "output-denied" => "The user denied this tool call" + (tool.Approval?.Reason is { } reason ? ": " + reason : "."),
        _ => "This tool call did not run: the user did not approve it.",
    };

    /// <summary>The text of an output we streamed (<c>{ content: [...] }</c>), or the output's JSON.</summary>
    private static string OutputText(JsonElement? output)
    {
        if (output is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Array)
        {
            var text = new StringBuilder();
            foreach (var block in content.EnumerateArray())
            {
                if (block.ValueKind == JsonValueKind.Object && block.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
                {
                    text.Append(text.Length > 0 ? "\n\n" : "").Append(t.GetString());
                }
            }
            return text.ToString();
        }
        return output?.GetRawText() ?? "";
    }
}
