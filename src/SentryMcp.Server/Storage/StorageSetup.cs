using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;
using Npgsql;
using SentryMcp.Core.Hosting;
using OpenIddict.Server;

namespace SentryMcp.Server.Storage;

/// <summary>
/// Registers the database and DataProtection keys stored in it. The provider is picked from the
/// connection string here and only here: <c>ConnectionStrings:Database</c>, else <c>DATABASE_URL</c>
/// (a <c>postgres://</c> URL or an Npgsql/SQLite connection string), else the SQLite default.
/// </summary>
public static class StorageSetup
{
    public const string DefaultConnectionString = "Data Source=./data/sentry-mcp.db";

    // Any constant works: it only has to be the same on every instance sharing the database.
    private const long SchemaLockKey = 0x53_4D_43_50_5343_48; // "SMCPSCH"

    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        var database = Resolve(builder.Configuration);
        builder.Services.AddSingleton(database);
        // Everything asks for AppDbContext; the provider's subclass answers, with that provider's migrations.
        if (database.IsPostgres)
        {
            Postgres.AddDbContext(builder.Services, database);
        }
        else
        {
            builder.Services.AddDbContext<AppDbContext, SqliteAppDbContext>(options => Configure(options, database));
        }
        builder.Services.AddHostedService<StorageWarmup>();
        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName("sentry-mcp")
            .PersistKeysToDbContext<AppDbContext>();
        // Read while the services are registered, so checked here rather than when the host starts.
        var keyEncryption = OptionsProblems.ThrowIfInvalid(new KeyEncryptionOptionsValidator(),
            builder.Configuration.GetSection("DataProtection").Get<KeyEncryptionOptions>() ?? new KeyEncryptionOptions());
        if (keyEncryption.LoadCertificate() is { } certificate)
        {
            // New keys are written encrypted; keys written before stay readable (they are plain XML).
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        builder.Services.AddSingleton<SecretProtector>();
        return builder;
    }

    /// <summary>The provider and its options, the same at run time and for the design-time tools.</summary>
    public static void Configure(DbContextOptionsBuilder options, DatabaseSettings database)
    {
        if (database.IsPostgres)
        {
            Postgres.Use(options, database);
        }
        else
        {
            options.UseSqlite(database.ConnectionString);
        }
        options.UseOpenIddict();
        // Migrate otherwise builds the design-time model and the snapshot's and diffs them on every start
        // with pending migrations (a first start), only to warn of a forgotten migration. A test checks
        // that instead (SchemaUpgradeTests), so start-up does not pay for it (docs/benchmarks.md).
        options.ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning));
        options.ReplaceService<IMigrationsAssembly, ListedMigrations>();
    }

    /// <summary>
    /// Applies pending migrations on start-up (before anything reads keys or tokens), adopting a
    /// database made before migrations first (<see cref="SchemaMigrations"/>). On PostgreSQL several
    /// instances may start at once: the migrations, the first DataProtection key and the
    /// authorization server's keys are made under a session-level advisory lock, so exactly one
    /// instance applies and creates them and the others find them done.
    /// </summary>
    public static void InitializeStorage(this WebApplication app)
    {
        var database = app.Services.GetRequiredService<DatabaseSettings>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SchemaMigrations).FullName!);
        if (!database.IsPostgres)
        {
            using var scope = app.Services.CreateScope();
            SchemaMigrations.Apply(scope.ServiceProvider.GetRequiredService<AppDbContext>(), logger);
            return;
        }
        Postgres.InitializeUnderLock(app, database, logger);
    }

    public static DatabaseSettings Resolve(IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString("Database");
        if (string.IsNullOrWhiteSpace(configured))
        {
            configured = configuration["DATABASE_URL"];
        }
        if (string.IsNullOrWhiteSpace(configured))
        {
            configured = DefaultConnectionString;
        }
        if (configured.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) ||
            configured.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return new DatabaseSettings(true, PostgresUrl.ToConnectionString(configured));
        }
        if (configured.Contains("Host=", StringComparison.OrdinalIgnoreCase) || configured.Contains("Server=", StringComparison.OrdinalIgnoreCase))
        {
            return new DatabaseSettings(true, Postgres.Normalize(configured));
        }
        var sqlite = new SqliteConnectionStringBuilder(configured);
        var directory = Path.GetDirectoryName(Path.GetFullPath(sqlite.DataSource));
        if (!string.IsNullOrEmpty(directory) && sqlite.DataSource != ":memory:")
        {
            Directory.CreateDirectory(directory);
        }
        return new DatabaseSettings(false, sqlite.ToString());
    }

    /// <summary>
    /// Everything that names an Npgsql type, in methods of its own: the runtime loads an assembly when
    /// it first runs a method that uses it, so an SQLite instance never loads Npgsql and its EF
    /// provider (about 3 MiB of RSS at rest, docs/benchmarks.md).
    /// </summary>
    private static class Postgres
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void AddDbContext(IServiceCollection services, DatabaseSettings database) =>
            services.AddDbContext<AppDbContext, PostgresAppDbContext>(options => Configure(options, database));

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void Use(DbContextOptionsBuilder options, DatabaseSettings database) => options.UseNpgsql(database.ConnectionString);

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static string Normalize(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).ConnectionString;

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void InitializeUnderLock(WebApplication app, DatabaseSettings database, ILogger logger)
        {
            using var connection = new NpgsqlConnection(database.ConnectionString);
            connection.Open();
            using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
            {
                lockCommand.Parameters.AddWithValue("key", SchemaLockKey);
                lockCommand.CommandTimeout = 120;
                lockCommand.ExecuteNonQuery();
            }
            try
            {
                using (var scope = app.Services.CreateScope())
                {
                    SchemaMigrations.Apply(scope.ServiceProvider.GetRequiredService<AppDbContext>(), logger);
                }
                app.Services.GetRequiredService<SecretProtector>().Protect("SentryMcp.Storage.Warmup", "key ring");
                _ = app.Services.GetRequiredService<IOptions<OpenIddictServerOptions>>().Value;
            }
            finally
            {
                using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                unlock.Parameters.AddWithValue("key", SchemaLockKey);
                unlock.ExecuteNonQuery();
            }
        }
    }
}

/// <summary>The database this instance uses: PostgreSQL (shared by instances) or SQLite (one instance).</summary>
public sealed record DatabaseSettings(bool IsPostgres, string ConnectionString);

/// <summary><c>postgres://user:password@host:port/database?sslmode=require</c> as an Npgsql connection string.</summary>
public static class PostgresUrl
{
    public static string ToConnectionString(string url)
    {
        var uri = new Uri(url);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(parts[0]);
            var value = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "";
            builder[key.Equals("sslmode", StringComparison.OrdinalIgnoreCase) ? "SSL Mode" : key] = value;
        }
        return builder.ConnectionString;
    }
}
