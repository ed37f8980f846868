using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SentryMcp.E2E;

/// <summary>
/// An MCP client (registered by DCR, public, PKCE) signing in through the user's browser: the page walks the
/// authorization server and the sandbox's sign-in and consent pages, and the code is read from the request to
/// the client's loopback redirect URI (nothing listens there; the browser's request is enough).
/// </summary>
public static class McpClientSignIn
{
    private const string RedirectUri = "http://127.0.0.1:53682/callback";

    public static async Task<string> AccessTokenAsync(WebAppFixture app, IPage page)
    {
        var registration = await app.Http.PostAsJsonAsync("oauth/register", new
        {
            client_name = "E2E MCP client",
            redirect_uris = new[] { "http://127.0.0.1/callback" },
            grant_types = new[] { "authorization_code", "refresh_token" },
            response_types = new[] { "code" },
            token_endpoint_auth_method = "none",
        });
        Assert.Equal(HttpStatusCode.Created, registration.StatusCode);
        var clientId = (await registration.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("client_id").GetString()!;
        var verifier = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        var redirected = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        page.Request += (_, request) =>
        {
            if (request.Url.StartsWith(RedirectUri, StringComparison.Ordinal))
            {
                redirected.TrySetResult(request.Url);
            }
        };
        var query = string.Join('&', new Dictionary<string, string>
        {
            ["response_type"] = "code",
            ["client_id"] = clientId,
            ["redirect_uri"] = RedirectUri,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
            ["state"] = "e2e",
            ["scope"] = "sentry:read",
            ["resource"] = new Uri(app.BaseUri, "mcp").ToString(),
        }.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
        try
        {
            await page.GotoAsync("/oauth/authorize?" + query);
        }
        catch (PlaywrightException)
        {
            // Consent remembered: the authorization server redirected straight to the client, which is not listening.
        }

        await SignIn.ClickThroughAsync(page, redirected.Task, "the MCP client's sign-in");
        Assert.True(redirected.Task.IsCompleted, $"the MCP client's sign-in did not reach its redirect URI (at {page.Url})");
        var code = Regex.Match(await redirected.Task, "[?&]code=([^&]+)").Groups[1].Value;

        var token = await app.Http.PostAsync("oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = Uri.UnescapeDataString(code),
            ["client_id"] = clientId,
            ["redirect_uri"] = RedirectUri,
            ["code_verifier"] = verifier,
        }));
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        return (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    /// <summary>A raw MCP initialize with the token: 200 while the sign-in lives, 401 once it is revoked.</summary>
    public static async Task<HttpStatusCode> InitializeStatusAsync(WebAppFixture app, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "mcp")
        {
            Content = new StringContent(
                """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"e2e","version":"1"}}}""",
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await app.Http.SendAsync(request);
        return response.StatusCode;
    }
}
