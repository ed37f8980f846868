using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SentryMcp.Server.Auth;
using SentryMcp.Server.Storage;

namespace SentryMcp.Server.Tests.Auth;

/// <summary>RFC 7009 §2.1: revoking either token of a sign-in revokes all of it, here and at Sentry.</summary>
public sealed class RevocationTests(AuthServerFixture server) : IClassFixture<AuthServerFixture>
{
    [Fact]
    public async Task Revoking_the_refresh_token_makes_its_access_token_answer_401_on_the_very_next_request()
    {
        using var browser = server.NewBrowser();
        var (client, tokens) = await browser.SignInAsync();
        Assert.Equal(HttpStatusCode.OK, (await server.PostMcpAsync(tokens.AccessToken)).StatusCode);

        var revoke = await RevokeAsync(browser, client, tokens.RefreshToken, "refresh_token");

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        var after = await server.PostMcpAsync(tokens.AccessToken);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("invalid_token", after.Headers.WwwAuthenticate.Single().ToString());
        Assert.Equal("invalid_grant", await OAuthBrowser.ErrorOfAsync(await browser.RefreshRawAsync(client, tokens.RefreshToken)));
    }

    [Fact]
    public async Task Revoking_the_access_token_revokes_the_refresh_token_the_grant_and_the_sentry_token()
    {
        using var browser = server.NewBrowser();
        var (client, tokens) = await browser.SignInAsync();
        var (grantId, sentryToken) = await NewestGrantAsync();
        Assert.Equal(HttpStatusCode.OK, (await SentryAuthAsync(sentryToken)).StatusCode);
        var revocationsBefore = await SandboxRevocationsAsync();

        Assert.Equal(HttpStatusCode.OK, (await RevokeAsync(browser, client, tokens.AccessToken, null)).StatusCode);

        Assert.Equal("invalid_grant", await OAuthBrowser.ErrorOfAsync(await browser.RefreshRawAsync(client, tokens.RefreshToken)));
        using var scope = server.App.Services.CreateScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<GrantStore>().FindActiveAsync(grantId, CancellationToken.None));
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(0, await db.Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreToken>()
            .CountAsync(t => t.Status == "valid" && t.Application!.ClientId == client.ClientId));
        Assert.Equal(HttpStatusCode.Unauthorized, (await SentryAuthAsync(sentryToken)).StatusCode);
        Assert.Equal(revocationsBefore + 1, await SandboxRevocationsAsync());
    }

    [Fact]
    public async Task When_sentry_fails_to_revoke_its_token_the_sign_in_is_still_revoked_here()
    {
        using var browser = server.NewBrowser();
        var (client, tokens) = await browser.SignInAsync();
        await server.AddSandboxFaultAsync(new Sandbox.FaultRule(Sandbox.FaultKind.Status, "/oauth/revoke/", Count: 1, Status: 503));

        var revoke = await RevokeAsync(browser, client, tokens.RefreshToken, "refresh_token");

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.PostMcpAsync(tokens.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task Revoking_one_sign_in_leaves_the_users_other_sign_ins_working()
    {
        using var first = server.NewBrowser();
        using var second = server.NewBrowser();
        var (client, revoked) = await first.SignInAsync();
        var (_, kept) = await second.SignInAsync();

        await RevokeAsync(first, client, revoked.RefreshToken, "refresh_token");

        Assert.Equal(HttpStatusCode.Unauthorized, (await server.PostMcpAsync(revoked.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.PostMcpAsync(kept.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task Another_client_cannot_revoke_a_token_it_was_not_issued()
    {
        using var victim = server.NewBrowser();
        using var attacker = server.NewBrowser();
        var (_, tokens) = await victim.SignInAsync();
        var other = await attacker.RegisterAsync("Other client");

        await RevokeAsync(attacker, other, tokens.RefreshToken, "refresh_token");
        await RevokeAsync(attacker, other, tokens.AccessToken, "access_token");

        Assert.Equal(HttpStatusCode.OK, (await server.PostMcpAsync(tokens.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task Revocation_requests_without_a_token_are_400_and_unknown_tokens_are_200()
    {
        using var browser = server.NewBrowser();
        var client = await browser.RegisterAsync();

        var missing = await browser.Http.PostAsync(new Uri(server.BaseUri, "oauth/revoke"), new FormUrlEncodedContent([new("client_id", client.ClientId)]));
        var unknown = await RevokeAsync(browser, client, "not-a-token-of-ours", null);

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("invalid_request", await OAuthBrowser.ErrorOfAsync(missing));
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
    }

    private Task<HttpResponseMessage> RevokeAsync(OAuthBrowser browser, TestClient client, string token, string? hint) =>
        browser.Http.PostAsync(new Uri(server.BaseUri, "oauth/revoke"), new FormUrlEncodedContent(
            new Dictionary<string, string> { ["token"] = token, ["client_id"] = client.ClientId }
                .Concat(hint is null ? [] : [new KeyValuePair<string, string>("token_type_hint", hint)])));

    /// <summary>The sign-in just made (tests in a class run one at a time) and its Sentry token.</summary>
    private async Task<(string GrantId, string SentryToken)> NewestGrantAsync()
    {
        using var scope = server.App.Services.CreateScope();
        var id = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Grants.AsNoTracking()
            .OrderByDescending(g => g.CreatedAt).Select(g => g.Id).FirstAsync();
        var grant = await scope.ServiceProvider.GetRequiredService<GrantStore>().FindActiveAsync(id, CancellationToken.None);
        return (id, grant!.Sentry.AccessToken);
    }

    private async Task<HttpResponseMessage> SentryAuthAsync(string sentryToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/0/auth/");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", sentryToken);
        return await server.SandboxHttp.SendAsync(request);
    }

    private async Task<int> SandboxRevocationsAsync() =>
        (await server.SandboxHttp.GetFromJsonAsync<JsonElement>("__sandbox/oauth")).GetProperty("revocations").GetInt32();
}
