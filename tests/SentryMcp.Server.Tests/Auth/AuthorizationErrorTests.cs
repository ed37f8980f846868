using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using SentryMcp.Sandbox;
using SentryMcp.Server.Storage;

namespace SentryMcp.Server.Tests.Auth;

public sealed class AuthorizationErrorTests(AuthServerFixture server) : IClassFixture<AuthServerFixture>
{
    [Theory]
    [InlineData("unknown-client", null)]
    [InlineData(null, "https://evil.example/callback")]
    [InlineData(null, "http://127.0.0.1:53682/other")]
    [InlineData(null, "http://localhost:53682/callback")]
    public async Task Unknown_clients_and_unregistered_redirect_uris_get_an_error_page_not_a_redirect(string? clientId, string? redirectUri)
    {
        using var browser = server.NewBrowser();
        var client = await browser.RegisterAsync();
        var grants = await CountGrantsAsync();

        var response = await browser.GetAsync(browser.AuthorizeUrl(clientId is null ? client : client with { ClientId = clientId }, redirectUri: redirectUri));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("invalid_", await response.Content.ReadAsStringAsync());
        Assert.Equal(grants, await CountGrantsAsync());
    }

    [Theory]
    [InlineData("code_challenge", null, "invalid_request")]
    [InlineData("code_challenge_method", "plain", "invalid_request")]
    [InlineData("response_type", "token", "unsupported_response_type")]
    [InlineData("resource", "https://elsewhere.example/mcp", "invalid_target")]
    public async Task Bad_authorization_requests_get_an_oauth_error_page(string parameter, string? value, string error)
    {
        using var browser = server.NewBrowser();
        var client = await browser.RegisterAsync();
        var overrides = new Dictionary<string, string?> { [parameter] = value };
        if (parameter == "code_challenge_method")
        {
            overrides["code_challenge"] = browser.Verifier;
        }

        var grants = await CountGrantsAsync();

        var response = await browser.GetAsync(browser.AuthorizeUrl(client, overrides: overrides));

        // OpenIddict checks these before it has vetted the redirect URI, so it shows the error instead of redirecting.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("error:" + error, await response.Content.ReadAsStringAsync());
        Assert.Equal(grants, await CountGrantsAsync());
    }

    [Fact]
    public async Task Cancelling_consent_returns_access_denied_with_state_and_stores_nothing()
    {
        using var browser = server.NewBrowser();
        var client = await browser.RegisterAsync();
        var grants = await CountGrantsAsync();
        var consent = await browser.GetAsync(browser.AuthorizeUrl(client));

        var result = OAuthBrowser.RedirectParameters(await browser.SubmitFormAsync(consent, ("decision", "deny")));

        Assert.Equal("access_denied", result["error"]);
        Assert.Equal(browser.State, result["state"]);
        Assert.Equal(grants, await CountGrantsAsync());
    }

    [Fact]
    public async Task A_consent_post_without_the_antiforgery_token_is_refused()
    {
        using var browser = server.NewBrowser();
        var client = await browser.RegisterAsync();
        var consent = await browser.GetAsync(browser.AuthorizeUrl(client));
        var html = await consent.Content.ReadAsStringAsync();
        var tampered = new HttpResponseMessage(HttpStatusCode.OK)
        {
            RequestMessage = consent.RequestMessage,
            Content = new StringContent(html.Replace("name=\"__RequestVerificationToken\"", "name=\"ignored\"", StringComparison.Ordinal)),
        };

        var response = await browser.SubmitFormAsync(tampered, ("decision", "approve"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Denying_at_sentry_returns_access_denied_to_the_client()
    {
        using var browser = server.NewBrowser();
        var client = await browser.RegisterAsync();
        var grants = await CountGrantsAsync();
        var consent = await browser.GetAsync(browser.AuthorizeUrl(client));
        var signIn = await browser.FollowAsync(await browser.SubmitFormAsync(consent, ("decision", "approve")));

        var result = OAuthBrowser.RedirectParameters(await browser.FollowAsync(await browser.SubmitFormAsync(signIn, ("decision", "deny"))));

        Assert.Equal("access_denied", result["error"]);
        Assert.Equal(browser.State, result["state"]);
        Assert.Equal(grants, await CountGrantsAsync());
    }

    [Fact]
    public async Task Sentry_token_endpoint_down_returns_server_error_to_the_client()
    {
        using var browser = server.NewBrowser();
        var client = await browser.RegisterAsync();
        var grants = await CountGrantsAsync();
        var consent = await browser.GetAsync(browser.AuthorizeUrl(client));
        var signIn = await browser.FollowAsync(await browser.SubmitFormAsync(consent, ("decision", "approve")));
        await server.AddSandboxFaultAsync(new FaultRule(FaultKind.Status, "/oauth/token/", Count: 1, Status: 503));

        var result = OAuthBrowser.RedirectParameters(await browser.FollowAsync(await browser.SubmitFormAsync(signIn, ("decision", "allow"))));

        Assert.Equal("server_error", result["error"]);
        Assert.Equal(browser.State, result["state"]);
        Assert.Equal(grants, await CountGrantsAsync());
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData(null)]
    public async Task A_callback_with_a_tampered_or_missing_state_is_an_error_page(string? state)
    {
        using var browser = server.NewBrowser();
        var grants = await CountGrantsAsync();

        var response = await browser.GetAsync(new Uri(server.BaseUri, "oauth/callback?code=abc" + (state is null ? "" : "&state=" + state)).ToString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("expired", await response.Content.ReadAsStringAsync());
        Assert.Equal(grants, await CountGrantsAsync());
    }

    [Fact]
    public async Task A_wrong_verifier_or_a_replayed_code_is_invalid_grant_and_a_replay_revokes_its_tokens()
    {
        using var browser = server.NewBrowser();
        var client = await browser.RegisterAsync();
        var code = (await browser.AuthorizeAsync(browser.AuthorizeUrl(client)))["code"];
        var form = (string verifier) => new KeyValuePair<string, string>[]
        {
            new("grant_type", "authorization_code"), new("code", code), new("client_id", client.ClientId),
            new("redirect_uri", "http://127.0.0.1:53682/callback"), new("code_verifier", verifier),
        };

        var wrong = await browser.TokenRawAsync(form(browser.Verifier[..^2] + "xx"));
        var right = await OAuthBrowser.ReadTokensAsync(await browser.TokenRawAsync(form(browser.Verifier)));
        var replay = await browser.TokenRawAsync(form(browser.Verifier));

        Assert.Equal("invalid_grant", await OAuthBrowser.ErrorOfAsync(wrong));
        Assert.Equal("invalid_grant", await OAuthBrowser.ErrorOfAsync(replay));
        // A replayed code means it leaked: the tokens issued for it are revoked too.
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.PostMcpAsync(right.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task Unsupported_grant_types_are_refused()
    {
        using var browser = server.NewBrowser();
        var client = await browser.RegisterAsync();

        var response = await browser.TokenRawAsync([new("grant_type", "password"), new("username", "a"), new("password", "b"), new("client_id", client.ClientId)]);

        Assert.Equal("unsupported_grant_type", await OAuthBrowser.ErrorOfAsync(response));
    }

    [Theory]
    [InlineData("javascript:alert(1)", "invalid_redirect_uri")]
    [InlineData("http://evil.example/callback", "invalid_redirect_uri")]
    [InlineData("https://app.example/cb#fragment", "invalid_redirect_uri")]
    [InlineData("https://user:pass@app.example/cb", "invalid_redirect_uri")]
    [InlineData("data:text/html,hi", "invalid_redirect_uri")]
    [InlineData("myapp:/callback", "invalid_redirect_uri")]
    public async Task Dangerous_redirect_uris_are_not_registered(string redirectUri, string error)
    {
        using var browser = server.NewBrowser();
        var applications = await CountApplicationsAsync();

        var response = await browser.RegisterRawAsync(new { client_name = "x", redirect_uris = new[] { redirectUri }, token_endpoint_auth_method = "none" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(error, await OAuthBrowser.ErrorOfAsync(response));
        Assert.Equal(applications, await CountApplicationsAsync());
    }

    [Theory]
    [InlineData("cursor://anysphere.cursor-retrieval/oauth/callback")]
    [InlineData("com.example.app:/oauth")]
    [InlineData("http://[::1]/callback")]
    public async Task Native_app_redirect_uris_are_registered(string redirectUri)
    {
        using var browser = server.NewBrowser();

        var response = await browser.RegisterRawAsync(new { client_name = "native", redirect_uris = new[] { redirectUri }, token_endpoint_auth_method = "none" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("{\"redirect_uris\": \"http://127.0.0.1/cb\"}")]
    [InlineData("{\"redirect_uris\": [\"http://127.0.0.1/cb\"], \"grant_types\": [\"client_credentials\"]}")]
    public async Task Malformed_registrations_are_invalid_client_metadata(string body)
    {
        var applications = await CountApplicationsAsync();

        var response = await server.Http.PostAsync("oauth/register", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(await OAuthBrowser.ErrorOfAsync(response), new[] { "invalid_client_metadata", "invalid_redirect_uri" });
        Assert.Equal(applications, await CountApplicationsAsync());
    }

    [Fact]
    public async Task Oversized_registrations_are_refused()
    {
        var body = new { client_name = "x", redirect_uris = new[] { "http://127.0.0.1/cb" }, padding = new string('a', 20_000) };

        var response = await server.Http.PostAsJsonAsync("oauth/register", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_client_metadata", await OAuthBrowser.ErrorOfAsync(response));
    }

    [Fact]
    public async Task A_confidential_client_gets_its_secret_once_and_it_is_stored_hashed()
    {
        using var browser = server.NewBrowser();

        var client = await browser.RegisterAsync(authMethod: "client_secret_post");

        Assert.False(string.IsNullOrEmpty(client.ClientSecret));
        using var scope = server.App.Services.CreateScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var application = await applications.FindByClientIdAsync(client.ClientId);
        Assert.True(await applications.ValidateClientSecretAsync(application!, client.ClientSecret!));
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication>().AnyAsync(a => a.ClientSecret == client.ClientSecret));
    }

    private async Task<int> CountGrantsAsync()
    {
        using var scope = server.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Grants.CountAsync();
    }

    private async Task<long> CountApplicationsAsync()
    {
        using var scope = server.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CountAsync();
    }
}
