using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using SentryMcp.Core.Tools;

namespace SentryMcp.Server.Tests.Auth;

public sealed class TokenLifecycleTests(AuthServerFixture server) : IClassFixture<AuthServerFixture>
{
    [Fact]
    public async Task Refresh_rotates_the_token_keeps_the_old_one_for_the_grace_period_and_a_later_replay_revokes_the_chain()
    {
        using var browser = server.NewBrowser();
        var (client, first) = await browser.SignInAsync();

        var second = await OAuthBrowser.ReadTokensAsync(await browser.RefreshRawAsync(client, first.RefreshToken));
        var withinGrace = await browser.RefreshRawAsync(client, first.RefreshToken);
        server.Clock.Advance(TimeSpan.FromMinutes(6));
        var afterGrace = await browser.RefreshRawAsync(client, first.RefreshToken);
        var newest = await browser.RefreshRawAsync(client, second.RefreshToken);

        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.True(withinGrace.IsSuccessStatusCode, await withinGrace.Content.ReadAsStringAsync());
        Assert.Equal("invalid_grant", await OAuthBrowser.ErrorOfAsync(afterGrace));
        Assert.Equal("invalid_grant", await OAuthBrowser.ErrorOfAsync(newest));
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.PostMcpAsync(second.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task A_refreshed_access_token_works_on_mcp()
    {
        using var browser = server.NewBrowser();
        var (client, first) = await browser.SignInAsync();

        var second = await OAuthBrowser.ReadTokensAsync(await browser.RefreshRawAsync(client, first.RefreshToken));

        await using var mcp = await server.ConnectWithBearerAsync(second.AccessToken);
        Assert.NotEqual(true, (await mcp.CallToolAsync("whoami")).IsError);
    }

    [Fact]
    public async Task A_revoked_access_token_gets_401()
    {
        using var browser = server.NewBrowser();
        var (client, tokens) = await browser.SignInAsync();
        Assert.Equal(HttpStatusCode.OK, (await server.PostMcpAsync(tokens.AccessToken)).StatusCode);

        var revoke = await browser.Http.PostAsync(new Uri(server.BaseUri, "oauth/revoke"), new FormUrlEncodedContent(
        [
            new KeyValuePair<string, string>("token", tokens.AccessToken),
            new KeyValuePair<string, string>("token_type_hint", "access_token"),
            new KeyValuePair<string, string>("client_id", client.ClientId),
        ]));

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        var after = await server.PostMcpAsync(tokens.AccessToken);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        var challenge = after.Headers.WwwAuthenticate.Single().ToString();
        Assert.StartsWith("Bearer error=\"invalid_token\"", challenge);
        Assert.Contains("resource_metadata=", challenge);
        Assert.Equal("INVALID_TOKEN", (await after.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task When_sentry_rejects_the_token_during_a_tool_call_the_grant_is_revoked()
    {
        using var browser = server.NewBrowser();
        var (_, tokens) = await browser.SignInAsync();
        await using var mcp = await server.ConnectWithBearerAsync(tokens.AccessToken);

        (await server.SandboxHttp.DeleteAsync("__sandbox/oauth/tokens")).EnsureSuccessStatusCode();
        var call = await mcp.CallToolAsync("whoami");

        Assert.True(call.IsError);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.PostMcpAsync(tokens.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task An_expired_sentry_token_is_refreshed_once_for_concurrent_requests()
    {
        using var browser = server.NewBrowser();
        (await server.SandboxHttp.PostAsync("__sandbox/oauth/lifetime?seconds=30", null)).EnsureSuccessStatusCode();
        var (_, tokens) = await browser.SignInAsync();
        (await server.SandboxHttp.PostAsync("__sandbox/oauth/lifetime?seconds=28800", null)).EnsureSuccessStatusCode();
        var before = await server.SandboxTokenRequestsAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => server.PostMcpAsync(tokens.AccessToken)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(before + 1, await server.SandboxTokenRequestsAsync());
    }

    [Fact]
    public async Task A_read_only_grant_sees_and_runs_only_read_tools()
    {
        using var browser = server.NewBrowser();
        var (_, tokens) = await browser.SignInAsync();
        var catalog = server.App.Services.GetRequiredService<SentryToolCatalog>();
        await using var mcp = await server.ConnectWithBearerAsync(tokens.AccessToken);

        var tools = await mcp.ListToolsAsync();

        // A read-only grant enables the skills of the Read group: its direct tools are listed, the rest
        // of them only through the gateway, and nothing of another group is reachable at all.
        var readSkills = SentrySkills.OfGroups([PermissionGroup.Read]);
        var available = catalog.All.Where(t => t.Skills.Overlaps(readSkills)).ToList();
        var expected = available.Where(t => t.IsDirect).Select(t => t.Name).Concat(ToolSurfaces.Gateway).Order(StringComparer.Ordinal);
        Assert.Equal(expected, tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        foreach (var write in catalog.All.Where(t => !t.Skills.Overlaps(readSkills)))
        {
            Assert.NotEqual(PermissionGroup.Read, write.Group);
            await Assert.ThrowsAnyAsync<Exception>(async () => await mcp.CallToolAsync(write.Name));
        }
    }

    [Fact]
    public async Task A_token_for_an_organization_works_only_under_that_organization()
    {
        using var browser = server.NewBrowser();
        var (_, tokens) = await browser.SignInAsync(new Uri(server.BaseUri, "mcp/acme").ToString());

        Assert.Equal(HttpStatusCode.OK, (await server.PostMcpAsync(tokens.AccessToken, "mcp/acme")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.PostMcpAsync(tokens.AccessToken, "mcp")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.PostMcpAsync(tokens.AccessToken, "mcp/acme-labs")).StatusCode);
        await using var mcp = await server.ConnectWithBearerAsync(tokens.AccessToken, "mcp/acme");
        var whoami = await mcp.CallToolAsync("whoami");
        Assert.Contains("**Organization**: acme", ((TextContentBlock)whoami.Content[0]).Text);
    }
}
