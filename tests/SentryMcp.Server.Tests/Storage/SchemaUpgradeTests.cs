using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using SentryMcp.Server.Storage;

namespace SentryMcp.Server.Tests.Storage;

/// <summary>
/// Start-up brings the SQLite database to the current schema through the migrations: a database an
/// earlier release made with EnsureCreated is adopted without losing a client, a grant or a session,
/// a new one is created, and starting again changes nothing. The real host, on a database file.
/// </summary>
public sealed class SchemaUpgradeTests : IDisposable
{
    private readonly DatabaseBeforeMigrations _before = new();
    private readonly string _reference = Path.Combine(Path.GetTempPath(), $"sentry-mcp-reference-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task A_database_made_before_migrations_keeps_its_client_grant_and_session_and_gets_the_schema_of_a_new_one()
    {
        await using var host = new UpgradeHost();
        WriteOldDatabase(host.DatabasePath, withChatTables: true);

        await host.InitializeAsync();

        var applied = await UpgradedDatabase.AssertMigratedAsync(host);
        await UpgradedDatabase.AssertKeptAsync(host, _before, withSession: true);
        Assert.Equal(SchemaOfNewDatabase(), SchemaOf(host.DatabasePath));

        await host.RestartAsync();

        Assert.Equal(applied, await UpgradedDatabase.AssertMigratedAsync(host));
        await UpgradedDatabase.AssertKeptAsync(host, _before, withSession: true);
        Assert.Equal(SchemaOfNewDatabase(), SchemaOf(host.DatabasePath));
    }

    [Fact]
    public async Task A_database_made_before_the_chat_existed_gains_the_chat_tables_and_keeps_its_client_and_grant()
    {
        await using var host = new UpgradeHost();
        WriteOldDatabase(host.DatabasePath, withChatTables: false);
        Assert.DoesNotContain("ChatSessions", TablesOf(host.DatabasePath));

        await host.InitializeAsync();

        await UpgradedDatabase.AssertMigratedAsync(host);
        await UpgradedDatabase.AssertKeptAsync(host, _before, withSession: false);
        Assert.Equal(SchemaOfNewDatabase(), SchemaOf(host.DatabasePath));
    }

    [Fact]
    public async Task A_new_database_is_created_by_the_migrations_and_a_second_start_changes_nothing()
    {
        await using var host = new UpgradeHost();
        Assert.False(File.Exists(host.DatabasePath));

        await host.InitializeAsync();

        var applied = await UpgradedDatabase.AssertMigratedAsync(host);
        var schema = SchemaOf(host.DatabasePath);
        Assert.Contains(schema, line => line.StartsWith("ChatSessions.Id TEXT", StringComparison.Ordinal));
        Assert.Contains(schema, line => line.StartsWith("Grants index IX_Grants_UserId", StringComparison.Ordinal));

        await host.RestartAsync();

        Assert.Equal(applied, await UpgradedDatabase.AssertMigratedAsync(host));
        Assert.Equal(schema, SchemaOf(host.DatabasePath));
    }

    [Theory]
    [InlineData(typeof(SqliteAppDbContext))]
    [InlineData(typeof(PostgresAppDbContext))]
    public void Every_migration_of_a_provider_in_the_assembly_is_listed_and_the_context_runs_exactly_those(Type contextType)
    {
        var inAssembly = typeof(AppDbContext).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Migration)) && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == contextType)
            .ToHashSet();
        using DbContext context = contextType == typeof(SqliteAppDbContext)
            ? new SqliteDesignTimeFactory().CreateDbContext([])
            : new PostgresDesignTimeFactory().CreateDbContext([]);
        var migrations = context.GetService<IMigrationsAssembly>();

        Assert.Equal(inAssembly, ListedMigrations.Of(contextType).ToHashSet());
        Assert.Equal(inAssembly, migrations.Migrations.Values.Select(t => t.AsType()).ToHashSet());
        Assert.Equal(inAssembly.Select(t => t.GetCustomAttribute<MigrationAttribute>()!.Id).Order(StringComparer.Ordinal), migrations.Migrations.Keys);
        var snapshot = Assert.Single(typeof(AppDbContext).Assembly.GetTypes(),
            t => t.IsSubclassOf(typeof(ModelSnapshot)) && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == contextType);
        Assert.IsType(snapshot, migrations.ModelSnapshot);
    }

    [Fact]
    public void The_compiled_model_of_each_provider_is_the_model_the_context_builds()
    {
        // The host runs on the generated model (Storage/CompiledModels), not on OnModelCreating: a model
        // change must be followed by `dotnet ef dbcontext optimize` for each context (docs/architecture.md,
        // Changing the schema), or this fails.
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);

        foreach (DbContext context in new DbContext[] { sqlite, postgres })
        {
            // The generated subclass, not a RuntimeModel EF made from OnModelCreating.
            Assert.NotEqual(typeof(RuntimeModel), context.Model.GetType());
            Assert.IsAssignableFrom<RuntimeModel>(context.Model);
            var built = context.GetService<IDesignTimeModel>().Model;
            // The differ needs design-time annotations a compiled model does not keep: compare what both hold.
            Assert.Equal(Shape(built), Shape(context.Model));
        }
    }

    /// <summary>Entities, properties and CLR types, then tables, columns, store types, keys, indexes and foreign keys.</summary>
    private static List<string> Shape(IModel model)
    {
        var shape = model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal)
            .SelectMany(e => e.GetProperties().Select(p => $"{e.Name}.{p.Name} {p.ClrType} {p.IsNullable} {p.GetMaxLength()} {p.GetTypeMapping().Converter?.GetType().Name}"))
            .ToList();
        foreach (var table in model.GetRelationalModel().Tables.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            shape.AddRange(table.Columns.Select(c => $"{table.Name}.{c.Name} {c.StoreType} {c.IsNullable}"));
            shape.Add($"{table.Name} key {table.PrimaryKey?.Name} ({string.Join(", ", table.PrimaryKey?.Columns.Select(c => c.Name) ?? [])})");
            shape.AddRange(table.Indexes.OrderBy(i => i.Name, StringComparer.Ordinal).Select(i => $"{table.Name} index {i.Name} ({string.Join(", ", i.Columns.Select(c => c.Name))}) {i.IsUnique} {i.Filter}"));
            shape.AddRange(table.ForeignKeyConstraints.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f =>
                $"{table.Name} fk {f.Name} ({string.Join(", ", f.Columns.Select(c => c.Name))}) -> {f.PrincipalTable.Name} {f.OnDeleteAction}"));
        }
        return shape;
    }

    [Fact]
    public void The_migrations_of_each_provider_hold_every_change_of_the_model()
    {
        // Start-up does not look for a model change without its migration (that costs two model builds
        // and a diff per first start), so this test is the check.
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.False(sqlite.Database.HasPendingModelChanges(), "Add a SQLite migration: dotnet ef migrations add <Name> --context SqliteAppDbContext (docs/architecture.md, Changing the schema).");
        Assert.False(postgres.Database.HasPendingModelChanges(), "Add a PostgreSQL migration: dotnet ef migrations add <Name> --context PostgresAppDbContext (docs/architecture.md, Changing the schema).");
        Assert.Equal(sqlite.Database.GetMigrations().Select(Name), postgres.Database.GetMigrations().Select(Name));
    }

    /// <summary>A migration's name without its timestamp: both providers have the same list.</summary>
    private static string Name(string migrationId) => migrationId[(migrationId.IndexOf('_', StringComparison.Ordinal) + 1)..];

    private void WriteOldDatabase(string path, bool withChatTables)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        _before.WriteTo(connection, postgres: false, withChatTables);
    }

    private IReadOnlyList<string> SchemaOfNewDatabase()
    {
        if (!File.Exists(_reference))
        {
            var options = new DbContextOptionsBuilder<SqliteAppDbContext>();
            StorageSetup.Configure(options, new DatabaseSettings(false, $"Data Source={_reference};Pooling=False"));
            using var db = new SqliteAppDbContext(options.Options);
            db.Database.Migrate();
        }
        return SchemaOf(_reference);
    }

    private static IReadOnlyList<string> SchemaOf(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return DatabaseSchema.Describe(connection, postgres: false);
    }

    private static IReadOnlyList<string> TablesOf(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return DatabaseSchema.Tables(connection, postgres: false);
    }

    public void Dispose()
    {
        _before.Dispose();
        File.Delete(_reference);
    }
}
