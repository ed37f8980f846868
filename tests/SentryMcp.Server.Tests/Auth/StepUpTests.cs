using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace SentryMcp.Server.Tests.Auth;

/// <summary>Scope challenges (MCP 2025-11-25 "Scope Challenge Handling") and the consent page that follows them.</summary>
public sealed class StepUpTests(AuthServerFixture server) : IClassFixture<AuthServerFixture>
{
    private const string UpdateIssue = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"update_issue\",\"arguments\":{\"organizationSlug\":\"acme\",\"issueId\":\"WEB-FRONTEND-1\",\"status\":\"resolved\"}}}";

    [Fact]
    public async Task Calling_a_tool_outside_the_grant_answers_403_insufficient_scope_with_the_scope_to_ask_for()
    {
        using var browser = server.NewBrowser();
        var (_, tokens) = await browser.SignInAsync();

        var response = await PostAsync(tokens.AccessToken, UpdateIssue);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate).ToString();
        Assert.StartsWith("Bearer error=\"insufficient_scope\"", challenge);
        Assert.Contains("scope=\"sentry:read sentry:triage\"", challenge);
        Assert.Contains($"resource_metadata=\"{new Uri(server.BaseUri, ".well-known/oauth-protected-resource/mcp")}\"", challenge);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("INSUFFICIENT_SCOPE", problem.GetProperty("code").GetString());
        using var read = new HttpRequestMessage(HttpMethod.Get, "api/0/organizations/acme/issues/WEB-FRONTEND-1/");
        read.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", SentryMcp.Sandbox.SandboxOptions.DefaultToken);
        var issue = await (await server.SandboxHttp.SendAsync(read)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual("resolved", issue.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_real_mcp_client_gets_the_403_while_tools_list_stays_filtered_and_read_tools_work()
    {
        using var browser = server.NewBrowser();
        var (_, tokens) = await browser.SignInAsync();
        await using var mcp = await server.ConnectWithBearerAsync(tokens.AccessToken);

        var tools = await mcp.ListToolsAsync();
        var whoami = await mcp.CallToolAsync("whoami");
        var error = await Assert.ThrowsAnyAsync<Exception>(async () => await mcp.CallToolAsync("update_issue",
            new Dictionary<string, object?> { ["organizationSlug"] = "acme", ["issueId"] = "WEB-FRONTEND-1", ["status"] = "resolved" }));

        Assert.DoesNotContain(tools, t => t.Name == "update_issue");
        Assert.NotEqual(true, whoami.IsError);
        Assert.Contains(Chain(error), e => e is HttpRequestException { StatusCode: HttpStatusCode.Forbidden });
    }

    [Fact]
    public async Task A_legacy_sse_message_calling_a_tool_outside_the_grant_gets_the_same_403()
    {
        using var browser = server.NewBrowser();
        var (_, tokens) = await browser.SignInAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "sse/message?sessionId=0123456789abcdef0123456789abcdef")
        {
            Content = new StringContent(UpdateIssue, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tokens.AccessToken);

        var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.StartsWith("Bearer error=\"insufficient_scope\"", Assert.Single(response.Headers.WwwAuthenticate).ToString());
    }

    [Fact]
    public async Task Unknown_tools_and_bad_bodies_are_not_scope_challenges()
    {
        using var browser = server.NewBrowser();
        var (_, tokens) = await browser.SignInAsync();

        var unknown = await PostAsync(tokens.AccessToken, UpdateIssue.Replace("update_issue", "no_such_tool", StringComparison.Ordinal));
        var malformed = await PostAsync(tokens.AccessToken, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":");
        var nameNotString = await PostAsync(tokens.AccessToken, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":42}}");

        foreach (var response in new[] { unknown, malformed, nameNotString })
        {
            Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.True((int)response.StatusCode < 500, $"HTTP {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task After_the_challenge_the_consent_page_shows_only_the_extra_group_as_new_and_the_new_token_runs_the_tool()
    {
        using var browser = server.NewBrowser();
        var (client, first) = await browser.SignInAsync();
        var challenge = (await PostAsync(first.AccessToken, UpdateIssue)).Headers.WwwAuthenticate.Single().ToString();
        var scope = System.Text.RegularExpressions.Regex.Match(challenge, "scope=\"([^\"]*)\"").Groups[1].Value;

        var consent = await browser.FollowAsync(await browser.GetAsync(browser.AuthorizeUrl(client, scope: scope)));
        var html = await consent.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, consent.StatusCode);
        Assert.StartsWith(server.BaseUri.ToString(), consent.RequestMessage!.RequestUri!.ToString());
        Assert.Contains("data-testid=\"new-IssueTriage\"", html);
        Assert.Contains("data-testid=\"step-up\"", html);
        Assert.DoesNotContain("data-testid=\"new-Seer\"", html);
        Assert.DoesNotContain("data-testid=\"new-ProjectManagement\"", html);
        Assert.Matches("value=\"IssueTriage\" checked", html);

        var signIn = await browser.FollowAsync(await browser.SubmitFormAsync(consent, ("decision", "approve"), ("group", "IssueTriage")));
        var result = OAuthBrowser.RedirectParameters(await browser.FollowAsync(await browser.SubmitFormAsync(signIn, ("decision", "allow"))));
        var second = await browser.ExchangeCodeAsync(client, result["code"]);
        await using var mcp = await server.ConnectWithBearerAsync(second.AccessToken);
        var call = await mcp.CallToolAsync("update_issue",
            new Dictionary<string, object?> { ["organizationSlug"] = "acme", ["issueId"] = "API-BACKEND-2", ["status"] = "resolved" });

        Assert.Equal(["offline_access", "sentry:read", "sentry:triage"], second.Raw.GetProperty("scope").GetString()!.Split(' ').Order());
        Assert.NotEqual(true, call.IsError);

        var third = await browser.FollowAsync(await browser.GetAsync(browser.AuthorizeUrl(client, scope: scope)));
        Assert.StartsWith(server.SandboxUri.ToString(), third.RequestMessage!.RequestUri!.ToString());
    }

    private async Task<HttpResponseMessage> PostAsync(string accessToken, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "mcp") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Add("MCP-Protocol-Version", "2025-06-18");
        return await server.Http.SendAsync(request);
    }

    private static IEnumerable<Exception> Chain(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            yield return error;
        }
    }
}
