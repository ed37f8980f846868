using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using SentryMcp.Server.Chat;
using SentryMcp.Server.Chat.Agent;
using SentryMcp.Server.Chat.Config;
using SentryMcp.Server.Chat.McpConnection;
using SentryMcp.Server.Chat.SignIn;

namespace SentryMcp.Server.Conversations;

/// <summary>
/// A conversation's title: the first words of its first question at once, then (with a model and
/// <c>Chat:GenerateTitles</c>) a short title the model writes once the first answer is done.
/// </summary>
public sealed class ConversationTitles(ChatClientHolder llm, IOptions<ConversationOptions> options, ILogger<ConversationTitles> logger)
{
    public const int FirstWordsLength = 60;

    /// <summary>Marks the request, so a test's scripted model can tell it from a chat turn.</summary>
    public const string Instruction = "Write a title of at most six words for a conversation that starts with the user's message below. " +
        "Answer with the title only: no quotes, no trailing period.";

    public static string FirstWords(string question)
    {
        if (PromptExpander.TryParseCommand(question, out var name, out _))
        {
            return "Prompt: " + name;
        }
        var words = string.Join(' ', question.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (words.Length == 0)
        {
            return "New conversation";
        }
        if (words.Length <= FirstWordsLength)
        {
            return words;
        }
        var cut = words.LastIndexOf(' ', FirstWordsLength);
        return words[..(cut > FirstWordsLength / 2 ? cut : FirstWordsLength)] + "…";
    }

    /// <summary>The model's title, or null (no model, turned off, failed, or an unusable answer).</summary>
    public async Task<string?> FromModelAsync(string question, CancellationToken ct)
    {
        if (llm.Client is null || !options.Value.GenerateTitles || PromptExpander.TryParseCommand(question, out _, out _))
        {
            return null;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            var response = await llm.Client.GetResponseAsync(
                [new ChatMessage(ChatRole.System, Instruction), new ChatMessage(ChatRole.User, question.Length > 2000 ? question[..2000] : question)],
                new ChatOptions { MaxOutputTokens = 24 }, timeout.Token);
            var title = string.Join(' ', response.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Trim('"', '\'', '“', '”', '.', ' ');
            return title.Length is > 0 and <= 80 && !title.Any(char.IsControl) ? title : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogDebug(ex, "The model did not write a conversation title; the first words stay");
            return null;
        }
    }
}
