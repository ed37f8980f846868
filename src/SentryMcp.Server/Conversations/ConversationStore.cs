using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SentryMcp.Server.Storage;

namespace SentryMcp.Server.Conversations;

/// <summary>A conversation as the list shows it.</summary>
public sealed record ConversationSummary(string Id, string Title, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A stored message in the AI SDK's UIMessage shape.</summary>
public sealed record UiMessageJson(string Id, string Role, JsonElement Parts, JsonElement? Metadata);

/// <summary>A page position of the list: after (updated, id) in newest-first order.</summary>
public sealed record ConversationCursor(DateTimeOffset UpdatedAt, string Id)
{
    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{UpdatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{Id}"));

    /// <summary>The cursor, or null when <paramref name="value"/> is not one of ours.</summary>
    public static ConversationCursor? Parse(string value)
    {
        if (value.Length > 200)
        {
            return null;
        }
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(value));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !long.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) ||
                ticks > DateTimeOffset.MaxValue.UtcTicks || !ConversationIds.IsValid(text[(colon + 1)..]))
            {
                return null;
            }
            return new ConversationCursor(new DateTimeOffset(ticks, TimeSpan.Zero), text[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>The shape of conversation ids (the AI SDK's generated chat ids fit it).</summary>
public static class ConversationIds
{
    public static bool IsValid(string? id) =>
        id is { Length: > 0 and <= Conversation.MaxIdLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

/// <summary>Conversations and their messages; every query names the owner.</summary>
public sealed class ConversationStore(AppDbContext db, TimeProvider clock)
{
    public const int PageSize = 30;

    public async Task<(List<ConversationSummary> Items, ConversationCursor? Next)> ListAsync(string owner, string? search, ConversationCursor? after, CancellationToken ct)
    {
        var query = db.Conversations.AsNoTracking().Where(c => c.OwnerId == owner);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLowerInvariant();
            query = query.Where(c => c.Title.ToLower().Contains(term) ||
                db.ConversationMessages.Any(m => m.ConversationId == c.Id && m.Text.ToLower().Contains(term)));
        }
        if (after is not null)
        {
            query = query.Where(c => c.UpdatedAt < after.UpdatedAt || (c.UpdatedAt == after.UpdatedAt && string.Compare(c.Id, after.Id) < 0));
        }
        var page = await query.OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id).Take(PageSize + 1)
            .Select(c => new ConversationSummary(c.Id, c.Title, c.CreatedAt, c.UpdatedAt)).ToListAsync(ct);
        var next = page.Count > PageSize ? new ConversationCursor(page[PageSize - 1].UpdatedAt, page[PageSize - 1].Id) : null;
        return (page.Take(PageSize).ToList(), next);
    }

    public Task<Conversation?> FindAsync(string owner, string id, CancellationToken ct) =>
        db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.OwnerId == owner, ct);

    /// <summary>True when the id is taken by anyone (a new conversation cannot have it).</summary>
    public Task<bool> ExistsAsync(string id, CancellationToken ct) => db.Conversations.AnyAsync(c => c.Id == id, ct);

    public Task<int> CountAsync(string owner, CancellationToken ct) => db.Conversations.CountAsync(c => c.OwnerId == owner, ct);

    public Task<List<ConversationMessage>> MessagesAsync(string conversationId, CancellationToken ct) =>
        db.ConversationMessages.AsNoTracking().Where(m => m.ConversationId == conversationId).OrderBy(m => m.Seq).ToListAsync(ct);

    public async Task CreateAsync(string owner, string id, string title, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        db.Conversations.Add(new Conversation { Id = id, OwnerId = owner, Title = title, CreatedAt = now, UpdatedAt = now });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    public async Task<bool> RenameAsync(string owner, string id, string title, CancellationToken ct) =>
        await db.Conversations.Where(c => c.Id == id && c.OwnerId == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Title, title), ct) > 0;

    public async Task SetTitleAsync(string id, string title, CancellationToken ct) =>
        await db.Conversations.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Title, title), ct);

    public async Task<bool> DeleteAsync(string owner, string id, CancellationToken ct)
    {
        await db.ConversationMessages.Where(m => m.ConversationId == id && db.Conversations.Any(c => c.Id == id && c.OwnerId == owner)).ExecuteDeleteAsync(ct);
        return await db.Conversations.Where(c => c.Id == id && c.OwnerId == owner).ExecuteDeleteAsync(ct) > 0;
    }

    public async Task<List<string>> DeleteAllAsync(string owner, CancellationToken ct)
    {
        var ids = await db.Conversations.Where(c => c.OwnerId == owner).Select(c => c.Id).ToListAsync(ct);
        await db.ConversationMessages.Where(m => db.Conversations.Any(c => c.Id == m.ConversationId && c.OwnerId == owner)).ExecuteDeleteAsync(ct);
        await db.Conversations.Where(c => c.OwnerId == owner).ExecuteDeleteAsync(ct);
        return ids;
    }

    /// <summary>Deletes conversations idle since before <paramref name="cutoff"/>; returns how many.</summary>
    public async Task<int> DeleteIdleAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        await db.ConversationMessages.Where(m => db.Conversations.Any(c => c.Id == m.ConversationId && c.UpdatedAt < cutoff)).ExecuteDeleteAsync(ct);
        return await db.Conversations.Where(c => c.UpdatedAt < cutoff).ExecuteDeleteAsync(ct);
    }

    /// <summary>Drops the message at <paramref name="seq"/> and every later one (edit and resend, regenerate).</summary>
    public Task TruncateAsync(string conversationId, int seq, CancellationToken ct) =>
        db.ConversationMessages.Where(m => m.ConversationId == conversationId && m.Seq >= seq).ExecuteDeleteAsync(ct);

    /// <summary>Stores the message (replacing the stored one with the same id) and marks the conversation used.</summary>
    public async Task SaveAsync(string conversationId, StoredUiMessage message, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var row = await db.ConversationMessages.FirstOrDefaultAsync(m => m.ConversationId == conversationId && m.Id == message.Id, ct);
        if (row is null)
        {
            var seq = await db.ConversationMessages.Where(m => m.ConversationId == conversationId).Select(m => (int?)m.Seq).MaxAsync(ct) ?? -1;
            row = new ConversationMessage
            {
                ConversationId = conversationId,
                Seq = seq + 1,
                Id = message.Id,
                Role = message.Role,
                Parts = "[]",
                Text = "",
                CreatedAt = now,
            };
            db.ConversationMessages.Add(row);
        }
        row.Parts = message.PartsJson;
        row.Text = message.Text;
        row.Metadata = message.MetadataJson;
        row.InputTokens = message.Usage?.Input;
        row.OutputTokens = message.Usage?.Output;
        row.TotalTokens = message.Usage?.Total;
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await db.Conversations.Where(c => c.Id == conversationId).ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, now), ct);
    }

    public static UiMessageJson ToUi(ConversationMessage message) => new(
        message.Id, message.Role, JsonSerializer.Deserialize<JsonElement>(message.Parts),
        message.Metadata is null ? null : JsonSerializer.Deserialize<JsonElement>(message.Metadata));
}

/// <summary>Token counts of one answer.</summary>
public sealed record TokenUsage(int Input, int Output, int Total);

/// <summary>A message ready to store: parts and metadata as JSON, its searchable text, the answer's usage.</summary>
public sealed record StoredUiMessage(string Id, string Role, string PartsJson, string? MetadataJson, string Text, TokenUsage? Usage);
