using System.Net;
using System.Text.Json;
using SentryMcp.Sandbox;

namespace SentryMcp.Server.Tests.Mcp;

/// <summary>
/// What clients see on the MCP, OAuth, API and discovery paths for methods and paths that are not
/// served: a status the transport specification names and a ProblemDetails body with a code, never the
/// UI's index.html or a text/plain status page, whatever the Accept header asks for.
/// </summary>
public sealed class ReservedPathTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    public static TheoryData<string, string> StatelessMethods => new()
    {
        { "GET", "mcp" }, { "GET", "mcp/acme" }, { "GET", "mcp/acme/api-backend" },
        { "DELETE", "mcp" }, { "DELETE", "mcp/acme" }, { "DELETE", "mcp/acme/api-backend" },
    };

    [Theory]
    [MemberData(nameof(StatelessMethods))]
    public async Task Get_and_delete_on_the_stateless_mcp_endpoint_answer_405_allow_post(string method, string path)
    {
        var response = await SendAsync(method, path, "Sentry-Bearer " + SandboxOptions.DefaultToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        Assert.Equal("METHOD_NOT_ALLOWED", await ProblemCodeAsync(response));
    }

    [Theory]
    [MemberData(nameof(StatelessMethods))]
    public async Task Get_and_delete_without_valid_credentials_get_the_401_challenge_first(string method, string path)
    {
        foreach (var authorization in new[] { null, "Bearer not-a-token-of-ours", "Sentry-Bearer sntryu_wrong" })
        {
            var response = await SendAsync(method, path, authorization);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("resource_metadata=", Assert.Single(response.Headers.WwwAuthenticate).ToString());
            Assert.NotNull(await ProblemCodeAsync(response));
        }
    }

    [Fact]
    public async Task Head_on_the_mcp_endpoint_is_405_not_the_web_ui()
    {
        var response = await SendAsync("HEAD", "mcp", "Sentry-Bearer " + SandboxOptions.DefaultToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("GET", "mcp/acme/api-backend/extra", 404)]
    [InlineData("PUT", "mcp", 405)]
    [InlineData("PATCH", "mcp/acme", 405)]
    [InlineData("GET", "sse/acme/api-backend/extra", 404)]
    [InlineData("PUT", "sse", 405)]
    [InlineData("DELETE", "sse/message", 405)]
    [InlineData("GET", "oauth/no-such-endpoint", 404)]
    [InlineData("POST", "oauth/no-such-endpoint", 405)]
    [InlineData("DELETE", "oauth/register", 405)]
    [InlineData("GET", ".well-known/no-such-document", 404)]
    [InlineData("POST", ".well-known/oauth-protected-resource", 405)]
    [InlineData("GET", "api/no-such-endpoint", 404)]
    [InlineData("DELETE", "api/no-such-endpoint", 405)]
    [InlineData("PUT", "api/config", 405)]
    public async Task Unserved_reserved_paths_answer_problem_json_whatever_the_client_accepts(string method, string path, int status)
    {
        // An unknown path with a method other than GET is 405: the UI fallback matches every path for GET.
        foreach (var accept in new[] { "text/event-stream", "text/html", "text/plain", "*/*" })
        {
            var response = await SendAsync(method, path, "Sentry-Bearer " + SandboxOptions.DefaultToken, accept);

            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal(status == 404 ? "NOT_FOUND" : "METHOD_NOT_ALLOWED", await ProblemCodeAsync(response));
        }
    }

    private async Task<HttpResponseMessage> SendAsync(string method, string path, string? authorization, string accept = "text/event-stream")
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        return await server.Http.SendAsync(request);
    }

    /// <summary>The body's <c>code</c>, after checking the body is ProblemDetails JSON.</summary>
    private static async Task<string?> ProblemCodeAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)response.StatusCode, json.RootElement.GetProperty("status").GetInt32());
        return json.RootElement.GetProperty("code").GetString();
    }
}
