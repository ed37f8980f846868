using Npgsql;
using SentryMcp.Server.Storage;
using SentryMcp.Server.Tests.Storage;

namespace SentryMcp.Server.Tests.Scale;

/// <summary>
/// The upgrade of a PostgreSQL database made before migrations, on the cluster's PostgreSQL server
/// (tests/scale/run.sh): each test makes a database of its own there, starts two real hosts on it at
/// the same moment (as two instances of a deployment), and drops it at the end.
/// </summary>
[Trait("Category", "Scale")]
public sealed class PostgresSchemaUpgradeTests(ScaleCluster cluster) : IClassFixture<ScaleCluster>
{
    [ScaleFact]
    public Task Two_instances_starting_together_on_a_database_made_before_migrations_adopt_it_once_and_keep_its_client_grant_and_session() =>
        UpgradeAsync(withChatTables: true);

    [ScaleFact]
    public Task Two_instances_starting_together_on_a_database_made_before_the_chat_add_its_tables_once_and_keep_its_client_and_grant() =>
        UpgradeAsync(withChatTables: false);

    [ScaleFact]
    public async Task A_new_database_gets_the_same_schema_as_an_upgraded_one_and_a_second_start_changes_nothing()
    {
        await using var upgraded = await ScratchDatabase.CreateAsync(cluster);
        await using var fresh = await ScratchDatabase.CreateAsync(cluster);
        using var before = new DatabaseBeforeMigrations();
        await using (var connection = await upgraded.OpenAsync())
        {
            before.WriteTo(connection, postgres: true, withChatTables: false);
        }
        await using (var host = new UpgradeHost(upgraded.ConnectionString))
        {
            await host.InitializeAsync();
        }

        await using var freshHost = new UpgradeHost(fresh.ConnectionString);
        await freshHost.InitializeAsync();
        var applied = await UpgradedDatabase.AssertMigratedAsync(freshHost);
        var schema = await fresh.SchemaAsync();
        await freshHost.RestartAsync();

        Assert.Equal(applied, await UpgradedDatabase.AssertMigratedAsync(freshHost));
        Assert.Equal(schema, await fresh.SchemaAsync());
        Assert.Equal(schema, await upgraded.SchemaAsync());
    }

    private async Task UpgradeAsync(bool withChatTables)
    {
        await using var database = await ScratchDatabase.CreateAsync(cluster);
        using var before = new DatabaseBeforeMigrations();
        await using (var connection = await database.OpenAsync())
        {
            before.WriteTo(connection, postgres: true, withChatTables);
        }
        await using var first = new UpgradeHost(database.ConnectionString);
        await using var second = new UpgradeHost(database.ConnectionString);

        // Built on threads of their own: start-up migrates synchronously, and both must race for the lock.
        await Task.WhenAll(Task.Run(first.InitializeAsync), Task.Run(second.InitializeAsync));

        var applied = await UpgradedDatabase.AssertMigratedAsync(first);
        Assert.Equal(applied, await UpgradedDatabase.AssertMigratedAsync(second));
        await UpgradedDatabase.AssertKeptAsync(first, before, withSession: withChatTables);
        await UpgradedDatabase.AssertKeptAsync(second, before, withSession: withChatTables);
        Assert.Contains("ChatSessions", await database.TablesAsync());

        await first.RestartAsync();
        Assert.Equal(applied, await UpgradedDatabase.AssertMigratedAsync(first));
        await UpgradedDatabase.AssertKeptAsync(first, before, withSession: withChatTables);
    }

    /// <summary>A database of its own on the cluster's PostgreSQL server, dropped (with its connections) at the end.</summary>
    private sealed class ScratchDatabase : IAsyncDisposable
    {
        private readonly string _server;
        private readonly string _name;

        private ScratchDatabase(string server, string name)
        {
            _server = server;
            _name = name;
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        }

        public string ConnectionString { get; }

        public static async Task<ScratchDatabase> CreateAsync(ScaleCluster cluster)
        {
            var server = PostgresUrl.ToConnectionString(cluster.DatabaseUrl);
            var database = new ScratchDatabase(server, $"upgrade_{Guid.NewGuid():N}");
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database._name}\"", connection);
            await create.ExecuteNonQueryAsync();
            return database;
        }

        public async Task<NpgsqlConnection> OpenAsync()
        {
            var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            return connection;
        }

        public async Task<IReadOnlyList<string>> SchemaAsync()
        {
            await using var connection = await OpenAsync();
            return DatabaseSchema.Describe(connection, postgres: true);
        }

        public async Task<IReadOnlyList<string>> TablesAsync()
        {
            await using var connection = await OpenAsync();
            return DatabaseSchema.Tables(connection, postgres: true);
        }

        public async ValueTask DisposeAsync()
        {
            using (var pooled = new NpgsqlConnection(ConnectionString))
            {
                NpgsqlConnection.ClearPool(pooled);
            }
            await using var connection = new NpgsqlConnection(_server);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
