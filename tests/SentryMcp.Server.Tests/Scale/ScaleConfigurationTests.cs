using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SentryMcp.Server.Auth;
using SentryMcp.Server.Mcp;
using SentryMcp.Server.Scale;
using SentryMcp.Server.Security;
using SentryMcp.Server.Storage;

namespace SentryMcp.Server.Tests.Scale;

/// <summary>How configuration picks the database and the shared state (the ordinary run; no cluster needed).</summary>
public sealed class ScaleConfigurationTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static DatabaseSettings Resolve(params (string Key, string Value)[] settings) =>
        StorageSetup.Resolve(new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build());

    [Fact]
    public void A_postgres_url_becomes_an_npgsql_connection_string_with_unescaped_credentials()
    {
        var database = Resolve(("DATABASE_URL", "postgres://mcp:p%40ss%3Aword@db.example:6543/sentry_mcp?sslmode=require"));

        Assert.True(database.IsPostgres);
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        Assert.Equal("db.example", builder.Host);
        Assert.Equal(6543, builder.Port);
        Assert.Equal("sentry_mcp", builder.Database);
        Assert.Equal("mcp", builder.Username);
        Assert.Equal("p@ss:word", builder.Password);
        Assert.Equal(SslMode.Require, builder.SslMode);
    }

    [Fact]
    public void The_connection_string_setting_wins_over_database_url_and_may_be_an_npgsql_string()
    {
        var database = Resolve(("ConnectionStrings:Database", "Host=pg;Database=a;Username=u"), ("DATABASE_URL", "postgresql://x@other/b"));

        Assert.True(database.IsPostgres);
        Assert.Equal("pg", new NpgsqlConnectionStringBuilder(database.ConnectionString).Host);
    }

    [Fact]
    public void Without_database_settings_sqlite_is_used()
    {
        var database = Resolve(("DATABASE_URL", ""));

        Assert.False(database.IsPostgres);
        Assert.Contains("sentry-mcp.db", database.ConnectionString);
    }

    [Fact]
    public void Redis_urls_carry_password_database_and_tls()
    {
        var plain = RedisConnection.ParseUrl("redis://:s%40cret@cache.example:6380/2");
        var tls = RedisConnection.ParseUrl("rediss://default:pw@cache.example");
        var native = RedisConnection.ParseUrl("cache.example:7000,password=pw");

        Assert.Equal("cache.example:6380", plain.EndPoints.Single().ToString()?.Replace("Unspecified/", "", StringComparison.Ordinal));
        Assert.Equal("s@cret", plain.Password);
        Assert.Equal(2, plain.DefaultDatabase);
        Assert.False(plain.Ssl);
        Assert.True(tls.Ssl);
        Assert.Equal("default", tls.User);
        Assert.Equal("pw", native.Password);
        Assert.All([plain, tls, native], o => Assert.False(o.AbortOnConnectFail));
    }

    [Fact]
    public void Without_redis_the_in_process_implementations_serve()
    {
        Assert.IsType<InMemoryRateLimitStore>(server.App.Services.GetRequiredService<IRateLimitStore>());
        Assert.IsType<InProcessGrantLock>(server.App.Services.GetRequiredService<IGrantLock>());
        Assert.IsType<LocalSseSessionRouter>(server.App.Services.GetRequiredService<ISseSessionRouter>());
        Assert.Null(server.App.Services.GetService<RedisConnection>());
    }
}
