using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SentryMcp.Server.Tests.Auth;

namespace SentryMcp.Server.Tests.Hosting;

/// <summary>The deployment docs/deploy.md describes: PUBLIC_URL https, TLS ended by a proxy on the same machine.</summary>
public sealed class TlsProxyFixture : AuthServerFixture
{
    public const string PublicHost = "mcp.example.test";
    public static readonly Uri PublicBase = new($"https://{PublicHost}/");

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["PUBLIC_URL"] = "https://" + PublicHost,
    };

    /// <summary>A browser that reaches https://mcp.example.test through <see cref="TlsProxy"/>.</summary>
    public (OAuthBrowser Browser, CookieJar Cookies) NewProxiedBrowser()
    {
        var cookies = new CookieJar(new TlsProxy(BaseUri, PublicHost, "203.0.113.7"));
        return (new OAuthBrowser(this, cookies, PublicBase), cookies);
    }
}

/// <summary>
/// Does what the documented nginx does for requests to its public host: passes Host on, adds
/// X-Forwarded-For and X-Forwarded-Proto: https, and talks plain http to the instance on loopback.
/// Other hosts (the Sentry sandbox) are reached directly.
/// </summary>
public sealed class TlsProxy(Uri instance, string publicHost, string clientAddress)
    : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var original = request.RequestUri!;
        if (original.Host != publicHost)
        {
            return base.SendAsync(request, cancellationToken);
        }
        request.RequestUri = new Uri(instance, original.PathAndQuery);
        request.Headers.Host = publicHost;
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", clientAddress);
        request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", "https");
        return SendAndRestoreAsync(request, original, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAndRestoreAsync(HttpRequestMessage request, Uri original, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        request.RequestUri = original;
        return response;
    }
}

public sealed class BehindProxyTests(TlsProxyFixture server) : IClassFixture<TlsProxyFixture>
{
    private static readonly Uri Public = TlsProxyFixture.PublicBase;

    [Fact]
    public async Task Metadata_issuer_and_challenges_name_the_public_https_url()
    {
        var (browser, _) = server.NewProxiedBrowser();
        using var _b = browser;

        var resource = await browser.Http.GetFromJsonAsync<JsonElement>(new Uri(Public, ".well-known/oauth-protected-resource/mcp"));
        Assert.Equal("https://mcp.example.test/mcp", resource.GetProperty("resource").GetString());
        Assert.Equal(["https://mcp.example.test/"], resource.GetProperty("authorization_servers").EnumerateArray().Select(e => e.GetString()));

        var metadata = await browser.Http.GetAsync(new Uri(Public, ".well-known/oauth-authorization-server"));
        var json = await metadata.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("https://mcp.example.test/", json.GetProperty("issuer").GetString());
        foreach (var endpoint in new[] { "authorization_endpoint", "token_endpoint", "revocation_endpoint", "registration_endpoint" })
        {
            Assert.StartsWith("https://mcp.example.test/oauth/", json.GetProperty(endpoint).GetString());
        }
        Assert.StartsWith("max-age=", metadata.Headers.GetValues("Strict-Transport-Security").Single());

        var unauthorized = await browser.Http.PostAsync(new Uri(Public, "mcp"), new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Contains("resource_metadata=\"https://mcp.example.test/.well-known/oauth-protected-resource/mcp\"",
            unauthorized.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_sign_in_through_the_proxy_uses_https_redirects_and_secure_cookies_only()
    {
        var (browser, cookies) = server.NewProxiedBrowser();
        using var _b = browser;
        var client = await browser.RegisterAsync("Proxied client");

        var consent = await browser.FollowAsync(await browser.GetAsync(browser.AuthorizeUrl(client)));
        Assert.Equal(HttpStatusCode.OK, consent.StatusCode);
        Assert.Contains("secure", cookies.SetCookie("sentry-mcp.antiforgery"), StringComparison.OrdinalIgnoreCase);

        var toSentry = await browser.SubmitFormAsync(consent, ("decision", "approve"));
        Assert.Equal(HttpStatusCode.Redirect, toSentry.StatusCode);
        var sentryQuery = QueryHelpers.ParseQuery(toSentry.Headers.Location!.Query);
        // The redirect URI registered at Sentry: the public https one, never the hop to the instance.
        Assert.Equal("https://mcp.example.test/oauth/callback", sentryQuery["redirect_uri"].ToString());
        Assert.Contains("secure", cookies.SetCookie(".AspNetCore.Correlation."), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookies.SetCookie("sentry-mcp.consent"), StringComparison.OrdinalIgnoreCase);

        var signInPage = await browser.FollowAsync(toSentry);
        var result = OAuthBrowser.RedirectParameters(await browser.FollowAsync(await browser.SubmitFormAsync(signInPage, ("decision", "allow"))));
        Assert.Contains("secure", cookies.SetCookie("sentry-mcp.signin"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("https://mcp.example.test/", result["iss"]);
        Assert.DoesNotContain(cookies.SetCookies, c => !c.Contains("secure", StringComparison.OrdinalIgnoreCase) && !IsDeletion(c));

        var tokens = await browser.ExchangeCodeAsync(client, result["code"]);
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(Public, "mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + tokens.AccessToken },
        }, new HttpClient(new TlsProxy(server.BaseUri, TlsProxyFixture.PublicHost, "203.0.113.7")));
        await using var mcp = await McpClient.CreateAsync(transport);
        var whoami = await mcp.CallToolAsync("whoami");
        Assert.NotEqual(true, whoami.IsError);
        Assert.Contains("Jane Doe", ((TextContentBlock)whoami.Content[0]).Text);
    }

    private static bool IsDeletion(string setCookie) => setCookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
}
