using Microsoft.Extensions.Options;
using SentryMcp.Server.Auth;
using SentryMcp.Server.Chat.Config;
using SentryMcp.Server.Chat.McpConnection;
using SentryMcp.Server.Hosting;
using SentryMcp.Server.Mcp;

namespace SentryMcp.Server.Chat.SignIn;

/// <summary>
/// Turns the session cookie into a <see cref="ChatUser"/>: refreshes our access token transparently
/// shortly before it expires (one refresh at a time per session: refresh tokens rotate), and ends
/// the session when the authorization server says the grant behind it is dead.
/// </summary>
public sealed class ChatAuthenticator(
    SessionCookie cookie, ChatSessionStore store, ChatOAuthClient oauth, IGrantLock locks, McpConnections connections,
    TimeProvider clock, IOptions<ChatApiOptions> options, IOptions<SentryHostOptions> server)
{
    private const string UserItem = "SentryMcp.Chat.User";
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(1);

    public enum Outcome { Ok, Missing, Expired }

    public static ChatUser UserOf(HttpContext http) => (ChatUser)http.Items[UserItem]!;

    public string SelfUrl(HttpContext http) => (options.Value.SelfUrl ?? ProtectedResourceMetadata.BaseUrl(http, server.Value)).TrimEnd('/');

    public async Task<(Outcome Outcome, ChatUser? User)> AuthenticateAsync(HttpContext http)
    {
        if (cookie.Read(http) is not { } sessionId)
        {
            return (Outcome.Missing, null);
        }
        var ct = http.RequestAborted;
        var user = await store.FindAsync(sessionId, options.Value.SessionIdleTimeout, ct);
        if (user is null)
        {
            cookie.Clear(http);
            return (Outcome.Expired, null);
        }
        if (NeedsRefresh(user))
        {
            user = await RefreshAsync(http, user);
            if (user is null)
            {
                await EndAsync(http, sessionId);
                return (Outcome.Expired, null);
            }
        }
        await store.TouchAsync(sessionId, ct);
        http.Items[UserItem] = user;
        return (Outcome.Ok, user);
    }

    /// <summary>Called when the MCP server rejects the session's token: the grant died upstream.</summary>
    public async Task EndAsync(HttpContext http, string sessionId)
    {
        await store.DeleteAsync(sessionId, CancellationToken.None);
        connections.Evict(sessionId);
        cookie.Clear(http);
    }

    private bool NeedsRefresh(ChatUser user) => user.Tokens.ExpiresAt - RefreshMargin <= clock.GetUtcNow();

    private async Task<ChatUser?> RefreshAsync(HttpContext http, ChatUser user)
    {
        var ct = http.RequestAborted;
        await using (await locks.AcquireAsync("chat:" + user.SessionId, ct))
        {
            // Another request of the same browser may have refreshed while we waited.
            var current = await store.FindAsync(user.SessionId, options.Value.SessionIdleTimeout, ct);
            if (current is null || !NeedsRefresh(current))
            {
                return current;
            }
            if (await oauth.RefreshAsync(SelfUrl(http), current.Tokens.RefreshToken, ct) is not { } fresh)
            {
                return null;
            }
            await store.UpdateTokensAsync(current.SessionId, fresh, ct);
            return current with { Tokens = fresh };
        }
    }
}
