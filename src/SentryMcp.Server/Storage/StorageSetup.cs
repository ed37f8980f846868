using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace SentryMcp.Server.Storage;

/// <summary>
/// Registers the database (<c>ConnectionStrings:Database</c>) and DataProtection keys stored in it.
/// The provider is picked from the connection string here and only here, so another provider slots
/// in without touching features.
/// </summary>
public static class StorageSetup
{
    public const string DefaultConnectionString = "Data Source=./data/sentry-mcp.db";

    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Database") ?? DefaultConnectionString;
        builder.Services.AddDbContext<AppDbContext>(options =>
        {
            UseProvider(options, connectionString);
            options.UseOpenIddict();
        });
        builder.Services.AddDataProtection()
            .SetApplicationName("sentry-mcp")
            .PersistKeysToDbContext<AppDbContext>();
        builder.Services.AddSingleton<SecretProtector>();
        return builder;
    }

    /// <summary>Creates the schema on start-up (before anything reads keys or tokens).</summary>
    public static void InitializeStorage(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.EnsureCreated();
    }

    private static void UseProvider(DbContextOptionsBuilder options, string connectionString)
    {
        if (LooksLikePostgres(connectionString))
        {
            throw new InvalidOperationException(
                "ConnectionStrings:Database looks like a PostgreSQL connection string, but this build only supports SQLite ('Data Source=./data/sentry-mcp.db').");
        }
        var sqlite = new SqliteConnectionStringBuilder(connectionString);
        var directory = Path.GetDirectoryName(Path.GetFullPath(sqlite.DataSource));
        if (!string.IsNullOrEmpty(directory) && sqlite.DataSource != ":memory:")
        {
            Directory.CreateDirectory(directory);
        }
        options.UseSqlite(sqlite.ToString());
    }

    private static bool LooksLikePostgres(string connectionString) =>
        connectionString.StartsWith("postgres", StringComparison.OrdinalIgnoreCase) ||
        connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase);
}
