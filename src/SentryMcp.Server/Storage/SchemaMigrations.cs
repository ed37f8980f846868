using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;
using SentryMcp.Core.Hosting;
using SentryMcp.Server.Hosting;

namespace SentryMcp.Server.Storage;

/// <summary>
/// Brings the database to the current schema at start-up: EF Core migrations, after adopting a
/// database that an earlier release created with <c>EnsureCreated</c> (its tables, no migrations history).
/// A database whose history already lists every migration is left alone: <c>Migrate</c> builds each
/// migration's target model and the snapshot before it runs anything, a cost a restart need not pay
/// (docs/benchmarks.md). A new database is created by the migrations too, not from the model, so a
/// migration's own SQL (data, renames) always runs.
/// </summary>
public static class SchemaMigrations
{
    public static void Apply(AppDbContext db, ILogger logger)
    {
        var state = AdoptSchemaCreatedWithoutMigrations(db, logger);
        StartupTrace.Mark($"storage: database inspected ({state})");
        switch (state)
        {
            case DatabaseState.WithHistory when IsCurrent(db):
                return;
            default:
                db.Database.Migrate();
                return;
        }
    }

    private enum DatabaseState { New, WithHistory, Adopted }

    /// <summary>Every migration of this release is in the history (a newer release's extra rows do not matter, as for <c>Migrate</c>).</summary>
    private static bool IsCurrent(AppDbContext db)
    {
        var applied = db.GetService<IHistoryRepository>().GetAppliedMigrations().Select(row => row.MigrationId).ToHashSet(StringComparer.Ordinal);
        return db.GetService<IMigrationsAssembly>().Migrations.Keys.All(applied.Contains);
    }

    /// <summary>
    /// Releases before migrations created the schema with <c>EnsureCreated</c>, and added the chat tables
    /// to older databases separately. Such a database holds the initial migration's tables without a
    /// history: <c>Migrate</c> alone would try to create them again and fail. So the tables it lacks are
    /// created from the initial migration's own operations, and the initial migration is recorded as
    /// applied; later migrations then run as on any database. One transaction: all of it or nothing.
    /// </summary>
    private static DatabaseState AdoptSchemaCreatedWithoutMigrations(AppDbContext db, ILogger logger)
    {
        var history = db.GetService<IHistoryRepository>();
        // Not IHistoryRepository.Exists: on Npgsql 10 it answers true before the table exists.
        var historyTable = RelationalOptionsExtension.Extract(db.GetService<IDbContextOptions>()).MigrationsHistoryTableName ?? HistoryRepository.DefaultTableName;
        var migrations = db.GetService<IMigrationsAssembly>();
        var (initialId, initialType) = migrations.Migrations.First();
        var initial = migrations.CreateMigration(initialType, db.Database.ProviderName!);
        var initialTables = initial.UpOperations.OfType<CreateTableOperation>().Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        StartupTrace.Mark("storage: EF services and the initial migration made");

        db.Database.OpenConnection();
        StartupTrace.Mark("storage: connection open");
        try
        {
            var existing = ExistingTables(db);
            if (existing.Contains(historyTable))
            {
                return DatabaseState.WithHistory;
            }
            if (!initialTables.Overlaps(existing))
            {
                // A new database, which the migrations create whole.
                // The history table first: Npgsql's migrator would otherwise log its first read of the
                // missing table as a failed command.
                Execute(db, history.GetCreateIfNotExistsScript(), transaction: null);
                return DatabaseState.New;
            }
            var missing = initial.UpOperations.Where(operation => operation switch
            {
                CreateTableOperation table => !existing.Contains(table.Name),
                CreateIndexOperation index => !existing.Contains(index.Table),
                _ => throw new InvalidOperationException(
                    $"The initial migration {initialId} holds a {operation.GetType().Name}: adopting a database made before migrations only knows tables and indexes."),
            }).ToList();
            var statements = db.GetService<IMigrationsSqlGenerator>()
                .Generate(missing, Finalize(db, initial.TargetModel))
                .Select(command => command.CommandText)
                .Append(history.GetCreateScript())
                .Append(history.GetInsertScript(new HistoryRow(initialId, ProductInfo.GetVersion())));

            using var transaction = db.Database.BeginTransaction();
            foreach (var statement in statements)
            {
                Execute(db, statement, transaction.GetDbTransaction());
            }
            transaction.Commit();
            logger.LogInformation("Adopted a database created before migrations: recorded {Migration} as applied and created {Count} missing table(s) ({Tables}).",
                initialId, missing.OfType<CreateTableOperation>().Count(), string.Join(", ", missing.OfType<CreateTableOperation>().Select(t => t.Name)));
            return DatabaseState.Adopted;
        }
        finally
        {
            db.Database.CloseConnection();
        }
    }

    private static HashSet<string> ExistingTables(AppDbContext db)
    {
        // The migrations use the default schema: PostgreSQL's current schema, SQLite's main database.
        // IsSqlite, not IsNpgsql: on SQLite that would load the PostgreSQL provider for nothing.
        var sql = !db.Database.IsSqlite()
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
            : "SELECT name FROM sqlite_master WHERE type = 'table'";
        using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var tables = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            tables.Add(reader.GetString(0));
        }
        return tables;
    }

    /// <summary>The migration's model as the migrator itself hands it to the SQL generator.</summary>
    private static IModel? Finalize(AppDbContext db, IModel? model)
    {
        if (model is IMutableModel mutable)
        {
            model = mutable.FinalizeModel();
        }
        return model is null ? null : db.GetService<IModelRuntimeInitializer>().Initialize(model, designTime: true, validationLogger: null);
    }

    private static void Execute(AppDbContext db, string sql, DbTransaction? transaction)
    {
        using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
