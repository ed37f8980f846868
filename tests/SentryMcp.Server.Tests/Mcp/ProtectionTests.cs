using System.Net;
using System.Text;
using SentryMcp.Sandbox;

namespace SentryMcp.Server.Tests.Mcp;

public sealed class RateLimitedServerFixture : ServerFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:PerUserPerMinute"] = "5",
        ["RateLimits:PerIpPerMinute"] = "1000",
    };
}

public sealed class RateLimitTests(RateLimitedServerFixture server) : IClassFixture<RateLimitedServerFixture>
{
    [Fact]
    public async Task The_per_user_limit_answers_429_with_retry_after_and_a_problem_code()
    {
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 10 && refused is null; i++)
        {
            var response = await ProtectionTests.PostJsonRpcAsync(server.Http, "mcp", """{"jsonrpc":"2.0","id":1,"method":"ping"}""");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
        }

        Assert.NotNull(refused);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("\"code\":\"RATE_LIMIT_EXCEEDED\"", await refused.Content.ReadAsStringAsync());
    }
}

public sealed class ProtectionTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    internal static async Task<HttpResponseMessage> PostJsonRpcAsync(HttpClient http, string path, string body, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Sentry-Bearer " + SandboxOptions.DefaultToken);
        request.Headers.TryAddWithoutValidation("Accept", "application/json, text/event-stream");
        configure?.Invoke(request);
        return await http.SendAsync(request);
    }

    [Fact]
    public async Task A_foreign_origin_is_refused()
    {
        var response = await PostJsonRpcAsync(server.Http, "mcp", """{"jsonrpc":"2.0","id":1,"method":"ping"}""",
            r => r.Headers.TryAddWithoutValidation("Origin", "https://evil.example"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("FORBIDDEN_ORIGIN", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_rebinding_host_header_is_refused()
    {
        var response = await PostJsonRpcAsync(server.Http, "mcp", """{"jsonrpc":"2.0","id":1,"method":"ping"}""",
            r => r.Headers.Host = "attacker.example");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("INVALID_HOST", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_oversized_message_is_413()
    {
        var body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"x\":\"" + new string('a', 2 * 1024 * 1024) + "\"}}";

        var response = await PostJsonRpcAsync(server.Http, "mcp", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("REQUEST_TOO_LARGE", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"no_such_tool\"}}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"find_organizations\",\"arguments\":{\"query\":[1,2]}}}")]
    public async Task Malformed_json_rpc_gets_an_error_never_a_500(string body)
    {
        var response = await PostJsonRpcAsync(server.Http, "mcp", body);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}: {text}");
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest || text.Contains("\"error\"") || text.Contains("\"isError\":true"), text);
    }

    [Fact]
    public async Task Well_known_metadata_allows_cors_but_mcp_does_not()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Get, ".well-known/oauth-protected-resource/mcp");
        preflight.Headers.TryAddWithoutValidation("Origin", "https://inspector.example");
        var wellKnown = await server.Http.SendAsync(preflight);

        var mcp = await PostJsonRpcAsync(server.Http, "mcp", """{"jsonrpc":"2.0","id":1,"method":"ping"}""");

        Assert.Equal("*", wellKnown.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(mcp.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Contains($"\"resource\":\"{server.BaseUri}mcp\"", await wellKnown.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("healthz", "\"status\":\"ok\"")]
    [InlineData("readyz", "\"sentry\":\"reachable\"")]
    [InlineData("robots.txt", "Disallow: /api/")]
    [InlineData("llms.txt", "/mcp")]
    [InlineData("mcp.json", "\"transport\":\"streamable-http\"")]
    public async Task Public_documents_and_probes_answer(string path, string expected)
    {
        var response = await server.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("api/no/such/route")]
    [InlineData("oauth/no-such-endpoint")]
    [InlineData(".well-known/no-such-document")]
    public async Task Unknown_api_routes_are_problem_details_not_the_web_app(string path)
    {
        var response = await server.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class OAuthCorsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData("oauth/token")]
    [InlineData("oauth/register")]
    [InlineData("oauth/revoke")]
    public async Task Cookie_free_oauth_endpoints_answer_browser_preflights_from_any_origin(string path)
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, path);
        preflight.Headers.TryAddWithoutValidation("Origin", "https://inspector.example");
        preflight.Headers.TryAddWithoutValidation("Access-Control-Request-Method", "POST");
        preflight.Headers.TryAddWithoutValidation("Access-Control-Request-Headers", "content-type");

        var response = await server.Http.SendAsync(preflight);

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task A_cross_origin_token_request_gets_an_oauth_error_not_an_origin_refusal()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "oauth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["client_id"] = "nope", ["code"] = "x" }),
        };
        request.Headers.TryAddWithoutValidation("Origin", "https://inspector.example");

        var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"error\"", await response.Content.ReadAsStringAsync());
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task The_authorize_endpoint_keeps_refusing_foreign_origins()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "oauth/authorize");
        request.Headers.TryAddWithoutValidation("Origin", "https://evil.example");

        var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
