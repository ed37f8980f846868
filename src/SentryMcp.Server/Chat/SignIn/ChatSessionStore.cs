using Microsoft.EntityFrameworkCore;
using SentryMcp.Core.Tools;
using SentryMcp.Server.Auth;
using SentryMcp.Server.Storage;

namespace SentryMcp.Server.Chat.SignIn;

/// <summary>Our tokens for one chat session (clear text, memory only).</summary>
public sealed record ChatTokens(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt);

/// <summary>A signed-in chat user as the endpoints see it.</summary>
public sealed record ChatUser(string SessionId, string GrantId, string UserId, string? Name, string? Email, IReadOnlySet<PermissionGroup> Groups, string Resource, ChatTokens Tokens);

/// <summary>Chat sessions in the database; tokens are encrypted on the way in and out by the same path as grants (SecretProtector.ProtectTokens).</summary>
public sealed class ChatSessionStore(AppDbContext db, SecretProtector protector, TimeProvider clock)
{
    public async Task<string> CreateAsync(string grantId, string userId, string? name, string? email, IEnumerable<PermissionGroup> groups, string resource, ChatTokens tokens, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var session = new ChatSession
        {
            Id = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            GrantId = grantId,
            UserId = userId,
            UserName = name,
            Email = email,
            Groups = PermissionScopes.Format(groups.Append(PermissionGroup.Read)),
            Resource = resource,
            ProtectedAccessToken = "",
            ProtectedRefreshToken = "",
            CreatedAt = now,
            LastUsedAt = now,
        };
        SetTokens(session, tokens);
        db.ChatSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    /// <summary>The session, unless it does not exist or has been idle too long.</summary>
    public async Task<ChatUser?> FindAsync(string id, TimeSpan idleTimeout, CancellationToken ct)
    {
        var session = await db.ChatSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (session is null || session.LastUsedAt + idleTimeout < clock.GetUtcNow())
        {
            return null;
        }
        var (access, refresh) = protector.UnprotectTokens(SecretProtector.ChatTokens, session.ProtectedAccessToken, session.ProtectedRefreshToken);
        var tokens = new ChatTokens(access, refresh!, session.AccessTokenExpiresAt);
        return new ChatUser(session.Id, session.GrantId, session.UserId, session.UserName, session.Email, PermissionScopes.Parse(session.Groups), session.Resource, tokens);
    }

    public async Task UpdateTokensAsync(string id, ChatTokens tokens, CancellationToken ct)
    {
        var session = await db.ChatSessions.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (session is not null)
        {
            SetTokens(session, tokens);
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Records use at most once a minute, to keep writes off the hot path.</summary>
    public async Task TouchAsync(string id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var threshold = now.AddMinutes(-1);
        await db.ChatSessions.Where(s => s.Id == id && s.LastUsedAt < threshold).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastUsedAt, now), ct);
    }

    public Task DeleteAsync(string id, CancellationToken ct) =>
        db.ChatSessions.Where(s => s.Id == id).ExecuteDeleteAsync(ct);

    /// <summary>Deletes every session of a user; returns their ids.</summary>
    public async Task<IReadOnlyList<string>> DeleteAllOfUserAsync(string userId, CancellationToken ct)
    {
        var ids = await db.ChatSessions.AsNoTracking().Where(s => s.UserId == userId).Select(s => s.Id).ToListAsync(ct);
        await db.ChatSessions.Where(s => ids.Contains(s.Id)).ExecuteDeleteAsync(ct);
        return ids;
    }

    private void SetTokens(ChatSession session, ChatTokens tokens)
    {
        var (access, refresh) = protector.ProtectTokens(SecretProtector.ChatTokens, tokens.AccessToken, tokens.RefreshToken);
        session.ProtectedAccessToken = access;
        session.ProtectedRefreshToken = refresh!;
        session.AccessTokenExpiresAt = tokens.ExpiresAt;
    }
}
