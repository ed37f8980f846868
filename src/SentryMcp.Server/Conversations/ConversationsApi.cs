using SentryMcp.Server.Http;
using System.Text.Json;
using SentryMcp.Server.Chat;
using SentryMcp.Server.Chat.Agent;
using SentryMcp.Server.Chat.Config;
using SentryMcp.Server.Chat.McpConnection;
using SentryMcp.Server.Chat.SignIn;

namespace SentryMcp.Server.Conversations;

/// <summary>
/// <c>/api/conversations</c>: the signed-in user's conversations (list and search, read, rename,
/// delete, delete all, export). Every query is filtered by the caller, so another user's id is 404.
/// </summary>
public static class ConversationsApi
{
    public const int MaxSearchLength = 200;

    public sealed record ConversationPage(IReadOnlyList<ConversationSummary> Items, string? NextCursor);

    public sealed record ConversationDetail(string Id, string Title, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<UiMessageJson> Messages, string? ActiveTurnId);

    public static void MapConversations(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/conversations");
        group.MapGet("", ListAsync);
        group.MapDelete("", DeleteAllAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPatch("/{id}", RenameAsync);
        group.MapDelete("/{id}", DeleteAsync);
        group.MapGet("/{id}/export", ExportAsync);
    }

    private static async Task<IResult> ListAsync(HttpContext http, ConversationStore store, string? q, string? cursor)
    {
        if (q is { Length: > MaxSearchLength })
        {
            return Problems.Of(400, ErrorCodes.InvalidQuery, $"Search for at most {MaxSearchLength} characters.");
        }
        ConversationCursor? after = null;
        if (cursor is not null && (after = ConversationCursor.Parse(cursor)) is null)
        {
            return Problems.Of(400, ErrorCodes.InvalidCursor, "\"cursor\" is not a cursor this API returned: pass the nextCursor of the previous page.");
        }
        var (items, next) = await store.ListAsync(Owner(http), q, after, http.RequestAborted);
        return TypedResults.Ok(new ConversationPage(items, next?.Encode()));
    }

    private static async Task<IResult> GetAsync(HttpContext http, ConversationStore store, ILiveTurns turns, string id)
    {
        if (await FindAsync(http, store, id) is not (var conversation, null))
        {
            return Problem(id);
        }
        var messages = await store.MessagesAsync(id, http.RequestAborted);
        var running = await turns.RunningAsync(id, http.RequestAborted);
        if (running is not null && messages.Count > 0 && messages[^1] is { Role: "assistant" } last && UiMessageBuilder.IsInterrupted(last.Metadata))
        {
            // The answer being written, as saved so far: the tab resumes the live turn, which rebuilds it.
            messages.RemoveAt(messages.Count - 1);
        }
        return TypedResults.Ok(new ConversationDetail(conversation!.Id, conversation.Title, conversation.CreatedAt, conversation.UpdatedAt,
            [.. messages.Select(ConversationStore.ToUi)], running));
    }

    private static async Task<IResult> RenameAsync(HttpContext http, ConversationStore store, string id)
    {
        if (!ConversationIds.IsValid(id))
        {
            return InvalidId();
        }
        if (!http.Request.HasJsonContentType())
        {
            return Problems.Of(415, ErrorCodes.UnsupportedMediaType, "Send the body as JSON (Content-Type: application/json).");
        }
        var body = await RequestBody.ReadAsync(http, 16 * 1024);
        string? title = null;
        if (body is { } bytes && RequestBody.IsValidUtf8(bytes))
        {
            try
            {
                var root = JsonSerializer.Deserialize<JsonElement>(bytes.Span);
                title = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()!.Trim() : null;
            }
            catch (JsonException)
            {
                title = null;
            }
        }
        if (title is not { Length: > 0 and <= Conversation.MaxTitleLength } || title.Any(char.IsControl))
        {
            return Problems.Of(400, ErrorCodes.InvalidTitle, $"The body must be {{ \"title\": \"…\" }} with 1 to {Conversation.MaxTitleLength} characters and no control characters.");
        }
        if (!await store.RenameAsync(Owner(http), id, title, http.RequestAborted))
        {
            return NotFound();
        }
        var renamed = (await store.FindAsync(Owner(http), id, http.RequestAborted))!;
        return TypedResults.Ok(new ConversationSummary(renamed.Id, renamed.Title, renamed.CreatedAt, renamed.UpdatedAt));
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, ConversationStore store, ILiveTurns turns, string id)
    {
        if (await FindAsync(http, store, id) is not (_, null))
        {
            return Problem(id);
        }
        await turns.StopAsync(id, http.RequestAborted);
        await store.DeleteAsync(Owner(http), id, http.RequestAborted);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> DeleteAllAsync(HttpContext http, ConversationStore store, ILiveTurns turns)
    {
        foreach (var id in await store.DeleteAllAsync(Owner(http), http.RequestAborted))
        {
            await turns.StopAsync(id, http.RequestAborted);
        }
        return TypedResults.NoContent();
    }

    private static async Task<IResult> ExportAsync(HttpContext http, ConversationStore store, string id, string? format)
    {
        if (await FindAsync(http, store, id) is not (var conversation, null))
        {
            return Problem(id);
        }
        if (format is not (null or "markdown" or "json"))
        {
            return Problems.Of(400, ErrorCodes.InvalidExportFormat, "\"format\" must be \"markdown\" or \"json\".");
        }
        var messages = await store.MessagesAsync(id, http.RequestAborted);
        return format == "json"
            ? Results.File(ConversationExport.Json(conversation!, messages), "application/json; charset=utf-8", ConversationExport.FileName(conversation!, "json"))
            : Results.File(ConversationExport.Markdown(conversation!, messages), "text/markdown; charset=utf-8", ConversationExport.FileName(conversation!, "md"));
    }

    private static string Owner(HttpContext http) => ChatAuthenticator.UserOf(http).UserId;

    /// <summary>The caller's conversation; a malformed or foreign id is the same 400/404 as everywhere.</summary>
    private static async Task<(Conversation? Conversation, bool? Invalid)> FindAsync(HttpContext http, ConversationStore store, string id)
    {
        if (!ConversationIds.IsValid(id))
        {
            return (null, true);
        }
        var conversation = await store.FindAsync(Owner(http), id, http.RequestAborted);
        return conversation is null ? (null, false) : (conversation, null);
    }

    private static IResult Problem(string id) => ConversationIds.IsValid(id) ? NotFound() : InvalidId();

    public static IResult InvalidId() => Problems.Of(400, ErrorCodes.InvalidConversationId,
        $"A conversation id is 1 to {Conversation.MaxIdLength} letters, digits, '-' or '_'.");

    public static IResult NotFound() => Problems.Of(404, ErrorCodes.ConversationNotFound, "There is no conversation with this id among yours.");
}
