using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using SentryMcp.Server.Storage;

namespace SentryMcp.Server.Tests.Storage;

/// <summary>What must hold on a host started on a <see cref="DatabaseBeforeMigrations"/>, on either provider.</summary>
public static class UpgradedDatabase
{
    /// <summary>Every migration recorded as applied, none pending.</summary>
    public static async Task<IReadOnlyList<string>> AssertMigratedAsync(ServerFixture host)
    {
        using var scope = host.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
        Assert.NotEmpty(applied);
        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        return applied;
    }

    /// <summary>The client, the grant (with its Sentry token still readable) and, when there was one, the signed-in chat session.</summary>
    public static async Task AssertKeptAsync(ServerFixture host, DatabaseBeforeMigrations before, bool withSession)
    {
        using var scope = host.App.Services.CreateScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var client = await applications.FindByClientIdAsync(DatabaseBeforeMigrations.ClientId);
        Assert.NotNull(client);
        Assert.Equal(DatabaseBeforeMigrations.ClientName, await applications.GetDisplayNameAsync(client));

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var grant = await db.Grants.AsNoTracking().SingleAsync(g => g.Id == DatabaseBeforeMigrations.GrantId);
        Assert.Equal(DatabaseBeforeMigrations.UserId, grant.UserId);
        Assert.Equal(DatabaseBeforeMigrations.ClientId, grant.ClientId);
        Assert.Equal(DatabaseBeforeMigrations.GrantCreatedAt, grant.CreatedAt);
        Assert.Equal(DatabaseBeforeMigrations.SentryToken,
            scope.ServiceProvider.GetRequiredService<SecretProtector>().Unprotect(SecretProtector.SentryAccessToken, grant.ProtectedAccessToken));

        using var browser = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = host.BaseUri };
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/auth/status");
        request.Headers.Add("Cookie", "sentry-mcp-chat=" + before.SessionCookie);
        using var response = await browser.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var status = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (withSession)
        {
            // The browser that was signed in before the upgrade still is, as the same user.
            Assert.True(status.GetProperty("authenticated").GetBoolean());
            Assert.Equal(DatabaseBeforeMigrations.UserId, status.GetProperty("user").GetProperty("id").GetString());
        }
        else
        {
            Assert.False(status.GetProperty("authenticated").GetBoolean());
            Assert.Equal(0, await db.ChatSessions.CountAsync());
            Assert.Equal(0, await db.UsedApprovals.CountAsync());
        }
    }
}

/// <summary>The real host (<see cref="ServerFixture"/>) for one test: on its own SQLite file, or on the given database.</summary>
public sealed class UpgradeHost(string? connectionString = null) : ServerFixture, IAsyncDisposable
{
    protected override IDictionary<string, string?> Settings => connectionString is null
        ? new Dictionary<string, string?>()
        : new Dictionary<string, string?> { ["ConnectionStrings:Database"] = connectionString };

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}
