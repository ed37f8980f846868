using System.Data.Common;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SentryMcp.Server.Storage;

namespace SentryMcp.Server.Tests.Storage;

/// <summary>
/// A database as a release before migrations left it: the schema its <c>EnsureCreated</c> made (kept
/// as tests/fixtures/storage/schema-before-migrations.*.sql), optionally without the chat tables (a
/// release before the chat), holding a registered client, a grant and a signed-in chat session written
/// the way that release wrote them: secrets protected with the key ring stored in the same database.
/// </summary>
public sealed class DatabaseBeforeMigrations : IDisposable
{
    public const string ClientId = "client-before-upgrade";
    public const string ClientName = "Client registered before the upgrade";
    public const string GrantId = "grant-before-upgrade";
    public const string UserId = "user-before-upgrade";
    public const string SentryToken = "sentry-token-before-upgrade";
    public const string SessionId = "5e55104b5e55104b5e55104b5e55104b5e55104b5e55104b5e55104b5e55104b";
    public static readonly DateTimeOffset GrantCreatedAt = new(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);

    // The persisted purposes of the chat's secrets: renaming one would make every stored session unreadable.
    private const string CookiePurpose = "SentryMcp.Chat.SessionCookie.v1";
    private const string ChatAccessPurpose = "SentryMcp.Chat.AccessToken.v1";
    private const string ChatRefreshPurpose = "SentryMcp.Chat.RefreshToken.v1";

    private readonly string _keys = Directory.CreateTempSubdirectory("sentry-mcp-old-keys-").FullName;
    private readonly IDataProtectionProvider _protection;

    public DatabaseBeforeMigrations()
    {
        // The application name the server sets: keys and payloads then mean the same to it.
        _protection = DataProtectionProvider.Create(new DirectoryInfo(_keys), b => b.SetApplicationName("sentry-mcp"));
        SessionCookie = _protection.CreateProtector(CookiePurpose).Protect(SessionId);
    }

    /// <summary>The value of the browser's chat cookie for the stored session.</summary>
    public string SessionCookie { get; }

    /// <summary>Tables of that release's schema that the chat added.</summary>
    public static readonly string[] ChatTables = ["ChatSessions", "UsedApprovals"];

    public void WriteTo(DbConnection connection, bool postgres, bool withChatTables)
    {
        var script = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "storage",
            $"schema-before-migrations.{(postgres ? "postgres" : "sqlite")}.sql"));
        Execute(connection, script);
        if (!withChatTables)
        {
            foreach (var table in ChatTables)
            {
                Execute(connection, $"DROP TABLE \"{table}\"");
            }
        }
        var key = Directory.GetFiles(_keys, "key-*.xml").Single();
        Execute(connection, "INSERT INTO \"DataProtectionKeys\" (\"FriendlyName\", \"Xml\") VALUES (@name, @xml)",
            ("name", Path.GetFileNameWithoutExtension(key)), ("xml", XElement.Load(key).ToString(SaveOptions.DisableFormatting)));
        Execute(connection, """
            INSERT INTO "OpenIddictApplications" ("Id", "ClientId", "ClientType", "ConcurrencyToken", "ConsentType", "DisplayName", "Permissions", "RedirectUris")
            VALUES ('app-before-upgrade', @client, 'public', 'concurrency-1', 'explicit', @name,
                    '["ept:authorization","ept:token","gt:authorization_code","rst:code"]', '["http://127.0.0.1:9/callback"]')
            """, ("client", ClientId), ("name", ClientName));
        var now = DateTimeOffset.UtcNow;
        Execute(connection, """
            INSERT INTO "Grants" ("Id", "UserId", "UserName", "ClientId", "ProtectedAccessToken", "Groups", "OrganizationSlug", "CreatedAt", "LastUsedAt")
            VALUES (@id, @user, 'Before Upgrade', @client, @token, 'read,issue_triage', 'sentry', @created, @used)
            """, ("id", GrantId), ("user", UserId), ("client", ClientId),
            ("token", _protection.CreateProtector(SecretProtector.SentryAccessToken).Protect(SentryToken)),
            ("created", Binary(GrantCreatedAt)), ("used", Binary(now)));
        if (withChatTables)
        {
            Execute(connection, """
                INSERT INTO "ChatSessions" ("Id", "UserId", "UserName", "Email", "GrantId", "Groups", "Resource", "ProtectedAccessToken", "ProtectedRefreshToken", "AccessTokenExpiresAt", "CreatedAt", "LastUsedAt")
                VALUES (@id, @user, 'Before Upgrade', 'before@example.com', @grant, 'read,issue_triage', 'http://127.0.0.1/mcp', @access, @refresh, @expires, @now, @now)
                """, ("id", SessionId), ("user", UserId), ("grant", GrantId),
                ("access", _protection.CreateProtector(ChatAccessPurpose).Protect("our-access-token")),
                ("refresh", _protection.CreateProtector(ChatRefreshPurpose).Protect("our-refresh-token")),
                ("expires", Binary(now.AddHours(1))), ("now", Binary(now)));
        }
    }

    /// <summary>Dates as the model stores them (a sortable integer on both providers).</summary>
    private static object Binary(DateTimeOffset value) => new DateTimeOffsetToBinaryConverter().ConvertToProvider(value)!;

    public static void Execute(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        command.ExecuteNonQuery();
    }

    public void Dispose() => Directory.Delete(_keys, recursive: true);
}
