using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SentryMcp.Server.Chat;
using SentryMcp.Server.Chat.SignIn;
using SentryMcp.Server.Storage;

namespace SentryMcp.Server.Tests.Chat;

/// <summary>Request bodies as useChat sends them, and direct looks into the session store.</summary>
public static class ChatTestData
{
    public static object User(string text, string id = "u1") => new { id, role = "user", parts = new object[] { new { type = "text", text } } };

    /// <summary>A request that starts a new conversation (each call its own id): only its last message counts on the server.</summary>
    public static object Body(params object[] messages) => BodyIn("chat-" + Guid.NewGuid().ToString("N")[..12], messages);

    public static object BodyIn(string chatId, params object[] messages) => new { id = chatId, messages, trigger = "submit-message" };

    public static async Task<ChatSession> SessionOfAsync(ChatFixture server, ChatBrowser browser)
    {
        var cookie = browser.Cookies[SessionCookie.LocalName]!;
        var id = server.App.Services.GetRequiredService<SessionCookie>().Unprotect(cookie.Value)!;
        using var scope = server.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().ChatSessions.AsNoTracking().SingleAsync(s => s.Id == id);
    }

    public static async Task ExpireAccessTokenAsync(ChatFixture server, ChatBrowser browser)
    {
        var session = await SessionOfAsync(server, browser);
        using var scope = server.App.Services.CreateScope();
        var past = DateTimeOffset.UtcNow.AddMinutes(-5);
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().ChatSessions
            .Where(s => s.Id == session.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.AccessTokenExpiresAt, past));
    }

    public static async Task RevokeGrantAsync(ChatFixture server, ChatBrowser browser)
    {
        var session = await SessionOfAsync(server, browser);
        using var scope = server.App.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SentryMcp.Server.Auth.GrantStore>().RevokeAsync(session.GrantId, CancellationToken.None);
    }
}
