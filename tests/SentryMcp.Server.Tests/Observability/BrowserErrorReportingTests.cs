using System.Net.Http.Json;
using System.Text.Json;

namespace SentryMcp.Server.Tests.Observability;

/// <summary>The host with a browser DSN for the web UI.</summary>
public sealed class BrowserDsnServerFixture : ServerFixture
{
    public const string Dsn = "https://abc123public@o9.ingest.example.com:8443/42";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["SENTRY_BROWSER_DSN"] = Dsn,
        ["SENTRY_ENVIRONMENT"] = "staging",
    };
}

public sealed class BrowserErrorReportingTests(BrowserDsnServerFixture server) : IClassFixture<BrowserDsnServerFixture>
{
    [Fact]
    public async Task With_a_browser_DSN_the_config_names_it_and_the_page_may_connect_to_its_ingest_origin_only()
    {
        var config = await server.Http.GetFromJsonAsync<JsonElement>("api/config");
        using var page = await server.Http.GetAsync("/");

        Assert.Equal(BrowserDsnServerFixture.Dsn, config.GetProperty("sentry").GetProperty("dsn").GetString());
        Assert.Equal("staging", config.GetProperty("sentry").GetProperty("environment").GetString());
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.True(csp.Contains("connect-src 'self' https://o9.ingest.example.com:8443;", StringComparison.Ordinal), csp);
        Assert.DoesNotContain("abc123public", csp);
        Assert.Contains("script-src 'self';", csp);
    }
}

public sealed class NoBrowserDsnTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Without_a_browser_DSN_the_config_has_none_and_the_page_connects_to_itself_only()
    {
        var config = await server.Http.GetFromJsonAsync<JsonElement>("api/config");
        using var page = await server.Http.GetAsync("/");

        Assert.Equal(JsonValueKind.Null, config.GetProperty("sentry").ValueKind);
        Assert.Contains("connect-src 'self';", page.Headers.GetValues("Content-Security-Policy").Single());
    }
}

public sealed class BrowserDsnValidationTests
{
    [Theory]
    [InlineData("not a url", "is not a Sentry DSN")]
    [InlineData("https://o9.ingest.example.com/42", "is not a Sentry DSN")]
    [InlineData("ftp://key@o9.ingest.example.com/42", "is not a Sentry DSN")]
    [InlineData("https://key@o9.ingest.example.com/not-a-project", "is not a Sentry DSN")]
    [InlineData("https://public:s3cr3t-value@o9.ingest.example.com/42", "contains a secret key")]
    public void A_bad_browser_DSN_stops_the_start_with_a_message_that_says_what_to_use(string dsn, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ServerApp.Build(["--environment", "Production"], builder =>
        {
            // A Sentry host, so no embedded sandbox is started for a host that is never run.
            builder.Configuration["Sentry:Host"] = "http://127.0.0.1:9";
            builder.Configuration["SENTRY_BROWSER_DSN"] = dsn;
        }));

        Assert.Contains("SENTRY_BROWSER_DSN " + message, error.Message);
        Assert.DoesNotContain("s3cr3t-value", error.Message);
    }
}
