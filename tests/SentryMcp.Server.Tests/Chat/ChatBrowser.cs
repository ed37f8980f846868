using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SentryMcp.Server.Tests.Chat;

/// <summary>The UI message stream as received: every JSON chunk, whether [DONE] came, and the raw text.</summary>
public sealed record UiStreamResult(HttpResponseMessage Response, List<JsonElement> Chunks, bool Done, string Raw)
{
    public IEnumerable<string> Types => Chunks.Select(c => c.GetProperty("type").GetString()!);

    public JsonElement Single(string type) => Chunks.Single(c => c.GetProperty("type").GetString() == type);

    public string Text => string.Concat(Chunks.Where(c => c.GetProperty("type").GetString() == "text-delta").Select(c => c.GetProperty("delta").GetString()));
}

/// <summary>Plays the web UI's browser: cookies, redirects by hand, the sign-in forms, /api calls.</summary>
public sealed partial class ChatBrowser(ChatFixture server) : IDisposable
{
    private readonly CookieContainer _cookies = new();
    private HttpClient? _http;

    public HttpClient Http => _http ??= new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = _cookies }) { BaseAddress = server.BaseUri };

    public CookieCollection Cookies => _cookies.GetCookies(server.BaseUri);

    /// <summary>Login → consent (approve with groups) → Sentry sign-in → callback; returns the last response.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string query = "returnTo=/chats/1", string[]? groups = null, string sentryDecision = "allow")
    {
        var response = await FollowAsync(await Http.GetAsync("api/auth/login?" + query));
        if (response.StatusCode == HttpStatusCode.OK && response.RequestMessage!.RequestUri!.AbsolutePath == "/oauth/authorize")
        {
            response = await FollowAsync(await SubmitFormAsync(response, [("decision", "approve"), .. (groups ?? ["IssueTriage"]).Select(g => ("group", g))]));
        }
        if (response.StatusCode == HttpStatusCode.OK && response.RequestMessage!.RequestUri!.Authority == server.SandboxUri.Authority)
        {
            response = await FollowAsync(await SubmitFormAsync(response, ("decision", sentryDecision)));
        }
        return response;
    }

    /// <summary>Follows redirects on the server and the sandbox; stops at pages and at redirects into the web UI.</summary>
    public async Task<HttpResponseMessage> FollowAsync(HttpResponseMessage response)
    {
        for (var i = 0; i < 12 && (int)response.StatusCode is >= 300 and < 400; i++)
        {
            var location = new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!);
            var ours = location.AbsolutePath.StartsWith("/oauth", StringComparison.Ordinal) || location.AbsolutePath.StartsWith("/api/auth", StringComparison.Ordinal);
            if (!ours && location.Authority != server.SandboxUri.Authority)
            {
                return response;
            }
            response = await Http.GetAsync(location);
        }
        return response;
    }

    public async Task<HttpResponseMessage> SubmitFormAsync(HttpResponseMessage page, params (string Name, string Value)[] fields)
    {
        var html = await page.Content.ReadAsStringAsync();
        var action = FormAction().Match(html);
        Assert.True(action.Success, "No form on the page: " + html);
        var values = HiddenInput().Matches(html).Select(m => new KeyValuePair<string, string>(WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await Http.PostAsync(new Uri(page.RequestMessage!.RequestUri!, WebUtility.HtmlDecode(action.Groups[1].Value)), new FormUrlEncodedContent(values));
    }

    public Task<HttpResponseMessage> PostJsonAsync(string path, object body) => Http.PostAsJsonAsync(path, body);

    public Task<HttpResponseMessage> PostRawAsync(string path, string body)
    {
        return Http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
    }

    /// <summary>POST /api/chat (to this server, or another <paramref name="instance"/> of it) and read the whole UI message stream (or the problem).</summary>
    public async Task<UiStreamResult> ChatAsync(object body, string? capture = null, Uri? instance = null)
    {
        var response = await Http.PostAsJsonAsync(instance is null ? "api/chat" : new Uri(instance, "api/chat").ToString(), body);
        var raw = await response.Content.ReadAsStringAsync();
        var chunks = new List<JsonElement>();
        var done = false;
        if (response.Content.Headers.ContentType?.MediaType == "text/event-stream")
        {
            foreach (var line in raw.Split('\n').Where(l => l.StartsWith("data: ", StringComparison.Ordinal)))
            {
                var data = line["data: ".Length..];
                Assert.False(done, "Data after [DONE]");
                if (data == "[DONE]")
                {
                    done = true;
                    continue;
                }
                chunks.Add(JsonDocument.Parse(data).RootElement.Clone());
            }
            if (capture is not null)
            {
                StreamCaptures.Save(capture, raw, body);
            }
        }
        return new UiStreamResult(response, chunks, done, raw);
    }

    public void Dispose() => _http?.Dispose();

    [GeneratedRegex("<form[^>]*action=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex FormAction();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();
}

/// <summary>Streams captured for the Node test (tests/chat-stream), which parses them with the real ai package.</summary>
public static class StreamCaptures
{
    public static string Directory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SentryMcp.slnx")))
            {
                dir = dir.Parent;
            }
            return Path.Combine(dir?.FullName ?? Path.GetTempPath(), "artifacts", "chat-stream");
        }
    }

    public static void Save(string name, string raw, object requestBody)
    {
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(Path.Combine(Directory, name + ".sse"), raw);
        File.WriteAllText(Path.Combine(Directory, name + ".request.json"), JsonSerializer.Serialize(requestBody));
    }
}
