using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SentryMcp.Server.Tests.Auth;

/// <summary>Skills as a signed-in user meets them: consent wording, and <c>?skills=</c> never widening a grant.</summary>
public sealed class SkillGrantTests(AuthServerFixture server) : IClassFixture<AuthServerFixture>
{
    [Fact]
    public async Task The_consent_page_names_each_permission_as_its_skill()
    {
        using var browser = server.NewBrowser();
        var client = await browser.RegisterAsync();

        var page = await browser.FollowAsync(await browser.GetAsync(browser.AuthorizeUrl(client, scope: "sentry:read sentry:triage")));
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Inspect Issues & Events", html);
        Assert.Contains("Triage Issues", html);
        Assert.Contains("Manage Projects & Teams", html);
        Assert.Contains("Seer", html);
        Assert.Contains("billed by Sentry", html);
        // The form still posts permission groups; the scopes behind them are unchanged.
        Assert.Contains("value=\"IssueTriage\" checked", html);
    }

    [Fact]
    public async Task Skills_in_the_url_narrow_a_grant_but_never_widen_it()
    {
        using var browser = server.NewBrowser();
        var (_, tokens) = await browser.SignInAsync();
        await using var narrowed = await server.ConnectWithBearerAsync(tokens.AccessToken, "mcp?skills=inspect,triage,project-management");

        var tools = (await narrowed.ListToolsAsync()).Select(t => t.Name).ToHashSet();
        var refused = await server.PostMcpAsync(tokens.AccessToken, "mcp?skills=triage");

        Assert.Contains("search_issues", tools);
        Assert.DoesNotContain("update_issue", tools);
        Assert.DoesNotContain("create_team", tools);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("SKILLS_NOT_GRANTED", problem.GetProperty("code").GetString());
        Assert.Contains("it has inspect.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_tool_outside_the_grant_names_the_skill_to_grant_beside_its_scope()
    {
        using var browser = server.NewBrowser();
        var (_, tokens) = await browser.SignInAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "mcp")
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"create_team","arguments":{"organizationSlug":"acme","name":"x"}}}""",
                System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", tokens.AccessToken);
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");

        var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Contains("needs the \"Manage Projects & Teams\" permission ('sentry:project')", detail);
    }
}
