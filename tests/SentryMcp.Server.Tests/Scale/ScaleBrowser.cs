using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using SentryMcp.Server.Tests.Auth;

namespace SentryMcp.Server.Tests.Scale;

/// <summary>
/// The browser and MCP client of the OAuth flow, with every request to the balancer's address sent
/// to the next instance in turn (0, 1, 0, …), so consecutive steps never land on the same instance.
/// </summary>
public sealed partial class ScaleBrowser(ScaleCluster cluster) : IDisposable
{
    private const string ClientRedirect = "http://127.0.0.1:53682/callback";
    private readonly (HttpClient Client, CookieJar Cookies) _browser = cluster.CreateBrowser();

    /// <summary>Every Set-Cookie the user agent received.</summary>
    public IReadOnlyList<string> SetCookies => _browser.Cookies.SetCookies;

    /// <summary>The redirect_uri of the last sign-in's request to Sentry.</summary>
    public string? SentryRedirectUri { get; private set; }
    private int _next;

    public string Verifier { get; } = Base64Url(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    public string State { get; } = "st-" + Guid.NewGuid().ToString("N");

    /// <summary>The instance that served each request to the balancer's address, in order.</summary>
    public List<int> Served { get; } = [];

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri url, HttpContent? content = null, string? authorization = null)
    {
        var instance = -1;
        if (url.Authority == cluster.Balancer.Authority)
        {
            instance = _next;
            _next = (_next + 1) % cluster.Instances.Count;
            Served.Add(instance);
        }
        using var request = instance >= 0 ? cluster.On(instance, method, url) : new HttpRequestMessage(method, url);
        request.Content = content;
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        var response = await _browser.Client.SendAsync(request);
        // Later steps resolve relative links against the address the user agent saw.
        response.RequestMessage = new HttpRequestMessage(method, url);
        return response;
    }

    public async Task<HttpResponseMessage> FollowAsync(HttpResponseMessage response)
    {
        for (var i = 0; i < 10 && (int)response.StatusCode is >= 300 and < 400; i++)
        {
            var location = new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!);
            if (OAuthBrowser.IsClientRedirect(location))
            {
                return response;
            }
            response = await SendAsync(HttpMethod.Get, location);
        }
        return response;
    }

    public async Task<HttpResponseMessage> SubmitFormAsync(HttpResponseMessage page, params (string Name, string Value)[] fields)
    {
        var html = await page.Content.ReadAsStringAsync();
        var action = FormAction().Match(html);
        Assert.True(action.Success, "No form on the page: " + html);
        var values = HiddenInput().Matches(html)
            .Select(m => new KeyValuePair<string, string>(WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        var target = new Uri(page.RequestMessage!.RequestUri!, WebUtility.HtmlDecode(action.Groups[1].Value));
        return await SendAsync(HttpMethod.Post, target, new FormUrlEncodedContent(values));
    }

    public async Task<JsonElement> GetJsonAsync(Uri url)
    {
        using var response = await SendAsync(HttpMethod.Get, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Discovery from a 401, registration, consent, Sentry sign-in, callback, code exchange.</summary>
    public async Task<(string ClientId, TokenSet Tokens)> SignInAsync()
    {
        var mcp = new Uri(cluster.Balancer, "mcp");
        using var unauthorized = await SendAsync(HttpMethod.Post, mcp, ScaleCluster.JsonRpc("ping", null));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        var challenge = unauthorized.Headers.WwwAuthenticate.Single().ToString();
        var resourceMetadata = new Uri(ResourceMetadata().Match(challenge).Groups[1].Value);
        Assert.Equal(cluster.Balancer.Authority, resourceMetadata.Authority);

        var protectedResource = await GetJsonAsync(resourceMetadata);
        var issuer = new Uri(protectedResource.GetProperty("authorization_servers")[0].GetString()!);
        var metadata = await GetJsonAsync(new Uri(issuer, ".well-known/oauth-authorization-server"));

        using var registered = await SendAsync(HttpMethod.Post, new Uri(metadata.GetProperty("registration_endpoint").GetString()!), JsonContent.Create(new
        {
            client_name = "Scale test client",
            redirect_uris = new[] { ClientRedirect },
            grant_types = new[] { "authorization_code", "refresh_token" },
            response_types = new[] { "code" },
            token_endpoint_auth_method = "none",
        }));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var clientId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("client_id").GetString()!;

        var authorize = QueryHelpers.AddQueryString(metadata.GetProperty("authorization_endpoint").GetString()!, new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = clientId,
            ["redirect_uri"] = ClientRedirect,
            ["code_challenge"] = Base64Url(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(Verifier))),
            ["code_challenge_method"] = "S256",
            ["state"] = State,
            ["scope"] = "sentry:read",
            ["resource"] = mcp.ToString(),
        });
        var consent = await FollowAsync(await SendAsync(HttpMethod.Get, new Uri(authorize)));
        Assert.Equal(HttpStatusCode.OK, consent.StatusCode);
        var toSentry = await SubmitFormAsync(consent, ("decision", "approve"));
        SentryRedirectUri = QueryHelpers.ParseQuery(toSentry.Headers.Location?.Query ?? "")["redirect_uri"].ToString();
        var sentrySignIn = await FollowAsync(toSentry);
        Assert.Equal(HttpStatusCode.OK, sentrySignIn.StatusCode);
        var final = await FollowAsync(await SubmitFormAsync(sentrySignIn, ("decision", "allow")));
        var result = OAuthBrowser.RedirectParameters(final);
        Assert.Equal(State, result["state"]);

        var tokens = await OAuthBrowser.ReadTokensAsync(await SendAsync(HttpMethod.Post, new Uri(metadata.GetProperty("token_endpoint").GetString()!),
            new FormUrlEncodedContent(
            [
                new("grant_type", "authorization_code"), new("code", result["code"]), new("client_id", clientId),
                new("redirect_uri", ClientRedirect), new("code_verifier", Verifier),
            ])));
        return (clientId, tokens);
    }

    public async Task<TokenSet> RefreshAsync(string clientId, string refreshToken) =>
        await OAuthBrowser.ReadTokensAsync(await SendAsync(HttpMethod.Post, new Uri(cluster.Balancer, "oauth/token"), new FormUrlEncodedContent(
            [new("grant_type", "refresh_token"), new("refresh_token", refreshToken), new("client_id", clientId)])));

    public void Dispose() => _browser.Client.Dispose();

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("resource_metadata=\"([^\"]+)\"")]
    private static partial Regex ResourceMetadata();

    [GeneratedRegex("<form[^>]*action=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex FormAction();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();
}
