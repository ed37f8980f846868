using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace SentryMcp.Server.Tests.Auth;

/// <summary>
/// Loopback redirect URIs match on any port (RFC 8252 7.3), so consent must be exact: an approval
/// (or the chat's silent read access) for one redirect URI never sends a code to another port.
/// </summary>
public sealed class ExactConsentTests(AuthServerFixture server) : IClassFixture<AuthServerFixture>
{
    private static readonly TestClient Chat = new("sentry-mcp-chat", null, "http://127.0.0.1:53682/api/auth/callback");

    [Fact]
    public async Task The_chat_client_id_with_another_loopback_port_shows_the_consent_page_instead_of_sending_a_code()
    {
        await RegisterChatAsync();
        using var victim = server.NewBrowser();

        var response = await victim.FollowAsync(await victim.GetAsync(victim.AuthorizeUrl(Chat, redirectUri: Chat.RedirectUri)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(server.BaseUri.ToString(), response.RequestMessage!.RequestUri!.ToString());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("name=\"decision\" value=\"approve\"", html);
        Assert.Contains("Sentry MCP Chat", html);
    }

    [Fact]
    public async Task The_chat_on_its_own_callback_still_gets_read_access_without_a_consent_page()
    {
        await RegisterChatAsync();
        using var browser = server.NewBrowser();
        var own = new Uri(server.BaseUri, "api/auth/callback").ToString();

        var response = await browser.FollowAsync(await browser.GetAsync(browser.AuthorizeUrl(Chat, redirectUri: own)));

        Assert.StartsWith(server.SandboxUri.ToString(), response.RequestMessage!.RequestUri!.ToString());
    }

    [Fact]
    public async Task A_client_approved_on_one_loopback_port_is_asked_again_for_another_port()
    {
        using var browser = server.NewBrowser();
        var (client, _) = await browser.SignInAsync();
        var otherPort = client.RedirectUri.Replace("127.0.0.1/", "127.0.0.1:53999/", StringComparison.Ordinal);

        var samePort = await browser.FollowAsync(await browser.GetAsync(browser.AuthorizeUrl(client)));
        var other = await browser.FollowAsync(await browser.GetAsync(browser.AuthorizeUrl(client, redirectUri: otherPort)));

        Assert.StartsWith(server.SandboxUri.ToString(), samePort.RequestMessage!.RequestUri!.ToString());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.StartsWith(server.BaseUri.ToString(), other.RequestMessage!.RequestUri!.ToString());
        Assert.Contains("name=\"decision\" value=\"approve\"", await other.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_a_public_url_the_chat_is_registered_for_its_own_host_and_loopback_names_only()
    {
        await RegisterChatAsync();
        using var scope = server.App.Services.CreateScope();
        var applications = scope.ServiceProvider.GetRequiredService<OpenIddict.Abstractions.IOpenIddictApplicationManager>();
        var chat = await applications.FindByClientIdAsync("sentry-mcp-chat");

        var uris = await applications.GetRedirectUrisAsync(chat!);

        Assert.Equal(
            new[] { new Uri(server.BaseUri, "api/auth/callback").ToString(), "http://127.0.0.1/api/auth/callback", "http://[::1]/api/auth/callback", "http://localhost/api/auth/callback" }.Order(),
            uris.Order());
    }

    /// <summary>The chat registers itself when a sign-in starts.</summary>
    private async Task RegisterChatAsync()
    {
        using var browser = server.NewBrowser();
        var login = await browser.GetAsync(new Uri(server.BaseUri, "api/auth/login?access=read").ToString());
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(new Uri(server.BaseUri, "api/auth/callback").ToString(),
            QueryHelpers.ParseQuery(new Uri(server.BaseUri, login.Headers.Location!).Query)["redirect_uri"].ToString());
    }
}

/// <summary>With PUBLIC_URL (behind the documented TLS proxy) the chat has exactly one redirect URI.</summary>
public sealed class PublicUrlChatClientTests(SentryMcp.Server.Tests.Hosting.TlsProxyFixture server) : IClassFixture<SentryMcp.Server.Tests.Hosting.TlsProxyFixture>
{
    private static readonly Uri Public = SentryMcp.Server.Tests.Hosting.TlsProxyFixture.PublicBase;

    [Fact]
    public async Task The_chat_is_registered_only_with_its_callback_under_the_public_url_and_loopback_callbacks_are_refused()
    {
        var (browser, _) = server.NewProxiedBrowser();
        using var _b = browser;
        var login = await browser.GetAsync(new Uri(Public, "api/auth/login?access=read").ToString());
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        using var scope = server.App.Services.CreateScope();
        var applications = scope.ServiceProvider.GetRequiredService<OpenIddict.Abstractions.IOpenIddictApplicationManager>();

        var uris = await applications.GetRedirectUrisAsync((await applications.FindByClientIdAsync("sentry-mcp-chat"))!);
        var attack = await browser.GetAsync(browser.AuthorizeUrl(new TestClient("sentry-mcp-chat", null, "http://127.0.0.1:53682/api/auth/callback"),
            redirectUri: "http://127.0.0.1:53682/api/auth/callback"));

        Assert.Equal(["https://mcp.example.test/api/auth/callback"], uris.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, attack.StatusCode);
        Assert.Null(attack.Headers.Location);
    }
}
