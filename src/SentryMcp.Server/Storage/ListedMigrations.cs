using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Sqlite = SentryMcp.Server.Storage.Migrations.Sqlite;
using Postgres = SentryMcp.Server.Storage.Migrations.Postgres;

namespace SentryMcp.Server.Storage;

/// <summary>
/// Each provider's migrations and snapshot, listed. EF's own lookup loads every type of this assembly to
/// find the ones marked for the context, and with their signatures assemblies the host otherwise never
/// loads (StackExchange.Redis, Microsoft.Extensions.AI): start-up time and RSS at rest for a list that only
/// changes when a migration is added (docs/benchmarks.md). <c>SchemaUpgradeTests</c> fails when a
/// migration in the assembly is missing here.
/// </summary>
public sealed class ListedMigrations(ICurrentDbContext currentContext, IMigrationsIdGenerator idGenerator) : IMigrationsAssembly
{
    private static readonly Dictionary<Type, (Type Snapshot, Type[] Migrations)> ByContext = new()
    {
        [typeof(SqliteAppDbContext)] = (typeof(Sqlite.SqliteAppDbContextModelSnapshot), [typeof(Sqlite.InitialSchema), typeof(Sqlite.AddConversations)]),
        [typeof(PostgresAppDbContext)] = (typeof(Postgres.PostgresAppDbContextModelSnapshot), [typeof(Postgres.InitialSchema), typeof(Postgres.AddConversations)]),
    };

    private (Type Snapshot, Type[] Migrations) Listed =>
        ByContext.TryGetValue(currentContext.Context.GetType(), out var listed)
            ? listed
            : throw new InvalidOperationException($"{currentContext.Context.GetType().Name} has no listed migrations: add it to {nameof(ListedMigrations)}.");

    /// <summary>The listed migration types of a context, by id in order (what EF's own lookup would return).</summary>
    public static IReadOnlyList<Type> Of(Type contextType) => ByContext[contextType].Migrations;

    public IReadOnlyDictionary<string, TypeInfo> Migrations => field ??= Listed.Migrations
        .Select(type => (Id: type.GetCustomAttribute<MigrationAttribute>()!.Id, Type: type.GetTypeInfo()))
        .OrderBy(m => m.Id, StringComparer.Ordinal)
        .ToDictionary(m => m.Id, m => m.Type);

    public ModelSnapshot? ModelSnapshot => field ??= (ModelSnapshot)Activator.CreateInstance(Listed.Snapshot)!;

    public Assembly Assembly => typeof(ListedMigrations).Assembly;

    public string? FindMigrationId(string nameOrId) =>
        Migrations.Keys.Where(idGenerator.IsValidId(nameOrId)
                ? id => string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase)
                : id => string.Equals(idGenerator.GetName(id), nameOrId, StringComparison.OrdinalIgnoreCase))
            .FirstOrDefault();

    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        var migration = (Migration)Activator.CreateInstance(migrationClass.AsType())!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }
}
