using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using SentryMcp.Sandbox;
using SentryMcp.TestDoubles;

namespace SentryMcp.E2E;

/// <summary>The host with a browser DSN that points at a sandbox's Sentry ingest.</summary>
public sealed class BrowserErrorsAppFixture : WebAppFixture
{
    public const string PublicKey = "e2epublickey0123";
    private WebApplication _ingest = null!;

    public HttpClient Ingest { get; private set; } = null!;

    protected override async Task<IDictionary<string, string?>> SettingsAsync()
    {
        (_ingest, var uri) = await SandboxApp.StartAsync();
        Ingest = new HttpClient { BaseAddress = uri };
        return new Dictionary<string, string?>
        {
            ["SENTRY_BROWSER_DSN"] = $"http://{PublicKey}@{uri.Authority}/42",
            ["SENTRY_ENVIRONMENT"] = "e2e",
        };
    }

    /// <summary>Waits for the first envelope with an event item; returns it and the raw JSON the sandbox holds.</summary>
    public async Task<(JsonElement Envelope, string Raw)> WaitForErrorEnvelopeAsync()
    {
        JsonElement match = default;
        var raw = "";
        await Eventually.UntilAsync(async () =>
        {
            raw = await Ingest.GetStringAsync("__sandbox/envelopes");
            match = JsonDocument.Parse(raw).RootElement.EnumerateArray()
                .FirstOrDefault(e => e.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("type").GetString() == "event"));
            return match.ValueKind == JsonValueKind.Object;
        }, describe: () => "No error envelope reached the sandbox: " + raw);
        return (match.Clone(), raw);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Ingest.Dispose();
        await _ingest.StopAsync();
        await _ingest.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserErrorsCollection : ICollectionFixture<BrowserErrorsAppFixture>
{
    public const string Name = "browser-errors";
}

[Collection(BrowserErrorsCollection.Name)]
public sealed class BrowserErrorReportingTests(BrowserErrorsAppFixture app)
{
    [Fact]
    public async Task An_error_thrown_in_the_page_reaches_Sentry_with_its_secrets_scrubbed_and_no_CSP_violation()
    {
        const string token = "sntryu_e2eLeakedToken0123456789abcdef";
        const string bearer = "e2e.bearer-value_987";
        const string code = "oauth-code-e2e-5521";
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/?code={code}&state=s1");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-error-reporting", "on");

        await page.EvaluateAsync($"() => setTimeout(() => {{ throw new Error('Sentry refused {token} (Authorization: Bearer {bearer})'); }})");
        var (envelope, raw) = await app.WaitForErrorEnvelopeAsync();

        Assert.Equal((42L, BrowserErrorsAppFixture.PublicKey), (envelope.GetProperty("projectId").GetInt64(), envelope.GetProperty("publicKey").GetString()));
        var error = envelope.GetProperty("items").EnumerateArray().First(i => i.GetProperty("type").GetString() == "event").GetProperty("payload");
        var exception = error.GetProperty("exception").GetProperty("values")[0];
        Assert.Equal("Error", exception.GetProperty("type").GetString());
        Assert.Equal("Sentry refused [Filtered] (Authorization: Bearer [Filtered])", exception.GetProperty("value").GetString());
        Assert.Equal("e2e", error.GetProperty("environment").GetString());
        Assert.StartsWith(app.BaseUri.ToString(), error.GetProperty("request").GetProperty("url").GetString());
        Assert.False(error.GetProperty("request").TryGetProperty("cookies", out _));
        foreach (var secret in new[] { token, bearer, code })
        {
            Assert.DoesNotContain(secret, raw, StringComparison.Ordinal);
        }
        Assert.Empty(app.CspViolations[page]);
    }

    [Fact]
    public async Task The_page_CSP_allows_the_ingest_origin_for_connections_only()
    {
        using var response = await app.Http.GetAsync("/");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var ingest = app.Ingest.BaseAddress!.GetLeftPart(UriPartial.Authority);

        Assert.Contains($"connect-src 'self' {ingest};", csp);
        Assert.Equal(1, csp.Split(ingest).Length - 1);
        Assert.Contains("script-src 'self';", csp);
    }
}
