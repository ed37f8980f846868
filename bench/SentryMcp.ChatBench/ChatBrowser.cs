using System.Net;
using System.Text.RegularExpressions;

namespace SentryMcp.ChatBench;

/// <summary>Signs in to the chat like a browser (login → consent → sandbox sign-in → callback) and keeps the cookie.</summary>
public sealed partial class ChatBrowser(Uri baseUri) : IDisposable
{
    public HttpClient Http { get; } = new(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), MaxConnectionsPerServer = 2000 })
    {
        BaseAddress = baseUri,
        Timeout = TimeSpan.FromMinutes(5),
    };

    public async Task SignInAsync()
    {
        var response = await FollowAsync(await Http.GetAsync("api/auth/login?access=read"));
        response = await FollowAsync(await SubmitAsync(response, ("decision", "allow")));
        if (response.Headers.Location?.OriginalString != "/")
        {
            throw new InvalidOperationException($"Sign-in did not finish: HTTP {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    private async Task<HttpResponseMessage> FollowAsync(HttpResponseMessage response)
    {
        for (var i = 0; i < 12 && (int)response.StatusCode is >= 300 and < 400; i++)
        {
            var location = new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!);
            if (location.AbsolutePath == "/")
            {
                return response;
            }
            response = await Http.GetAsync(location);
        }
        return response;
    }

    private async Task<HttpResponseMessage> SubmitAsync(HttpResponseMessage page, params (string Name, string Value)[] fields)
    {
        var html = await page.Content.ReadAsStringAsync();
        var action = FormAction().Match(html).Groups[1].Value;
        var values = HiddenInput().Matches(html).Select(m => new KeyValuePair<string, string>(WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await Http.PostAsync(new Uri(page.RequestMessage!.RequestUri!, WebUtility.HtmlDecode(action)), new FormUrlEncodedContent(values));
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("<form[^>]*action=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex FormAction();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();
}
