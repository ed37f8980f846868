using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SentryMcp.Server.Chat;
using SentryMcp.Server.Chat.Agent;
using SentryMcp.Server.Chat.Config;
using SentryMcp.Server.Chat.McpConnection;
using SentryMcp.Server.Chat.SignIn;
using SentryMcp.Server.Storage;

namespace SentryMcp.Server.Conversations;

/// <summary>Everything a turn needs once the request's checks passed; the turn owns the MCP lease.</summary>
public sealed record TurnPlan(
    ChatUser User, string ConversationId, string AnswerId, UiMessageBuilder Answer, ChatConversation History, McpLease Lease, string? NewTitleFrom, string FirstWordsTitle);

/// <summary>
/// Runs a chat turn apart from the request that started it: the answer goes to the conversation's
/// live turn (which the request, and any tab that resumes, reads), so a closed tab or a reload is a
/// disconnect, not a stop. The turn ends by itself (the agent's step and time limits), by the stop
/// endpoint, or when the host shuts down; then the answer is stored as the browser showed it.
/// </summary>
public sealed class ChatTurns(
    IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, IOptions<ConversationOptions> options, ConversationTitles titles, TimeProvider clock, ILogger<ChatTurns> logger)
{
    public const string ShutdownText = "The server stopped while answering. Ask again.";

    /// <summary>Starts the turn in the background; the writer and the lease are disposed when it ends.</summary>
    public Task Start(ITurnWriter writer, TurnPlan plan) => Task.Run(() => RunAsync(writer, plan));

    private async Task RunAsync(ITurnWriter writer, TurnPlan plan)
    {
        await using var _ = writer;
        using var lease = plan.Lease;
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(writer.StopRequested, lifetime.ApplicationStopping);
        var stream = new UiStream(async line =>
        {
            if (UiChunks.Parse(line) is { } chunk)
            {
                plan.Answer.Apply(chunk);
            }
            await writer.AppendAsync(line);
        });
        try
        {
            using var scope = scopes.CreateScope();
            await scope.ServiceProvider.GetRequiredService<ChatAgent>()
                .StreamAsync(stream, plan.User, lease.Connection, plan.ConversationId, plan.AnswerId, plan.History, ended.Token);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "A chat turn failed outside the agent's own error handling");
        }
        if (!stream.Ended)
        {
            await CloseAsync(stream, plan.Answer, stopped: writer.StopRequested.IsCancellationRequested);
        }
        await PersistAsync(plan);
        await writer.CompleteAsync();
        if (plan.NewTitleFrom is { } question && await titles.FromModelAsync(question, lifetime.ApplicationStopping) is { } title)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // Only while the title is still the automatic one: the user may have renamed it meanwhile.
            await db.Conversations.Where(c => c.Id == plan.ConversationId && c.Title == plan.FirstWordsTitle)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Title, title));
        }
    }

    /// <summary>A stopped (or interrupted) turn still ends as a well-formed stream: open text closed, then abort or error.</summary>
    private static async Task CloseAsync(UiStream stream, UiMessageBuilder answer, bool stopped)
    {
        foreach (var id in answer.OpenTextIds.ToList())
        {
            await stream.WriteAsync(new { type = "text-end", id }, CancellationToken.None);
        }
        answer.Stopped();
        await stream.WriteAsync(stopped ? new { type = "abort", reason = "stopped" } : (object)new { type = "error", errorText = ShutdownText }, CancellationToken.None);
        await stream.EndAsync(CancellationToken.None);
    }

    private async Task PersistAsync(TurnPlan plan)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var store = new ConversationStore(scope.ServiceProvider.GetRequiredService<AppDbContext>(), clock);
            if (await store.ExistsAsync(plan.ConversationId, CancellationToken.None))
            {
                await store.SaveAsync(plan.ConversationId, plan.Answer.ToStored(options.Value.MaxMessageBytes), CancellationToken.None);
            }
        }
        catch (DbUpdateException ex)
        {
            // Deleted while it answered: nothing to keep.
            logger.LogDebug(ex, "The conversation of a finished turn is gone");
        }
    }
}
