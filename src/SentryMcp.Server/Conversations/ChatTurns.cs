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
        using var lost = new CancellationTokenSource();
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(writer.StopRequested, lifetime.ApplicationStopping, lost.Token);
        using var keeping = new CancellationTokenSource();
        using var saving = new CancellationTokenSource();
        var answer = new AnswerProgress(plan.Answer);
        var stream = new UiStream(async line =>
        {
            if (UiChunks.Parse(line) is { } chunk)
            {
                answer.Apply(chunk);
            }
            await writer.AppendAsync(line);
        });
        var keeper = TurnLease.KeepAsync(writer, clock, options.Value.TurnLeaseRefresh, lost, logger, keeping.Token);
        var saver = SaveWhileAnsweringAsync(plan, answer, saving.Token);
        try
        {
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
            await saving.CancelAsync();
            await saver;
            if (!stream.Ended)
            {
                await CloseAsync(stream, plan.Answer, stopped: writer.StopRequested.IsCancellationRequested);
            }
            // A turn that lost its lease was given up by its followers: what it stores stays marked interrupted.
            await SaveAnswerAsync(plan, lost.IsCancellationRequested ? plan.Answer.ToPartial(options.Value.MaxMessageBytes) : plan.Answer.ToStored(options.Value.MaxMessageBytes));
            await writer.CompleteAsync();
        }
        finally
        {
            // Whatever failed above, the lease is no longer renewed: followers end with TURN_LOST instead of waiting.
            await saving.CancelAsync();
            await keeping.CancelAsync();
            await keeper;
        }
        if (plan.NewTitleFrom is { } question && await titles.FromModelAsync(question, lifetime.ApplicationStopping) is { } title)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // Only while the title is still the automatic one: the user may have renamed it meanwhile.
            await db.Conversations.Where(c => c.Id == plan.ConversationId && c.Title == plan.FirstWordsTitle)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Title, title));
        }
    }

    /// <summary>
    /// Every <c>Chat:AnswerSaveInterval</c> the answer so far (when it changed) is stored, marked interrupted,
    /// so a turn whose instance dies leaves the text it wrote. The final save replaces it.
    /// </summary>
    private async Task SaveWhileAnsweringAsync(TurnPlan plan, AnswerProgress answer, CancellationToken ct)
    {
        var saved = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.AnswerSaveInterval, clock, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (answer.Snapshot(saved, options.Value.MaxMessageBytes) is ({ } partial, var version))
            {
                try
                {
                    await SaveAnswerAsync(plan, partial);
                    saved = version;
                }
                catch (Exception ex)
                {
                    // The database is away for now: the next interval (or the final save) tries again.
                    logger.LogWarning(ex, "Could not save the answer so far of a running chat turn");
                }
            }
        }
    }

    /// <summary>A stopped (or interrupted) turn still ends as a well-formed stream: open text closed, then abort or error.</summary>
    private static async Task CloseAsync(UiStream stream, UiMessageBuilder answer, bool stopped)
    {
        foreach (var id in answer.OpenTextIds.ToList())
        {
            await stream.EndTextAsync(id, CancellationToken.None);
        }
        answer.Stopped();
        if (stopped)
        {
            await stream.AbortAsync("stopped", CancellationToken.None);
        }
        else
        {
            await stream.ErrorAsync(ShutdownText, CancellationToken.None);
        }
        await stream.EndAsync(CancellationToken.None);
    }

    private async Task SaveAnswerAsync(TurnPlan plan, StoredUiMessage message)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var store = new ConversationStore(scope.ServiceProvider.GetRequiredService<AppDbContext>(), clock);
            if (await store.ExistsAsync(plan.ConversationId, CancellationToken.None))
            {
                await store.SaveAsync(plan.ConversationId, message, CancellationToken.None);
            }
        }
        catch (DbUpdateException ex)
        {
            // Deleted while it answered: nothing to keep.
            logger.LogDebug(ex, "The conversation of a running or finished turn is gone");
        }
    }

    /// <summary>The answer being built, shared by the stream (which applies chunks) and the periodic save.</summary>
    private sealed class AnswerProgress(UiMessageBuilder answer)
    {
        private readonly Lock _gate = new();
        private int _version;

        public void Apply(System.Text.Json.Nodes.JsonObject chunk)
        {
            lock (_gate)
            {
                answer.Apply(chunk);
                _version++;
            }
        }

        /// <summary>The answer so far when it changed since <paramref name="saved"/>, with the version it is.</summary>
        public (StoredUiMessage? Partial, int Version) Snapshot(int saved, int maxBytes)
        {
            lock (_gate)
            {
                return _version == saved ? (null, saved) : (answer.ToPartial(maxBytes), _version);
            }
        }
    }
}
