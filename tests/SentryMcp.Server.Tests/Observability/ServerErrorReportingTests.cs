using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using SentryMcp.Sandbox;
using SentryMcp.TestDoubles;

namespace SentryMcp.Server.Tests.Observability;

/// <summary>The host with <c>SENTRY_DSN</c> pointing at a sandbox's Sentry ingest.</summary>
public sealed class SentryDsnServerFixture : ServerFixture
{
    public const string PublicKey = "serverkey0123";
    private WebApplication _ingest = null!;

    public HttpClient Ingest { get; private set; } = null!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["SENTRY_DSN"] = $"http://{PublicKey}@{Ingest.BaseAddress!.Authority}/7",
        ["SENTRY_ENVIRONMENT"] = "server-test",
    };

    public override async Task InitializeAsync()
    {
        (_ingest, var uri) = await SandboxApp.StartAsync();
        Ingest = new HttpClient { BaseAddress = uri };
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Ingest.Dispose();
        await _ingest.StopAsync();
        await _ingest.DisposeAsync();
    }
}

/// <summary>The Sentry .NET SDK end to end: a real unhandled error in the host, the envelope as the ingest received it.</summary>
public sealed class ServerErrorReportingTests(SentryDsnServerFixture server) : IClassFixture<SentryDsnServerFixture>
{
    [Fact]
    public async Task An_unhandled_server_error_reaches_Sentry_without_credentials_cookies_query_secrets_or_body()
    {
        // Break the database under the running host: registering a client now fails inside OpenIddict.
        await using (var db = new SqliteConnection($"Data Source={server.DatabasePath};Pooling=False"))
        {
            await db.OpenAsync();
            await using var drop = db.CreateCommand();
            drop.CommandText = "DROP TABLE OpenIddictApplications";
            await drop.ExecuteNonQueryAsync();
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, "oauth/register?code=leaked-code-123&state=s1")
        {
            Content = new StringContent("""{"client_name":"x","redirect_uris":["http://127.0.0.1:9999/cb"],"token_endpoint_auth_method":"none","software_statement":"body-secret-456"}""",
                Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer sntryu_serverLeakedToken0123456789");
        request.Headers.TryAddWithoutValidation("Cookie", "session=cookie-secret-789");

        using var response = await server.Http.SendAsync(request);
        // The database error is also logged by EF Core and by background jobs; the request's own report names its URL.
        var (envelope, report, raw) = await WaitForReportAsync(r =>
            r.TryGetProperty("request", out var req) && req.TryGetProperty("url", out var url) && url.GetString()!.Contains("/oauth/register", StringComparison.Ordinal) &&
            r.TryGetProperty("exception", out _));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal((7L, SentryDsnServerFixture.PublicKey), (envelope.GetProperty("projectId").GetInt64(), envelope.GetProperty("publicKey").GetString()));
        Assert.Equal("server-test", report.GetProperty("environment").GetString());
        Assert.Contains(report.GetProperty("exception").GetProperty("values").EnumerateArray(), e => e.GetProperty("type").GetString() == typeof(SqliteException).FullName);
        Assert.Equal("POST", report.GetProperty("request").GetProperty("method").GetString());
        Assert.False(report.GetProperty("request").TryGetProperty("data", out _));
        // Framework categories stay as quiet towards Sentry as on the console: no per-request
        // Information breadcrumbs from ASP.NET Core or EF Core (e.g. "Executed DbCommand").
        if (report.TryGetProperty("breadcrumbs", out var crumbs))
        {
            var list = crumbs.ValueKind == JsonValueKind.Array ? crumbs : crumbs.GetProperty("values");
            Assert.DoesNotContain(list.EnumerateArray(), b =>
                b.TryGetProperty("category", out var c) && c.GetString() is { } cat &&
                (cat.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) ||
                 (cat.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && b.TryGetProperty("level", out var l) && l.GetString() is "info" or "debug")));
        }
        Assert.DoesNotContain("Executed DbCommand", raw, StringComparison.Ordinal);
        foreach (var secret in new[] { "sntryu_serverLeakedToken0123456789", "cookie-secret-789", "leaked-code-123", "body-secret-456" })
        {
            Assert.DoesNotContain(secret, raw, StringComparison.Ordinal);
        }
    }

    /// <summary>Waits for an error report that <paramref name="match"/> accepts; returns its envelope, the report and everything the ingest holds.</summary>
    private async Task<(JsonElement Envelope, JsonElement Report, string Raw)> WaitForReportAsync(Func<JsonElement, bool> match)
    {
        (JsonElement Envelope, JsonElement Report, string Raw)? found = null;
        var raw = "";
        await Eventually.UntilAsync(async () =>
        {
            raw = await server.Ingest.GetStringAsync("__sandbox/envelopes");
            foreach (var envelope in JsonDocument.Parse(raw).RootElement.EnumerateArray())
            {
                foreach (var item in envelope.GetProperty("items").EnumerateArray())
                {
                    if (item.GetProperty("type").GetString() == "event" && match(item.GetProperty("payload")))
                    {
                        found = (envelope.Clone(), item.GetProperty("payload").Clone(), raw);
                        return true;
                    }
                }
            }
            return false;
        }, describe: () => "No matching error envelope reached the sandbox: " + raw);
        return found!.Value;
    }
}
