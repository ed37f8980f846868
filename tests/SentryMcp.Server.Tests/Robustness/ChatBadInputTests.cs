using System.Net;
using SentryMcp.Server.Chat;
using SentryMcp.Server.Chat.SignIn;
using SentryMcp.Server.Tests.Chat;
using SentryMcp.TestDoubles;
using Xunit.Abstractions;

namespace SentryMcp.Server.Tests.Robustness;

public sealed class UnlimitedChatFixture : ChatFixture
{
    // Rate limits would answer most of a flood with 429 and hide the handlers behind them.
    protected override IDictionary<string, string?> ChatSettings => new Dictionary<string, string?>(base.ChatSettings)
    {
        ["Chat:MessagesPerMinute"] = "1000000",
        ["RateLimits:PerUserPerMinute"] = "1000000",
        ["RateLimits:PerIpPerMinute"] = "1000000",
    };
}

/// <summary>
/// The chat side of <see cref="BadInputTests"/>: generated malformed, oversized, wrongly typed,
/// wrongly encoded, cross-origin and forged requests against the signed-in chat API, sign-in and
/// config, each with a valid session cookie or a missing, forged, tampered, foreign or ended one.
/// Every answer must be the expected 4xx (ProblemDetails with its code), or the documented 2xx/3xx
/// for public documents, redirects and turns whose odd parts are ignored by design; never a 5xx or a hang.
/// </summary>
public sealed class ChatBadInputTests(UnlimitedChatFixture server, ITestOutputHelper output) : IClassFixture<UnlimitedChatFixture>
{
    private const int Seed = 20261125;
    private const int RequestCount = 2000;

    [Fact]
    public async Task Bad_chat_requests_get_the_expected_4xx_and_the_host_and_the_session_keep_working()
    {
        using var browser = await server.SignedInAsync();
        var cookies = await CaptureCookiesAsync(browser);
        server.Llm.Clear();
        // Turns that are valid by design (unknown part kinds, unanswered approvals) get a plain answer.
        server.Llm.Respond(_ => new ScriptedReply("ok"));
        await server.SandboxHttp.DeleteAsync("__sandbox/requests");
        var generator = new ChatBadRequests(new Random(Seed), server.BaseUri, cookies);
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server.BaseUri, Timeout = TimeSpan.FromSeconds(20) };
        var byStatus = new SortedDictionary<int, int>();
        var byFamily = new SortedDictionary<string, int>();
        var failures = new List<string>();
        var previous = "";

        for (var i = 0; i < RequestCount; i++)
        {
            var probe = generator.Next(i);
            using var request = probe.Request;
            var description = $"#{i} {probe.Family} {Truncate(probe.Detail, 60)} ({probe.Credential}) {request.Method} {Truncate(request.RequestUri!.OriginalString, 120)}";
            try
            {
                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
                byFamily[$"{probe.Family} {status}"] = byFamily.GetValueOrDefault($"{probe.Family} {status}") + 1;
                if (Judge(probe.Outcome, response, body) is { } wrong)
                {
                    failures.Add($"{description} → {status}: {wrong}; {Truncate(body, 300)}");
                }
            }
            catch (TaskCanceledException)
            {
                failures.Add($"{description} → no answer within 20 s");
            }
            catch (HttpRequestException ex)
            {
                failures.Add($"{description} → no answer: {ex.InnerException?.Message ?? ex.Message} (after {previous})");
            }
            finally
            {
                previous = description;
            }
        }

        output.WriteLine($"{RequestCount} generated requests (seed {Seed}); status counts: {string.Join(", ", byStatus.Select(p => $"{p.Key}×{p.Value}"))}");
        output.WriteLine(string.Join("\n", byFamily.Select(p => $"  {p.Key}: {p.Value}")));
        Assert.True(failures.Count == 0, $"{failures.Count} wrong answers:\n" + string.Join("\n", failures.Take(25)));
        Assert.True(RequestCount - byStatus.Where(p => p.Key is >= 200 and < 400).Sum(p => p.Value) > RequestCount * 2 / 3, "most requests must be refused");

        // Nothing wrote to Sentry (no forged approval ran a write tool), the host is healthy, and the
        // session still chats with a tool call.
        var sandboxRequests = await server.SandboxHttp.GetStringAsync("__sandbox/requests");
        Assert.DoesNotContain("\"method\":\"PUT\"", sandboxRequests, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("healthz")).StatusCode);
        server.Llm.Clear();
        server.Llm.ReplyWithToolCalls(null, new ScriptedToolCall("call_after", "whoami"));
        server.Llm.Reply("You are Jane Doe.");
        var turn = await browser.ChatAsync(ChatTestData.Body(ChatTestData.User("Who am I?")));
        Assert.Equal(HttpStatusCode.OK, turn.Response.StatusCode);
        Assert.Contains("Jane Doe", turn.Single("tool-output-available").GetRawText());
        Assert.Equal("You are Jane Doe.", turn.Text);
        Assert.Equal("finish", turn.Chunks[^1].GetProperty("type").GetString());
    }

    /// <summary>What is wrong with the answer, or null.</summary>
    private static string? Judge(Outcome outcome, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return "server error";
        }
        if (!outcome.Statuses.Contains(status))
        {
            return $"expected {string.Join(" or ", outcome.Statuses)}";
        }
        if (status is >= 400 and < 500 && outcome.Problem)
        {
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                return "a 4xx without ProblemDetails";
            }
            if (outcome.Code is not null && !body.Contains($"\"code\":\"{outcome.Code}\"", StringComparison.Ordinal))
            {
                return "expected the code " + outcome.Code;
            }
        }
        try
        {
            return outcome.Check?.Invoke(response, body);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return "unreadable answer: " + ex.Message;
        }
    }

    /// <summary>The signed-in cookie, a cookie this server issued for another purpose, an ended session's cookie and a started sign-in.</summary>
    private async Task<ChatBadRequests.Cookies> CaptureCookiesAsync(ChatBrowser browser)
    {
        var signedIn = browser.Cookies[SessionCookie.LocalName]!.Value;
        using (var other = await server.SignedInAsync())
        {
            var ended = other.Cookies[SessionCookie.LocalName]!.Value;
            Assert.Equal(HttpStatusCode.NoContent, (await other.PostJsonAsync("api/auth/logout", new { })).StatusCode);
            using var anonymous = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server.BaseUri };
            var (pageCookie, state) = await StartLoginAsync(anonymous, "page");
            var (popupCookie, _) = await StartLoginAsync(anonymous, "popup");
            return new ChatBadRequests.Cookies(signedIn, pageCookie, ended, pageCookie, popupCookie, state);
        }
    }

    private static async Task<(string Cookie, string State)> StartLoginAsync(HttpClient http, string mode)
    {
        using var response = await http.GetAsync("api/auth/login?returnTo=/chats/1&mode=" + mode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sentry-mcp-chat-login=", StringComparison.Ordinal));
        var value = cookie["sentry-mcp-chat-login=".Length..cookie.IndexOf(';')];
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(http.BaseAddress!, response.Headers.Location!).Query);
        return (value, query["state"].ToString());
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}
