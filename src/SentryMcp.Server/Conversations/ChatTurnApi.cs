using SentryMcp.Server.Http;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SentryMcp.Server.Chat;
using SentryMcp.Server.Chat.Agent;
using SentryMcp.Server.Chat.Config;
using SentryMcp.Server.Chat.McpConnection;
using SentryMcp.Server.Chat.SignIn;
using SentryMcp.Server.Security;

namespace SentryMcp.Server.Conversations;

/// <summary>
/// The chat turn over a stored conversation, as the AI SDK's persistence and resumable-stream
/// conventions expect: <c>POST /api/chat</c> with the chat id and only the new message (or the
/// answered approvals), <c>GET /api/chat/{id}/stream</c> (the live answer, or 204) and
/// <c>POST /api/chat/{id}/stop</c>. The server holds the history: a client cannot rewrite it, forge
/// tool results or change the call it approves.
/// </summary>
public static class ChatTurnApi
{
    public static void MapChatTurns(this RouteGroupBuilder api)
    {
        api.MapPost("/chat", PostAsync);
        api.MapGet("/chat/{id}/stream", ResumeAsync);
        api.MapPost("/chat/{id}/stop", StopAsync);
    }

    private static async Task PostAsync(HttpContext http, IOptions<ChatApiOptions> options, IOptions<ConversationOptions> limits, IRateLimitStore rateLimits,
        ChatClientHolder llm, ConversationStore store, ILiveTurns live, ChatTurns turns)
    {
        var settings = options.Value;
        var user = ChatAuthenticator.UserOf(http);
        var ct = http.RequestAborted;
        var retryAfter = await rateLimits.TryAcquireAsync("chat:" + user.UserId, settings.MessagesPerMinute, TimeSpan.FromMinutes(1), ct);
        if (retryAfter is { } wait)
        {
            RateLimits.CountRejection("chat");
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await Problems.Of(429, ErrorCodes.RateLimitExceeded, $"At most {settings.MessagesPerMinute} messages per minute. Retry in {seconds} s.").ExecuteAsync(http);
            return;
        }
        var body = await RequestBody.ReadAsync(http, settings.MaxBodyBytes);
        var (request, error) = body is null ? (null, $"The body is larger than {settings.MaxBodyBytes:N0} bytes.") : ChatRequest.Parse(body.Value, settings);
        if (request is not null && !ConversationIds.IsValid(request.Id))
        {
            (request, error) = (null, $"\"id\" must be the conversation's id: 1 to {Conversation.MaxIdLength} letters, digits, '-' or '_'.");
        }
        if (request is null)
        {
            await Problems.Of(400, ErrorCodes.InvalidMessagesFormat, error!).ExecuteAsync(http);
            return;
        }
        if (llm.Client is null)
        {
            await Problems.Of(503, ErrorCodes.AiServiceUnavailable,
                "No language model is configured. Set OPENAI_API_KEY (OpenAI), or OPENAI_BASE_URL for an OpenAI-compatible server " +
                "(Ollama, vLLM, LM Studio, Azure OpenAI v1), and optionally OPENAI_MODEL; then restart. Tools and prompts work without one.").ExecuteAsync(http);
            return;
        }
        var (turn, problem) = await PlanAsync(request, user, settings, limits.Value, store, ct);
        if (turn is null)
        {
            await problem!.ExecuteAsync(http);
            return;
        }
        var writer = await live.BeginAsync(request.Id, "turn-" + Guid.NewGuid().ToString("N"), turn.ReplayPrefix, ct);
        if (writer is null)
        {
            await (turn.TruncateFrom is null ? TurnInProgress() : NotEditableWhileAnswering()).ExecuteAsync(http);
            return;
        }
        var started = false;
        try
        {
            var (lease, mcpProblem) = await McpConnector.ConnectAsync(http, user);
            if (lease is null)
            {
                await mcpProblem!.ExecuteAsync(http);
                return;
            }
            try
            {
                var (history, promptProblem) = await ChatConversation.BuildAsync(new ChatRequest(request.Id, turn.History, request.Trigger, null), lease.Connection, settings.MaxToolResultChars, ct);
                if (history is null)
                {
                    await promptProblem!.ExecuteAsync(http);
                    return;
                }
                if (!await SaveRequestAsync(store, user.UserId, request.Id, turn, ct))
                {
                    await TurnInProgress().ExecuteAsync(http);
                    return;
                }
                _ = turns.Start(writer, new TurnPlan(user, request.Id, turn.Answer.Id, turn.Answer, history, lease, turn.NewTitleFrom, turn.Title));
                started = true;
            }
            finally
            {
                if (!started)
                {
                    lease.Dispose();
                }
            }
        }
        finally
        {
            if (!started)
            {
                await writer.DisposeAsync();
            }
        }
        await RelayAsync(http, live, request.Id, writer.TurnId, fromStart: false);
    }

    /// <summary>What the request asks for, checked against the stored conversation.</summary>
    private sealed record TurnRequest(List<UiMessage> History, UiMessageBuilder Answer, IReadOnlyList<string> ReplayPrefix, bool IsNew, string Title,
        string? NewTitleFrom, int? TruncateFrom, StoredUiMessage Save, StoredUiMessage? Closed = null);

    /// <summary>Why an approval left unanswered is closed when the user sends something else instead.</summary>
    public const string StaleApprovalReason = "The user sent a new message instead of answering this approval.";

    /// <summary>
    /// The stored answer with every call still waiting for approval closed as denied (the user moved on),
    /// or null when none waits. Stored, so a reload or another tab shows no live buttons for it.
    /// </summary>
    private static StoredUiMessage? CloseStaleApprovals(ConversationMessage message)
    {
        if (message.Role != "assistant" || JsonNode.Parse(message.Parts) is not JsonArray parts)
        {
            return null;
        }
        var closed = 0;
        foreach (var part in parts.OfType<JsonObject>())
        {
            if (part["state"]?.GetValue<string>() == "approval-requested")
            {
                part["state"] = "output-denied";
                part["approval"] = new JsonObject { ["id"] = part["approval"]?["id"]?.GetValue<string>(), ["approved"] = false, ["reason"] = StaleApprovalReason };
                closed++;
            }
        }
        return closed == 0 ? null : WithParts(message, parts.ToJsonString());
    }

    private static async Task<(TurnRequest?, IResult?)> PlanAsync(ChatRequest request, ChatUser user, ChatApiOptions settings, ConversationOptions limits, ConversationStore store, CancellationToken ct)
    {
        var incoming = request.Messages[^1];
        var conversation = await store.FindAsync(user.UserId, request.Id, ct);
        if (conversation is null)
        {
            if (incoming.Role != "user" || await store.ExistsAsync(request.Id, ct))
            {
                return (null, ConversationsApi.NotFound());
            }
            if (await store.CountAsync(user.UserId, ct) >= limits.MaxConversationsPerUser)
            {
                return (null, Problems.Of(409, ErrorCodes.ConversationLimitReached,
                    $"You have {limits.MaxConversationsPerUser} conversations, the most kept per user. Delete some to start a new one."));
            }
        }
        var stored = conversation is null ? [] : await store.MessagesAsync(request.Id, ct);
        if (incoming.Role == "user")
        {
            var parts = new JsonArray([.. incoming.Parts.Where(p => p.GetProperty("type").GetString() == "text").Select(p => JsonNode.Parse(p.GetRawText()))]);
            var json = parts.ToJsonString();
            if (Encoding.UTF8.GetByteCount(json) > limits.MaxMessageBytes)
            {
                return (null, Problems.Of(413, ErrorCodes.MessageTooLarge, $"A message may hold at most {limits.MaxMessageBytes:N0} bytes."));
            }
            // A stored id is that message edited (or its answer regenerated): the conversation continues from there.
            var index = stored.FindIndex(m => m.Id == incoming.Id);
            if (EditProblem(request, incoming, stored, index) is { } editProblem)
            {
                return (null, editProblem);
            }
            var kept = index >= 0 ? stored[..index] : stored;
            if (kept.Count + 2 > settings.MaxMessages)
            {
                return (null, Problems.Of(409, ErrorCodes.ConversationFull, $"A conversation holds at most {settings.MaxMessages} messages. Start a new one."));
            }
            var text = UiMessageBuilder.TextOf(parts);
            var save = new StoredUiMessage(incoming.Id, "user", json, null, text, null);
            var closed = kept.Count > 0 ? CloseStaleApprovals(kept[^1]) : null;
            var earlier = kept.Select(ToUiMessage).ToList();
            if (closed is not null)
            {
                earlier[^1] = ToUiMessage(closed.Id, closed.Role, closed.PartsJson);
            }
            var history = earlier.Append(new UiMessage(incoming.Id, "user", [.. parts.Select(p => JsonSerializer.SerializeToElement(p))])).ToList();
            var isNew = conversation is null;
            var title = isNew ? ConversationTitles.FirstWords(text) : conversation!.Title;
            return (new TurnRequest(history, new UiMessageBuilder("msg-" + Guid.NewGuid().ToString("N")), [], isNew, title,
                isNew ? text : null, index >= 0 ? stored[index].Seq : null, save, closed), null);
        }
        var last = stored.Count > 0 ? stored[^1] : null;
        var merged = last is { Role: "assistant" } && last.Id == incoming.Id ? MergeApprovals(last, incoming) : null;
        if (merged is null)
        {
            return (null, Problems.Of(409, ErrorCodes.ApprovalNotPending,
                "No tool call of this conversation's last answer waits for this approval: it was answered already, or the conversation moved on."));
        }
        var metadata = last!.Metadata is null ? null : JsonNode.Parse(last.Metadata) as JsonObject;
        var mergedJson = merged.ToJsonString();
        var answer = new UiMessageBuilder(last.Id, (JsonArray)merged.DeepClone(), (JsonObject?)metadata?.DeepClone());
        var stage = WithParts(last!, mergedJson);
        var turnHistory = stored[..^1].Select(ToUiMessage).Append(new UiMessage(last.Id, "assistant", [.. merged.Select(p => JsonSerializer.SerializeToElement(p))])).ToList();
        return (new TurnRequest(turnHistory, answer, UiMessageBuilder.Replay(last.Id, merged, metadata), false, conversation!.Title, null, null, stage), null);
    }

    /// <summary>
    /// Why the user message cannot replace the stored one it names, or null. <c>messageId</c> (the AI SDK's
    /// <c>sendMessage({ text, messageId })</c>) must name a stored message of this conversation, and only a
    /// user's message can be replaced (by that, or by resending its id).
    /// </summary>
    private static IResult? EditProblem(ChatRequest request, UiMessage incoming, List<ConversationMessage> stored, int index)
    {
        if (request.MessageId is { } target && request.Trigger == "submit-message")
        {
            if (target != incoming.Id)
            {
                return Problems.Of(400, ErrorCodes.InvalidMessagesFormat, "\"messageId\" must be the id of the message it replaces, which \"message\" carries.");
            }
            if (index < 0)
            {
                return Problems.Of(404, ErrorCodes.MessageNotFound, "This conversation has no message with this id to edit.");
            }
        }
        return index >= 0 && stored[index].Role != "user"
            ? Problems.Of(409, ErrorCodes.MessageNotEditable, "Only your own questions can be edited and resent; this id is an answer's.")
            : null;
    }

    /// <summary>
    /// The stored answer with the client's approval answers applied to the calls that wait for one.
    /// Only approved/denied and the reason are taken from the client: the tool, its input and the
    /// approval id stay the stored ones. Null when nothing the client sent answers a waiting call.
    /// </summary>
    private static JsonArray? MergeApprovals(ConversationMessage stored, UiMessage incoming)
    {
        var parts = JsonNode.Parse(stored.Parts) as JsonArray ?? [];
        var answers = incoming.Parts.Select(ToolPart.From).OfType<ToolPart>().Where(p => p.State == "approval-responded" && p.Approval is not null)
            .GroupBy(p => p.ToolCallId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var answered = 0;
        foreach (var part in parts.OfType<JsonObject>())
        {
            if (part["state"]?.GetValue<string>() != "approval-requested" || part["approval"]?["id"]?.GetValue<string>() is not { } approvalId ||
                part["toolCallId"]?.GetValue<string>() is not { } callId || !answers.TryGetValue(callId, out var answer) || answer.Approval!.Value.Id != approvalId)
            {
                continue;
            }
            var (_, approved, reason) = answer.Approval.Value;
            part["state"] = "approval-responded";
            part["approval"] = new JsonObject { ["id"] = approvalId, ["approved"] = approved, ["reason"] = reason is null ? null : reason.Length > 500 ? reason[..500] : reason };
            answered++;
        }
        return answered > 0 ? parts : null;
    }

    /// <summary>Stores the question (or the answered approvals) before the answer starts; false when another request won a race.</summary>
    private static async Task<bool> SaveRequestAsync(ConversationStore store, string owner, string id, TurnRequest turn, CancellationToken ct)
    {
        try
        {
            if (turn.IsNew)
            {
                await store.CreateAsync(owner, id, turn.Title, ct);
            }
            if (turn.TruncateFrom is { } seq)
            {
                await store.TruncateAsync(id, seq, ct);
            }
            if (turn.Closed is { } closed)
            {
                await store.SaveAsync(id, closed, ct);
            }
            await store.SaveAsync(id, turn.Save, ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Two instances started the same new conversation at once: the other one answers it.
            return false;
        }
    }

    private static UiMessage ToUiMessage(ConversationMessage message) => ToUiMessage(message.Id, message.Role, message.Parts);

    private static UiMessage ToUiMessage(string id, string role, string partsJson) =>
        new(id, role, [.. JsonSerializer.Deserialize<JsonElement>(partsJson).EnumerateArray()]);

    /// <summary>A stored message as it is, but for its parts (approvals answered or closed).</summary>
    private static StoredUiMessage WithParts(ConversationMessage message, string partsJson) =>
        new(message.Id, message.Role, partsJson, message.Metadata, message.Text,
            message.TotalTokens is { } total ? new TokenUsage(message.InputTokens ?? 0, message.OutputTokens ?? 0, total) : null);

    private static async Task<IResult> ResumeAsync(HttpContext http, ConversationStore store, ILiveTurns live, string id, string? turn)
    {
        if (!ConversationIds.IsValid(id) || turn is { Length: > 100 })
        {
            return ConversationsApi.InvalidId();
        }
        if (await store.FindAsync(ChatAuthenticator.UserOf(http).UserId, id, http.RequestAborted) is null)
        {
            return ConversationsApi.NotFound();
        }
        if (!await RelayAsync(http, live, id, turn, fromStart: true))
        {
            return TypedResults.NoContent();
        }
        return TypedResults.Empty;
    }

    private static async Task<IResult> StopAsync(HttpContext http, ConversationStore store, ILiveTurns live, string id)
    {
        if (!ConversationIds.IsValid(id))
        {
            return ConversationsApi.InvalidId();
        }
        if (await store.FindAsync(ChatAuthenticator.UserOf(http).UserId, id, http.RequestAborted) is null)
        {
            return ConversationsApi.NotFound();
        }
        var running = await live.RunningAsync(id, http.RequestAborted);
        if (running is not null && await live.StopAsync(id, http.RequestAborted) && await live.OpenAsync(id, running, http.RequestAborted) is { } reader)
        {
            // Answer once the partial answer is stored, so a reload right after shows it.
            await foreach (var _ in reader.ReadAsync(reader.ReplayPrefix, http.RequestAborted))
            {
            }
        }
        return TypedResults.NoContent();
    }

    /// <summary>Streams a turn's lines to this response until the turn ends or the client goes away; false when there is no such turn.</summary>
    private static async Task<bool> RelayAsync(HttpContext http, ILiveTurns live, string conversationId, string? turnId, bool fromStart)
    {
        var reader = await live.OpenAsync(conversationId, turnId, http.RequestAborted);
        if (reader is null)
        {
            return false;
        }
        var response = http.Response;
        response.StatusCode = 200;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["x-vercel-ai-ui-message-stream"] = "v1";
        // Reverse proxies (nginx) must pass chunks on as they come.
        response.Headers["X-Accel-Buffering"] = "no";
        try
        {
            await response.StartAsync(http.RequestAborted);
            await foreach (var line in reader.ReadAsync(fromStart ? 0 : reader.ReplayPrefix, http.RequestAborted))
            {
                await response.Body.WriteAsync(Encoding.UTF8.GetBytes(line), http.RequestAborted);
                await response.Body.FlushAsync(http.RequestAborted);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException && http.RequestAborted.IsCancellationRequested)
        {
            // The tab went away; the turn goes on and another tab (or a reload) can follow it.
        }
        return true;
    }

    private static IResult NotEditableWhileAnswering() => Problems.Of(409, ErrorCodes.MessageNotEditable,
        "This conversation is answering: stop the answer (or wait for it) before editing a message or regenerating.");

    private static IResult TurnInProgress() => Problems.Of(409, ErrorCodes.TurnInProgress,
        "This conversation is answering already. Wait for the answer (GET /api/chat/{id}/stream follows it) or stop it.");
}
