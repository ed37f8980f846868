using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SentryMcp.Server.Storage;

/// <summary>
/// The model on SQLite, with its own migrations (Storage/Migrations/Sqlite). One subclass per provider
/// because a migration is provider-specific SQL types and annotations: EF finds a context's migrations
/// by its type, so each provider keeps a set of its own in this assembly (docs/decisions.md).
/// </summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

/// <summary>The model on PostgreSQL, with its own migrations (Storage/Migrations/Postgres).</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);

/// <summary>
/// What <c>dotnet ef migrations add … --context SqliteAppDbContext</c> builds the model with: the same
/// options as at run time, without starting the host (which would start the sandbox and open the database).
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>();
        StorageSetup.Configure(options, new DatabaseSettings(false, "Data Source=design-time.db"));
        return new SqliteAppDbContext(options.Options);
    }
}

/// <summary>The same for <c>--context PostgresAppDbContext</c>; adding a migration needs no PostgreSQL server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresAppDbContext>();
        StorageSetup.Configure(options, new DatabaseSettings(true, "Host=localhost;Database=design-time"));
        return new PostgresAppDbContext(options.Options);
    }
}
