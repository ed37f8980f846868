using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SentryMcp.Server.Tests.Chat;

public sealed class ChatSignInTests(ChatFixture server) : IClassFixture<ChatFixture>
{
    [Fact]
    public async Task Signing_in_asks_for_write_groups_then_sets_an_http_only_session_cookie_and_returns_to_the_page()
    {
        using var browser = server.NewChatBrowser();

        var consent = await browser.FollowAsync(await browser.Http.GetAsync("api/auth/login?returnTo=/chats/1&mode=page"));
        Assert.Equal(HttpStatusCode.OK, consent.StatusCode);
        Assert.Contains("Sentry MCP Chat", await consent.Content.ReadAsStringAsync());
        var final = await browser.SignInAsync();

        Assert.Equal(HttpStatusCode.Redirect, final.StatusCode);
        Assert.Equal("/chats/1", final.Headers.Location!.OriginalString);
        var cookie = browser.Cookies[Server.Chat.SignIn.SessionCookie.LocalName]!;
        Assert.True(cookie.HttpOnly);
        var status = await browser.Http.GetFromJsonAsync<JsonElement>("api/auth/status");
        Assert.True(status.GetProperty("authenticated").GetBoolean());
        Assert.Equal("Jane Doe", status.GetProperty("user").GetProperty("name").GetString());
        Assert.Equal("jane@acme.example", status.GetProperty("user").GetProperty("email").GetString());
        Assert.Equal(["IssueTriage", "Read"], status.GetProperty("groups").EnumerateArray().Select(g => g.GetString()!).Order());
    }

    [Fact]
    public async Task Read_access_is_pre_approved_so_the_consent_page_is_skipped()
    {
        using var browser = server.NewChatBrowser();

        var page = await browser.FollowAsync(await browser.Http.GetAsync("api/auth/login?access=read"));

        Assert.Equal(server.SandboxUri.Authority, page.RequestMessage!.RequestUri!.Authority);
        await browser.SignInAsync("access=read");
        var status = await browser.Http.GetFromJsonAsync<JsonElement>("api/auth/status");
        Assert.Equal(["Read"], status.GetProperty("groups").EnumerateArray().Select(g => g.GetString()!));
    }

    [Fact]
    public async Task Popup_sign_in_ends_on_a_script_free_page_that_posts_the_result_to_the_opener()
    {
        using var browser = server.NewChatBrowser();

        var page = await browser.SignInAsync("mode=popup");
        var html = await page.Content.ReadAsStringAsync();
        var script = await browser.Http.GetStringAsync("api/auth/popup.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-ok=\"true\"", html);
        Assert.Contains("<script src=\"/api/auth/popup.js\"", html);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("postMessage(message, location.origin)", script);
        Assert.Contains("sentry-mcp-auth", script);
    }

    [Fact]
    public async Task A_denied_sign_in_returns_to_the_app_with_an_error_code_and_no_session()
    {
        using var browser = server.NewChatBrowser();

        var final = await browser.SignInAsync(sentryDecision: "deny");

        Assert.Equal(HttpStatusCode.Redirect, final.StatusCode);
        Assert.Equal("/?authError=access_denied", final.Headers.Location!.OriginalString);
        Assert.Null(browser.Cookies[Server.Chat.SignIn.SessionCookie.LocalName]);
    }

    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task Return_paths_off_the_site_fall_back_to_the_root(string returnTo)
    {
        using var browser = server.NewChatBrowser();

        var final = await browser.SignInAsync("returnTo=" + Uri.EscapeDataString(returnTo));

        Assert.Equal("/", final.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_callback_without_the_browser_that_started_the_sign_in_is_refused()
    {
        using var browser = server.NewChatBrowser();

        var response = await browser.Http.GetAsync("api/auth/callback?code=abc&state=forged");

        Assert.Equal("/?authError=invalid_state", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Logout_revokes_the_sign_in_and_clears_the_cookie()
    {
        using var browser = await server.SignedInAsync();
        var session = await ChatTestData.SessionOfAsync(server, browser);

        var foreign = new HttpRequestMessage(HttpMethod.Post, "api/auth/logout");
        foreign.Headers.Add("Origin", "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.Http.SendAsync(foreign)).StatusCode);
        var logout = await browser.PostJsonAsync("api/auth/logout", new { });

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        var status = await browser.Http.GetFromJsonAsync<JsonElement>("api/auth/status");
        Assert.False(status.GetProperty("authenticated").GetBoolean());
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(server.App.Services);
        var grants = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<SentryMcp.Server.Auth.GrantStore>(scope.ServiceProvider);
        Assert.Null(await grants.FindActiveAsync(session.GrantId, CancellationToken.None));
    }

    [Theory]
    [InlineData("text/plain", null, null, 415, "UNSUPPORTED_MEDIA_TYPE")]
    [InlineData("application/x-www-form-urlencoded", null, null, 415, "UNSUPPORTED_MEDIA_TYPE")]
    [InlineData(null, null, null, 415, "UNSUPPORTED_MEDIA_TYPE")]
    [InlineData("text/plain", "http://127.0.0.1:1", "same-site", 403, "FORBIDDEN_ORIGIN")]
    [InlineData("application/json", "http://127.0.0.1:1", "same-site", 403, "FORBIDDEN_ORIGIN")]
    [InlineData("application/json", null, "cross-site", 403, "FORBIDDEN_ORIGIN")]
    public async Task A_logout_another_page_could_send_without_a_preflight_keeps_the_session(string? contentType, string? origin, string? fetchSite, int status, string code)
    {
        using var browser = await server.SignedInAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "api/auth/logout")
        {
            Content = contentType is null ? null : new StringContent("{}", System.Text.Encoding.UTF8, contentType),
        };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        var response = await browser.Http.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var after = await browser.Http.GetFromJsonAsync<JsonElement>("api/auth/status");
        Assert.True(after.GetProperty("authenticated").GetBoolean(), "the session ended");
    }

    [Fact]
    public async Task Signing_out_everywhere_from_a_browser_whose_session_ended_says_so_and_revokes_nothing()
    {
        using var ended = await server.SignedInAsync();
        using var mcpClient = server.NewBrowser();
        var (_, tokens) = await mcpClient.SignInAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await ended.Http.PostAsJsonAsync("api/auth/logout", new { })).StatusCode);

        var response = await ended.Http.PostAsJsonAsync("api/auth/logout?everywhere=true", new { });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("AUTH_EXPIRED", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await server.PostMcpAsync(tokens.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task Signing_out_everywhere_revokes_every_sign_in_of_the_user_in_the_chat_and_in_mcp_clients()
    {
        using var here = await server.SignedInAsync();
        using var elsewhere = await server.SignedInAsync();
        using var mcpClient = server.NewBrowser();
        var (client, tokens) = await mcpClient.SignInAsync();
        Assert.Equal(HttpStatusCode.OK, (await server.PostMcpAsync(tokens.AccessToken)).StatusCode);

        // Logout takes JSON like every cookie-authenticated POST; the flag itself is what is wrong here.
        var malformed = await here.Http.PostAsJsonAsync("api/auth/logout?everywhere=maybe", new { });
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await server.PostMcpAsync(tokens.AccessToken)).StatusCode);

        var logout = await here.Http.PostAsJsonAsync("api/auth/logout?everywhere=true", new { });

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.PostMcpAsync(tokens.AccessToken)).StatusCode);
        Assert.Equal("invalid_grant", await SentryMcp.Server.Tests.Auth.OAuthBrowser.ErrorOfAsync(await mcpClient.RefreshRawAsync(client, tokens.RefreshToken)));
        foreach (var browser in new[] { here, elsewhere })
        {
            var status = await browser.Http.GetFromJsonAsync<JsonElement>("api/auth/status");
            Assert.False(status.GetProperty("authenticated").GetBoolean());
        }
    }

    [Fact]
    public async Task Routes_without_a_session_answer_MISSING_AUTH_TOKEN()
    {
        using var browser = server.NewChatBrowser();

        foreach (var response in new[]
        {
            await browser.Http.GetAsync("api/metadata"),
            await browser.PostJsonAsync("api/chat", ChatTestData.Body(ChatTestData.User("hi"))),
            await browser.PostJsonAsync("api/tools/whoami", new { arguments = new { } }),
        })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("MISSING_AUTH_TOKEN", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task An_expired_access_token_is_refreshed_transparently()
    {
        using var browser = await server.SignedInAsync();
        var before = await ChatTestData.SessionOfAsync(server, browser);
        await ChatTestData.ExpireAccessTokenAsync(server, browser);

        var metadata = await browser.Http.GetAsync("api/metadata");

        Assert.Equal(HttpStatusCode.OK, metadata.StatusCode);
        var after = await ChatTestData.SessionOfAsync(server, browser);
        Assert.NotEqual(before.ProtectedRefreshToken, after.ProtectedRefreshToken);
        Assert.True(after.AccessTokenExpiresAt > DateTimeOffset.UtcNow.AddMinutes(5));
    }

    [Fact]
    public async Task A_revoked_grant_answers_AUTH_EXPIRED_whether_found_at_refresh_or_by_the_MCP_server()
    {
        using var refreshing = await server.SignedInAsync();
        using var calling = await server.SignedInAsync();
        await ChatTestData.RevokeGrantAsync(server, refreshing);
        await ChatTestData.ExpireAccessTokenAsync(server, refreshing);
        await ChatTestData.RevokeGrantAsync(server, calling);

        foreach (var browser in new[] { refreshing, calling })
        {
            var response = await browser.Http.GetAsync("api/metadata");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("AUTH_EXPIRED", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
            var status = await browser.Http.GetFromJsonAsync<JsonElement>("api/auth/status");
            Assert.False(status.GetProperty("authenticated").GetBoolean());
        }
    }
}
