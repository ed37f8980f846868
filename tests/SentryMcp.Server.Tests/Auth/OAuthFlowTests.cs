using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace SentryMcp.Server.Tests.Auth;

public sealed class OAuthFlowTests(AuthServerFixture server) : IClassFixture<AuthServerFixture>
{
    [Fact]
    public async Task A_client_discovers_registers_signs_in_and_calls_tools_with_its_token()
    {
        using var browser = server.NewBrowser();

        var unauthorized = await server.Http.PostAsync("mcp", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        var challenge = unauthorized.Headers.WwwAuthenticate.Single().ToString();
        var metadataUrl = challenge[(challenge.IndexOf("resource_metadata=\"", StringComparison.Ordinal) + 19)..].TrimEnd('"');
        var resourceMetadata = await server.Http.GetFromJsonAsync<JsonElement>(metadataUrl);
        var issuer = resourceMetadata.GetProperty("authorization_servers")[0].GetString()!;
        // RFC 8414 3.1 path insertion (a terminating "/" is removed first) and 3.3: the issuer in the
        // metadata is identical to the one the resource named.
        var metadata = await server.Http.GetFromJsonAsync<JsonElement>(issuer.TrimEnd('/') + "/.well-known/oauth-authorization-server");
        Assert.Equal(issuer, metadata.GetProperty("issuer").GetString());
        Assert.Equal(["S256"], metadata.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("none", metadata.GetProperty("token_endpoint_auth_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.EndsWith("/oauth/register", metadata.GetProperty("registration_endpoint").GetString());
        Assert.EndsWith("/oauth/token", metadata.GetProperty("token_endpoint").GetString());
        Assert.EndsWith("/oauth/revoke", metadata.GetProperty("revocation_endpoint").GetString());
        var openid = await server.Http.GetFromJsonAsync<JsonElement>(issuer.TrimEnd('/') + "/.well-known/openid-configuration");
        Assert.Equal(metadata.GetProperty("authorization_endpoint").GetString(), openid.GetProperty("authorization_endpoint").GetString());

        var client = await browser.RegisterAsync("Claude Code");
        var consent = await browser.FollowAsync(await browser.GetAsync(browser.AuthorizeUrl(client, resourceMetadata.GetProperty("resource").GetString())));
        Assert.Equal(HttpStatusCode.OK, consent.StatusCode);
        var page = await consent.Content.ReadAsStringAsync();
        Assert.Contains("Claude Code", page);
        Assert.Contains("127.0.0.1", page);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("default-src 'none'", consent.Headers.GetValues("Content-Security-Policy").Single());

        var signInPage = await browser.FollowAsync(await browser.SubmitFormAsync(consent, ("decision", "approve")));
        Assert.StartsWith(server.SandboxUri.ToString(), signInPage.RequestMessage!.RequestUri!.ToString());
        var sentryScopes = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(signInPage.RequestMessage.RequestUri.Query)["scope"].ToString().Split(' ');
        Assert.Contains("org:read", sentryScopes);
        Assert.DoesNotContain("event:write", sentryScopes);
        var result = OAuthBrowser.RedirectParameters(await browser.FollowAsync(await browser.SubmitFormAsync(signInPage, ("decision", "allow"))));
        Assert.Equal(browser.State, result["state"]);
        Assert.Equal(issuer, result["iss"]);

        var tokens = await browser.ExchangeCodeAsync(client, result["code"]);
        Assert.Equal("Bearer", tokens.Raw.GetProperty("token_type").GetString());
        Assert.Contains("sentry:read", tokens.Raw.GetProperty("scope").GetString());

        await using var mcp = await server.ConnectWithBearerAsync(tokens.AccessToken);
        var tools = await mcp.ListToolsAsync();
        var whoami = await mcp.CallToolAsync("whoami");
        Assert.Contains(tools, t => t.Name == "whoami");
        Assert.NotEqual(true, whoami.IsError);
        Assert.Contains("Jane Doe", ((TextContentBlock)whoami.Content[0]).Text);
    }

    [Fact]
    public async Task The_consent_page_encodes_client_names_and_shows_the_punycode_redirect_host()
    {
        using var browser = server.NewBrowser();
        var client = await browser.RegisterAsync("<b>Ünïcødé</b> \"client\"", "https://bücher.example/callback");

        var consent = await browser.GetAsync(browser.AuthorizeUrl(client, redirectUri: "https://bücher.example/callback"));
        var html = await consent.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, consent.StatusCode);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("xn--bcher-kva.example", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_returning_client_skips_consent_in_the_same_browser()
    {
        using var browser = server.NewBrowser();
        var (client, _) = await browser.SignInAsync();

        var again = await browser.FollowAsync(await browser.GetAsync(browser.AuthorizeUrl(client)));

        Assert.StartsWith(server.SandboxUri.ToString(), again.RequestMessage!.RequestUri!.ToString());
    }

    [Fact]
    public async Task The_database_holds_no_sentry_token_in_clear_text()
    {
        using var browser = server.NewBrowser();
        await browser.SignInAsync();
        var sandbox = server.Sandbox.Services.GetService(typeof(SentryMcp.Sandbox.OAuthSandboxState)) as SentryMcp.Sandbox.OAuthSandboxState;
        var refreshTokens = sandbox!.RefreshTokens.Keys.ToList();
        var accessTokens = sandbox.IssuedAccessTokens.Keys.ToList();
        Assert.NotEmpty(accessTokens);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var bytes = await ReadSharedAsync(server.DatabasePath);
        var text = Encoding.UTF8.GetString(bytes) + Encoding.Unicode.GetString(bytes);

        Assert.All(accessTokens.Concat(refreshTokens), token => Assert.DoesNotContain(token, text, StringComparison.Ordinal));
        Assert.DoesNotContain("sntrya_sandbox_", text, StringComparison.Ordinal);
        Assert.DoesNotContain("sntryr_sandbox_", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_stay_valid_across_a_host_restart()
    {
        using var browser = server.NewBrowser();
        var (_, tokens) = await browser.SignInAsync();

        await server.RestartAsync();

        await using var mcp = await server.ConnectWithBearerAsync(tokens.AccessToken);
        var whoami = await mcp.CallToolAsync("whoami");
        Assert.NotEqual(true, whoami.IsError);
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        var all = new List<byte>();
        foreach (var file in new[] { path, path + "-wal" }.Where(File.Exists))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer);
            all.AddRange(buffer.ToArray());
        }
        return [.. all];
    }
}
