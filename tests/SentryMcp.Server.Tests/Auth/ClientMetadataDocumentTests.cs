using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;

namespace SentryMcp.Server.Tests.Auth;

/// <summary>
/// The host with the test-only allowance for loopback documents, and an https document server on
/// another loopback port that serves good and bad Client ID Metadata Documents.
/// </summary>
public class ClientMetadataFixture : AuthServerFixture
{
    public WebApplication Documents { get; private set; } = null!;
    public Uri DocumentsUri { get; private set; } = null!;
    public int GoodFetches => _goodFetches;
    private int _goodFetches;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Auth:ClientMetadataAllowPrivateAddresses"] = "true",
    };

    public string Url(string path) => new Uri(DocumentsUri, path).ToString();

    /// <summary>The document server's self-signed certificate, trusted by the host's document fetcher only.</summary>
    private readonly X509Certificate2 _certificate = CreateCertificate();

    /// <summary>
    /// Trusts the document server's certificate in the host's metadata fetcher, after the host
    /// configured its handler (address checks, no redirects), which stays as built.
    /// </summary>
    protected override void Configure(WebApplicationBuilder builder) =>
        builder.Services.PostConfigure<HttpClientFactoryOptions>(SentryMcp.Server.Auth.ClientMetadataFetcher.HttpClientName, o =>
            o.HttpMessageHandlerBuilderActions.Add(b =>
            {
                var handler = Assert.IsType<SocketsHttpHandler>(b.PrimaryHandler);
                var thumbprint = _certificate.GetCertHashString();
                handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == thumbprint;
            }));

    public override async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(_certificate)));
        Documents = builder.Build();
        Documents.MapGet("/good.json", (HttpContext http) =>
        {
            Interlocked.Increment(ref _goodFetches);
            http.Response.Headers.CacheControl = "max-age=3600";
            return Results.Json(Document(http, OAuthBrowser.ClientRedirect));
        });
        Documents.MapGet("/slow.json", async (HttpContext http) =>
        {
            await Task.Delay(Timeout.Infinite, http.RequestAborted);
            return Results.Json(Document(http, OAuthBrowser.ClientRedirect));
        });
        Documents.MapGet("/huge.json", (HttpContext http) =>
        {
            var document = Document(http, OAuthBrowser.ClientRedirect);
            document["padding"] = new string('x', 1024 * 1024);
            return Results.Json(document);
        });
        Documents.MapGet("/redirect.json", () => Results.Redirect("/good.json"));
        Documents.MapGet("/page.json", () => Results.Content("<html><body>client</body></html>", "text/html"));
        Documents.MapGet("/broken.json", () => Results.Content("{\"client_id\": ", "application/json"));
        Documents.MapGet("/missing.json", () => Results.NotFound());
        Documents.MapGet("/foreign.json", (HttpContext http) => Results.Json(Document(http, "http://evil.example/callback")));
        Documents.MapGet("/script.json", (HttpContext http) => Results.Json(Document(http, "javascript:alert(1)")));
        Documents.MapGet("/mismatch.json", (HttpContext http) =>
        {
            var document = Document(http, OAuthBrowser.ClientRedirect);
            document["client_id"] = "https://other.example/client.json";
            return Results.Json(document);
        });
        Documents.MapGet("/secret.json", (HttpContext http) =>
        {
            var document = Document(http, OAuthBrowser.ClientRedirect);
            document["token_endpoint_auth_method"] = "client_secret_basic";
            return Results.Json(document);
        });
        await Documents.StartAsync();
        DocumentsUri = new Uri(Documents.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Documents.StopAsync();
        await Documents.DisposeAsync();
        _certificate.Dispose();
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    private static Dictionary<string, object> Document(HttpContext http, string redirectUri) => new()
    {
        ["client_id"] = $"https://{http.Request.Host}{http.Request.Path}",
        ["client_name"] = "Metadata Client",
        ["redirect_uris"] = new[] { redirectUri },
        ["grant_types"] = new[] { "authorization_code", "refresh_token" },
        ["response_types"] = new[] { "code" },
        ["token_endpoint_auth_method"] = "none",
    };
}

public sealed class ClientMetadataDocumentTests(ClientMetadataFixture server) : IClassFixture<ClientMetadataFixture>
{
    [Fact]
    public async Task The_metadata_advertises_client_id_metadata_documents_and_registration_stays()
    {
        var metadata = await server.Http.GetFromJsonAsync<JsonElement>(".well-known/oauth-authorization-server");

        Assert.True(metadata.GetProperty("client_id_metadata_document_supported").GetBoolean());
        Assert.EndsWith("/oauth/register", metadata.GetProperty("registration_endpoint").GetString());
    }

    [Fact]
    public async Task A_client_identified_by_its_document_url_signs_in_refreshes_and_calls_tools_without_registering()
    {
        using var browser = server.NewBrowser();
        var client = new TestClient(server.Url("good.json"), null, OAuthBrowser.ClientRedirect);

        var consent = await browser.FollowAsync(await browser.GetAsync(browser.AuthorizeUrl(client)));
        Assert.Equal(HttpStatusCode.OK, consent.StatusCode);
        Assert.Contains("Metadata Client (127.0.0.1)", await consent.Content.ReadAsStringAsync());
        var result = await browser.AuthorizeAsync(browser.AuthorizeUrl(client));
        var tokens = await browser.ExchangeCodeAsync(client, result["code"]);
        var refreshed = await OAuthBrowser.ReadTokensAsync(await browser.RefreshRawAsync(client, tokens.RefreshToken));
        await using var mcp = await server.ConnectWithBearerAsync(refreshed.AccessToken);
        var whoami = await mcp.CallToolAsync("whoami");

        Assert.NotEqual(true, whoami.IsError);
        // Fetched once for this whole class (authorize legs, token, refresh): Cache-Control max-age=3600.
        Assert.Equal(1, server.GoodFetches);
    }

    [Fact]
    public async Task A_redirect_uri_missing_from_the_document_gets_an_error_page_not_a_redirect()
    {
        using var browser = server.NewBrowser();
        var client = new TestClient(server.Url("good.json"), null, OAuthBrowser.ClientRedirect);

        var response = await browser.GetAsync(browser.AuthorizeUrl(client, redirectUri: "https://evil.example/callback"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Even_with_the_test_allowance_a_document_over_http_is_refused()
    {
        using var browser = server.NewBrowser();
        var client = new TestClient(server.Url("good.json").Replace("https://", "http://", StringComparison.Ordinal), null, OAuthBrowser.ClientRedirect);

        var response = await browser.GetAsync(browser.AuthorizeUrl(client));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("must use https", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("slow.json", "did not arrive within")]
    [InlineData("huge.json", "larger than")]
    [InlineData("redirect.json", "redirects")]
    [InlineData("page.json", "not served as application/json")]
    [InlineData("broken.json", "not valid JSON")]
    [InlineData("missing.json", "HTTP 404")]
    [InlineData("foreign.json", "only allowed on loopback")]
    [InlineData("script.json", "javascript")]
    [InlineData("mismatch.json", "not its own URL")]
    [InlineData("secret.json", "public clients")]
    public async Task Unusable_documents_get_an_error_page_and_invalid_client_and_nothing_is_granted(string path, string reason)
    {
        using var browser = server.NewBrowser();
        var client = new TestClient(server.Url(path), null, OAuthBrowser.ClientRedirect);
        var grants = await CountGrantsAsync();

        var authorize = await browser.GetAsync(browser.AuthorizeUrl(client));
        var token = await browser.TokenRawAsync([new("grant_type", "authorization_code"), new("code", "x"), new("client_id", client.ClientId),
            new("redirect_uri", OAuthBrowser.ClientRedirect), new("code_verifier", browser.Verifier)]);

        Assert.Equal(HttpStatusCode.BadRequest, authorize.StatusCode);
        Assert.Null(authorize.Headers.Location);
        var page = await authorize.Content.ReadAsStringAsync();
        Assert.Contains("invalid_request", page);
        Assert.Contains(reason, WebUtility.HtmlDecode(page));
        Assert.Equal("invalid_client", await OAuthBrowser.ErrorOfAsync(token));
        Assert.Equal(grants, await CountGrantsAsync());
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync(".well-known/oauth-authorization-server")).StatusCode);
    }

    private async Task<int> CountGrantsAsync()
    {
        using var scope = server.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SentryMcp.Server.Storage.AppDbContext>();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Grants);
    }
}

/// <summary>A production host (no allowance): documents on private, loopback or link-local addresses are refused before any connection.</summary>
public sealed class ClientMetadataAddressTests(AuthServerFixture server) : IClassFixture<AuthServerFixture>
{
    [Theory]
    [InlineData("https://localhost:9/client.json", "private, loopback or link-local")]
    [InlineData("https://127.0.0.1:9/client.json", "private, loopback or link-local")]
    [InlineData("https://[::1]:9/client.json", "private, loopback or link-local")]
    [InlineData("https://10.0.0.1/client.json", "private, loopback or link-local")]
    [InlineData("https://169.254.169.254/latest/meta-data", "private, loopback or link-local")]
    [InlineData("https://[::ffff:192.168.1.1]/client.json", "private, loopback or link-local")]
    [InlineData("http://127.0.0.1:9/client.json", "must use https")]
    [InlineData("https://example.com/", "need a path")]
    [InlineData("https://user@example.com/client.json", "need a path")]
    public async Task Document_urls_that_could_reach_internal_services_are_refused(string url, string reason)
    {
        using var browser = server.NewBrowser();
        var client = new TestClient(url, null, OAuthBrowser.ClientRedirect);

        var authorize = await browser.GetAsync(browser.AuthorizeUrl(client));
        var revoke = await browser.Http.PostAsync(new Uri(server.BaseUri, "oauth/revoke"), new FormUrlEncodedContent(
            [new KeyValuePair<string, string>("token", "x"), new KeyValuePair<string, string>("client_id", url)]));

        Assert.Equal(HttpStatusCode.BadRequest, authorize.StatusCode);
        Assert.Contains(reason, WebUtility.HtmlDecode(await authorize.Content.ReadAsStringAsync()));
        Assert.Equal("invalid_client", await OAuthBrowser.ErrorOfAsync(revoke));
    }

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("2606:4700:4700::1111", true)]
    [InlineData("127.0.0.2", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("172.16.5.4", false)]
    [InlineData("192.168.0.1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::", false)]
    [InlineData("::ffff:10.1.2.3", false)]
    [InlineData("64:ff9b::a00:1", false)]
    [InlineData("224.0.0.1", false)]
    public void Only_globally_routable_addresses_count_as_public(string address, bool expected) =>
        Assert.Equal(expected, SentryMcp.Server.Auth.ClientMetadataFetcher.IsPublic(IPAddress.Parse(address)));
}

/// <summary>Metadata documents fetched per IP share the registration limit (here 3 an hour).</summary>
public sealed class LimitedClientMetadataFixture : ClientMetadataFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Auth:RegistrationsPerHourPerIp"] = "3",
    };
}

public sealed class ClientMetadataLimitTests(LimitedClientMetadataFixture server) : IClassFixture<LimitedClientMetadataFixture>
{
    [Fact]
    public async Task Fetching_documents_at_ever_new_urls_is_limited_per_address()
    {
        using var browser = server.NewBrowser();
        var reasons = new List<string>();

        for (var i = 0; i < 4; i++)
        {
            var client = new TestClient(server.Url($"missing.json?n={i}"), null, OAuthBrowser.ClientRedirect);
            var response = await browser.GetAsync(browser.AuthorizeUrl(client));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            reasons.Add(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }

        Assert.All(reasons.Take(3), r => Assert.Contains("HTTP 404", r));
        Assert.Contains("too many client metadata documents", reasons[3]);
    }
}

