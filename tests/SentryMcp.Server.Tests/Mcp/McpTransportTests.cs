using System.Net.Http.Json;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SentryMcp.Sandbox;
using SentryMcp.TestDoubles;

namespace SentryMcp.Server.Tests.Mcp;

public sealed class McpTransportTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData(HttpTransportMode.StreamableHttp, "mcp")]
    [InlineData(HttpTransportMode.Sse, "sse")]
    public async Task A_sentry_token_lists_and_calls_tools(HttpTransportMode mode, string path)
    {
        await using var client = await server.ConnectAsync(path, mode);

        var tools = await client.ListToolsAsync();
        var result = await client.CallToolAsync("whoami");

        Assert.Contains(tools, t => t.Name == "find_organizations");
        Assert.NotEqual(true, result.IsError);
        Assert.Contains("Jane Doe", ((TextContentBlock)result.Content[0]).Text);
    }

    [Theory]
    [InlineData(HttpTransportMode.StreamableHttp, "mcp/acme")]
    [InlineData(HttpTransportMode.Sse, "sse/acme")]
    public async Task An_organization_scoped_url_pins_the_organization_and_hides_find_organizations(HttpTransportMode mode, string path)
    {
        await using var client = await server.ConnectAsync(path, mode);

        var tools = await client.ListToolsAsync();
        var whoami = await client.CallToolAsync("whoami");

        Assert.DoesNotContain(tools, t => t.Name == "find_organizations");
        Assert.All(tools, t => Assert.DoesNotContain("\"organizationSlug\"", JsonSerializer.Serialize(t.JsonSchema)));
        Assert.Contains("**Organization**: acme", ((TextContentBlock)whoami.Content[0]).Text);
    }

    [Theory]
    [InlineData("mcp/no-such-org", 404, "NOT_FOUND")]
    [InlineData("mcp/acme/no-such-project", 404, "NOT_FOUND")]
    [InlineData("sse/no-such-org", 404, "NOT_FOUND")]
    [InlineData("mcp/bad%20slug", 400, "INVALID_SLUG")]
    public async Task Scoped_urls_are_checked_before_serving(string path, int status, string code)
    {
        var response = await PostInitializeAsync(path, SandboxOptions.DefaultToken);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"code\":\"{code}\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_scoped_url_the_caller_cannot_access_is_403()
    {
        var response = await PostInitializeAsync("mcp/acme", SandboxOptions.NoScopeToken);

        Assert.Equal(403, (int)response.StatusCode);
    }

    [Theory]
    [InlineData("mcp", null)]
    [InlineData("mcp", "Sentry-Bearer sntryu_wrong")]
    [InlineData("mcp", "Bearer not-a-token-of-ours")]
    [InlineData("mcp/acme", null)]
    [InlineData("sse", null)]
    public async Task Missing_or_invalid_credentials_get_401_with_one_resource_metadata(string path, string? authorization)
    {
        using var request = new HttpRequestMessage(path.StartsWith("sse", StringComparison.Ordinal) ? HttpMethod.Get : HttpMethod.Post, path);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        request.Content = path.StartsWith("sse", StringComparison.Ordinal) ? null : new StringContent("{}", System.Text.Encoding.UTF8, "application/json");

        var response = await server.Http.SendAsync(request);

        Assert.Equal(401, (int)response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate).ToString();
        // RFC 6750 3.1: no error code without credentials; invalid_token for a credential we rejected.
        if (authorization is null)
        {
            Assert.DoesNotContain("error=", challenge);
        }
        else
        {
            Assert.StartsWith("Bearer error=\"invalid_token\"", challenge);
        }
        Assert.Contains("scope=\"sentry:read\"", challenge);
        var code = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
        Assert.Equal(authorization is null ? "MISSING_AUTH_TOKEN" : "INVALID_TOKEN", code);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(challenge, "resource_metadata="));
        var expectedPath = "/.well-known/oauth-protected-resource/" + (path.StartsWith("sse", StringComparison.Ordinal) ? "mcp" + path[3..] : path);
        Assert.Contains($"resource_metadata=\"{new Uri(server.BaseUri, expectedPath)}\"", challenge);
    }

    [Fact]
    public async Task Closing_an_sse_stream_removes_its_session()
    {
        var sessions = server.App.Services.GetService(typeof(SentryMcp.Server.Mcp.SseSessions)) as SentryMcp.Server.Mcp.SseSessions;
        var before = sessions!.Count;
        var client = await server.ConnectAsync("sse", HttpTransportMode.Sse);
        await client.CallToolAsync("whoami");
        Assert.Equal(before + 1, sessions.Count);

        await client.DisposeAsync();

        await Eventually.UntilAsync(() => sessions.Count == before, describe: () => $"{sessions.Count} SSE sessions open, {before} expected after the stream closed");
    }

    [Fact]
    public async Task Posting_to_an_unknown_sse_session_is_404()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "sse/message?sessionId=deadbeef");
        request.Headers.TryAddWithoutValidation("Authorization", "Sentry-Bearer " + SandboxOptions.DefaultToken);
        request.Content = new StringContent("{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"id\":1}", System.Text.Encoding.UTF8, "application/json");

        var response = await server.Http.SendAsync(request);

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Contains("SESSION_NOT_FOUND", await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> PostInitializeAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(path.StartsWith("sse", StringComparison.Ordinal) ? HttpMethod.Get : HttpMethod.Post, path);
        request.Headers.TryAddWithoutValidation("Authorization", "Sentry-Bearer " + token);
        request.Headers.TryAddWithoutValidation("Accept", "application/json, text/event-stream");
        if (request.Method == HttpMethod.Post)
        {
            request.Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""", System.Text.Encoding.UTF8, "application/json");
        }
        return await server.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }
}
