using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SentryMcp.Server.Tests.Chat;

public sealed class ChatMetadataTests(ChatFixture fixture) : SignedInChatTest<ChatFixture>(fixture), IClassFixture<ChatFixture>
{

    [Fact]
    public async Task Metadata_lists_tools_with_schemas_and_read_only_flags_and_prompts_with_arguments()
    {
        var response = await Browser.Http.GetAsync("api/metadata");
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.Private);
        Assert.Equal(TimeSpan.FromSeconds(60), response.Headers.CacheControl.MaxAge);
        var tools = json.GetProperty("tools").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        Assert.True(tools["whoami"].GetProperty("readOnly").GetBoolean());
        Assert.False(tools["update_issue"].GetProperty("readOnly").GetBoolean());
        Assert.Equal("object", tools["search_issues"].GetProperty("inputSchema").GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(tools["search_issues"].GetProperty("description").GetString()));
        Assert.DoesNotContain("create_project", tools.Keys);
        var prompt = json.GetProperty("prompts").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "find_errors_in_file");
        Assert.Contains(prompt.GetProperty("arguments").EnumerateArray(), a => a.GetProperty("name").GetString() == "filename" && a.GetProperty("required").GetBoolean());
    }

    [Fact]
    public async Task Metadata_answers_304_when_the_ETag_still_matches()
    {
        var first = await Browser.Http.GetAsync("api/metadata");
        var etag = first.Headers.ETag!;
        using var again = new HttpRequestMessage(HttpMethod.Get, "api/metadata");
        again.Headers.IfNoneMatch.Add(etag);

        var second = await Browser.Http.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(etag, second.Headers.ETag);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_tool_runner_runs_read_only_tools_and_asks_for_confirmation_for_writes()
    {
        var whoami = await Browser.PostJsonAsync("api/tools/whoami", new { arguments = new { } });
        var unconfirmed = await Browser.PostJsonAsync("api/tools/update_issue", new { arguments = new { organizationSlug = "acme", issueId = "MOBILE-APP-1", status = "resolved" } });
        var confirmed = await Browser.PostJsonAsync("api/tools/update_issue", new { arguments = new { organizationSlug = "acme", issueId = "MOBILE-APP-1", status = "resolved" }, confirm = true });

        Assert.Equal(HttpStatusCode.OK, whoami.StatusCode);
        var result = await whoami.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(result.GetProperty("isError").GetBoolean());
        Assert.Equal("text", result.GetProperty("content")[0].GetProperty("type").GetString());
        Assert.Contains("Jane Doe", result.GetProperty("content")[0].GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.Conflict, unconfirmed.StatusCode);
        Assert.Equal("APPROVAL_REQUIRED", (await unconfirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var written = await confirmed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(written.GetProperty("isError").GetBoolean(), written.GetRawText());
    }

    [Fact]
    public async Task The_tool_runner_reports_unknown_tools_bad_bodies_and_tool_errors()
    {
        var unknown = await Browser.PostJsonAsync("api/tools/no_such_tool", new { arguments = new { } });
        var badBody = await Browser.PostRawAsync("api/tools/whoami", "{\"arguments\":[1,2]}");
        var notFound = await Browser.PostJsonAsync("api/tools/get_issue_details", new { arguments = new { organizationSlug = "acme", issueId = "NOPE-999" } });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("UNKNOWN_TOOL", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badBody.StatusCode);
        Assert.Equal("INVALID_REQUEST", (await badBody.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.True((await notFound.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isError").GetBoolean());
    }

    [Fact]
    public async Task Prompts_expand_through_MCP_and_missing_arguments_are_named()
    {
        var expanded = await Browser.PostJsonAsync("api/prompts/find_errors_in_file", new { arguments = new { organizationSlug = "acme", filename = "checkout.ts" } });
        var missing = await Browser.PostJsonAsync("api/prompts/find_errors_in_file", new { arguments = new { organizationSlug = "acme" } });

        var messages = (await expanded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("messages");
        Assert.Equal("user", messages[0].GetProperty("role").GetString());
        Assert.Contains("checkout.ts", messages[0].GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var problem = await missing.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("INVALID_PROMPT_ARGUMENTS", problem.GetProperty("code").GetString());
        Assert.Contains("filename", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Config_is_public_and_names_the_endpoints_and_model()
    {
        var config = await Server.Http.GetFromJsonAsync<JsonElement>("api/config");

        Assert.Equal(new Uri(Server.BaseUri, "mcp").ToString(), config.GetProperty("mcpUrl").GetString());
        Assert.Equal(new Uri(Server.BaseUri, "sse").ToString(), config.GetProperty("sseUrl").GetString());
        Assert.True(config.GetProperty("llmConfigured").GetBoolean());
        Assert.Equal("gpt-4o", config.GetProperty("model").GetString());
        Assert.False(config.GetProperty("sandbox").GetBoolean());
        Assert.False(string.IsNullOrEmpty(config.GetProperty("version").GetString()));
    }

    [Fact]
    public async Task The_MCP_connection_is_reused_across_requests_of_a_session()
    {
        var connections = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Server.Chat.McpConnection.McpConnections>(Server.App.Services);
        using var fresh = await Server.SignedInAsync();
        var before = connections.Count;

        await fresh.Http.GetAsync("api/metadata");
        await fresh.PostJsonAsync("api/tools/whoami", new { arguments = new { } });
        await fresh.Http.GetAsync("api/metadata");

        Assert.Equal(before + 1, connections.Count);
        await fresh.PostJsonAsync("api/auth/logout", new { });
        Assert.Equal(before, connections.Count);
    }
}
