using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace SentryMcp.Server.Tests.Auth;

/// <summary>A registered client with its PKCE pair and redirect URI.</summary>
public sealed record TestClient(string ClientId, string? ClientSecret, string RedirectUri);

/// <summary>Tokens from /oauth/token.</summary>
public sealed record TokenSet(string AccessToken, string RefreshToken, JsonElement Raw);

/// <summary>
/// Plays the browser and the MCP client: cookies, manual redirects, HTML forms. Redirects to the
/// client's redirect URI end the walk (nothing listens there). With a handler and a base URL it
/// reaches the server another way (through a proxy, under its public URL).
/// </summary>
public sealed partial class OAuthBrowser(AuthServerFixture server, HttpMessageHandler? handler = null, Uri? baseUri = null) : IDisposable
{
    public const string ClientRedirect = "http://127.0.0.1/callback";
    private readonly HttpClient _http = new(handler ?? new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
    private readonly Uri _base = baseUri ?? server.BaseUri;

    public string Verifier { get; } = Base64Url(RandomNumberGenerator.GetBytes(32));
    public string Challenge => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));
    public string State { get; } = "st-" + Guid.NewGuid().ToString("N");

    public HttpClient Http => _http;

    public Task<HttpResponseMessage> RegisterRawAsync(object body) =>
        _http.PostAsJsonAsync(new Uri(_base, "oauth/register"), body);

    public async Task<TestClient> RegisterAsync(string name = "Test client", string redirectUri = ClientRedirect, string authMethod = "none")
    {
        var response = await RegisterRawAsync(new
        {
            client_name = name,
            redirect_uris = new[] { redirectUri },
            grant_types = new[] { "authorization_code", "refresh_token" },
            response_types = new[] { "code" },
            token_endpoint_auth_method = authMethod,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new TestClient(json.GetProperty("client_id").GetString()!,
            json.TryGetProperty("client_secret", out var secret) ? secret.GetString() : null, redirectUri);
    }

    public string AuthorizeUrl(TestClient client, string? resource = null, string scope = "sentry:read", string? redirectUri = null,
        Dictionary<string, string?>? overrides = null)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = client.ClientId,
            ["redirect_uri"] = redirectUri ?? client.RedirectUri.Replace("127.0.0.1/", "127.0.0.1:53682/", StringComparison.Ordinal),
            ["code_challenge"] = Challenge,
            ["code_challenge_method"] = "S256",
            ["state"] = State,
            ["scope"] = scope,
            ["resource"] = resource ?? new Uri(_base, "mcp").ToString(),
        };
        foreach (var (key, value) in overrides ?? [])
        {
            parameters[key] = value;
        }
        return QueryHelpers.AddQueryString(new Uri(_base, "oauth/authorize").ToString(), parameters.Where(p => p.Value is not null));
    }

    public Task<HttpResponseMessage> GetAsync(string url) => _http.GetAsync(url);

    /// <summary>Submits the page's first form with its hidden fields plus <paramref name="fields"/>.</summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(HttpResponseMessage page, params (string Name, string Value)[] fields)
    {
        var html = await page.Content.ReadAsStringAsync();
        var action = FormAction().Match(html);
        Assert.True(action.Success, "No form on the page: " + html);
        var values = HiddenInput().Matches(html).Select(m => new KeyValuePair<string, string>(WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        var target = new Uri(page.RequestMessage!.RequestUri!, WebUtility.HtmlDecode(action.Groups[1].Value));
        return await _http.PostAsync(target, new FormUrlEncodedContent(values));
    }

    /// <summary>Follows redirects until a page answers or the client's redirect URI is reached.</summary>
    public async Task<HttpResponseMessage> FollowAsync(HttpResponseMessage response)
    {
        for (var i = 0; i < 10 && (int)response.StatusCode is >= 300 and < 400; i++)
        {
            var location = new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!);
            if (IsClientRedirect(location))
            {
                return response;
            }
            response = await _http.GetAsync(location);
        }
        return response;
    }

    public static bool IsClientRedirect(Uri location) => location.AbsoluteUri.StartsWith("http://127.0.0.1:53682/", StringComparison.Ordinal) || location.Scheme is not ("http" or "https");

    /// <summary>consent page → approve → sandbox sign-in → callback → back to the client with a code.</summary>
    public async Task<Dictionary<string, string>> AuthorizeAsync(string authorizeUrl, params string[] groups)
    {
        var consent = await FollowAsync(await GetAsync(authorizeUrl));
        var afterConsent = consent.StatusCode == HttpStatusCode.OK
            ? await FollowAsync(await SubmitFormAsync(consent, [("decision", "approve"), .. groups.Select(g => ("group", g))]))
            : consent;
        var final = afterConsent.StatusCode == HttpStatusCode.OK
            ? await FollowAsync(await SubmitFormAsync(afterConsent, ("decision", "allow")))
            : afterConsent;
        return RedirectParameters(final);
    }

    public static Dictionary<string, string> RedirectParameters(HttpResponseMessage response)
    {
        Assert.True((int)response.StatusCode is >= 300 and < 400, $"Expected a redirect to the client, got {(int)response.StatusCode}: {response.Content.ReadAsStringAsync().Result}");
        var location = new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!);
        Assert.True(IsClientRedirect(location), "Redirected elsewhere: " + location);
        return QueryHelpers.ParseQuery(location.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    public Task<HttpResponseMessage> TokenRawAsync(IEnumerable<KeyValuePair<string, string>> form) =>
        _http.PostAsync(new Uri(_base, "oauth/token"), new FormUrlEncodedContent(form));

    public async Task<TokenSet> ExchangeCodeAsync(TestClient client, string code, string? verifier = null)
    {
        var response = await TokenRawAsync(
        [
            new("grant_type", "authorization_code"), new("code", code), new("client_id", client.ClientId),
            new("redirect_uri", client.RedirectUri.Replace("127.0.0.1/", "127.0.0.1:53682/", StringComparison.Ordinal)),
            new("code_verifier", verifier ?? Verifier),
        ]);
        return await ReadTokensAsync(response);
    }

    public Task<HttpResponseMessage> RefreshRawAsync(TestClient client, string refreshToken) =>
        TokenRawAsync([new("grant_type", "refresh_token"), new("refresh_token", refreshToken), new("client_id", client.ClientId)]);

    public static async Task<TokenSet> ReadTokensAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Token endpoint answered {(int)response.StatusCode}: {body}");
        var json = JsonDocument.Parse(body).RootElement.Clone();
        return new TokenSet(json.GetProperty("access_token").GetString()!, json.GetProperty("refresh_token").GetString()!, json);
    }

    public static async Task<string> ErrorOfAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(JsonDocument.Parse(body).RootElement.TryGetProperty("error", out var error), $"No OAuth error in HTTP {(int)response.StatusCode}: {body}");
        return error.GetString()!;
    }

    /// <summary>The whole sign-in for a new public client: register, authorize, exchange.</summary>
    public async Task<(TestClient Client, TokenSet Tokens)> SignInAsync(string? resource = null, params string[] groups)
    {
        var client = await RegisterAsync();
        var result = await AuthorizeAsync(AuthorizeUrl(client, resource), groups);
        Assert.Equal(State, result["state"]);
        return (client, await ExchangeCodeAsync(client, result["code"]));
    }

    public void Dispose() => _http.Dispose();

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("<form[^>]*action=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex FormAction();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();
}
