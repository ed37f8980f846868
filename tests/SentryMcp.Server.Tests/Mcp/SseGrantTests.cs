using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SentryMcp.Sandbox;
using SentryMcp.Server.Tests.Auth;
using SentryMcp.Server.Tests.Scale;

namespace SentryMcp.Server.Tests.Mcp;

/// <summary>A host whose access tokens live ten seconds.</summary>
public sealed class ShortTokenAuthFixture : AuthServerFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Auth:AccessTokenLifetime"] = "00:00:10",
    };
}

/// <summary>
/// A legacy <c>/sse</c> stream is tied to the sign-in (or Sentry token) that opened it: only that
/// credential may post to it, and it ends when the sign-in is revoked or its token expires.
/// </summary>
public sealed class SseGrantTests(AuthServerFixture server) : IClassFixture<AuthServerFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Revoking_the_sign_in_ends_its_open_sse_stream_and_its_session_takes_no_more_posts()
    {
        using var browser = server.NewBrowser();
        var (client, tokens) = await browser.SignInAsync();
        using var stream = await SseStream.OpenAsync(server.Http, "Bearer " + tokens.AccessToken);
        Assert.Equal(HttpStatusCode.Accepted, (await stream.PostAsync(server.Http, "Bearer " + tokens.AccessToken, "ping")).StatusCode);
        await stream.Events.NextAsync("message");

        var revoke = await browser.Http.PostAsync(new Uri(server.BaseUri, "oauth/revoke"), new FormUrlEncodedContent(
            [new("token", tokens.RefreshToken), new("token_type_hint", "refresh_token"), new("client_id", client.ClientId)]));

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        await stream.Events.WaitForEndAsync(Deadline);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stream.PostAsync(server.Http, "Bearer " + tokens.AccessToken, "ping")).StatusCode);
    }

    [Fact]
    public async Task A_post_with_another_sign_in_of_the_same_user_is_refused_with_403()
    {
        using var first = server.NewBrowser();
        using var second = server.NewBrowser();
        var (_, opener) = await first.SignInAsync();
        var (_, other) = await second.SignInAsync();
        using var stream = await SseStream.OpenAsync(server.Http, "Bearer " + opener.AccessToken);

        var refused = await stream.PostAsync(server.Http, "Bearer " + other.AccessToken, "ping");
        var accepted = await stream.PostAsync(server.Http, "Bearer " + opener.AccessToken, "ping");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("SESSION_CREDENTIAL_MISMATCH", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(2, JsonDocument.Parse(await stream.Events.NextAsync("message")).RootElement.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task A_post_with_a_refreshed_token_of_the_same_sign_in_is_answered_on_the_stream()
    {
        using var browser = server.NewBrowser();
        var (client, first) = await browser.SignInAsync();
        using var stream = await SseStream.OpenAsync(server.Http, "Bearer " + first.AccessToken);
        var refreshed = await OAuthBrowser.ReadTokensAsync(await browser.RefreshRawAsync(client, first.RefreshToken));

        var accepted = await stream.PostAsync(server.Http, "Bearer " + refreshed.AccessToken, "ping");

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(1, JsonDocument.Parse(await stream.Events.NextAsync("message")).RootElement.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task A_post_with_another_sentry_token_of_the_same_user_is_refused_with_403()
    {
        using var stream = await SseStream.OpenAsync(server.Http, "Sentry-Bearer " + SandboxOptions.DefaultToken);

        var readOnly = await stream.PostAsync(server.Http, "Sentry-Bearer " + SandboxOptions.ReadOnlyToken, "ping");
        var otherUser = await stream.PostAsync(server.Http, "Sentry-Bearer " + SandboxOptions.NoScopeToken, "ping");

        Assert.Equal(HttpStatusCode.Forbidden, readOnly.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherUser.StatusCode);
    }
}

public sealed class SseExpiryTests(ShortTokenAuthFixture server) : IClassFixture<ShortTokenAuthFixture>
{
    [Fact]
    public async Task An_sse_stream_ends_by_itself_when_the_access_token_that_opened_it_expires()
    {
        using var browser = server.NewBrowser();
        var (_, tokens) = await browser.SignInAsync();
        using var stream = await SseStream.OpenAsync(server.Http, "Bearer " + tokens.AccessToken);
        Assert.Equal(HttpStatusCode.Accepted, (await stream.PostAsync(server.Http, "Bearer " + tokens.AccessToken, "ping")).StatusCode);

        await stream.Events.WaitForEndAsync(TimeSpan.FromSeconds(40));

        Assert.Equal(HttpStatusCode.Unauthorized, (await server.PostMcpAsync(tokens.AccessToken)).StatusCode);
    }
}

/// <summary>A raw legacy-SSE client: the stream, its events and its message endpoint.</summary>
internal sealed class SseStream(HttpResponseMessage response, SseReader events, string endpoint) : IDisposable
{
    private int _nextId;

    public SseReader Events => events;

    public static async Task<SseStream> OpenAsync(HttpClient http, string authorization, string path = "sse")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.Accept.ParseAdd("text/event-stream");
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = new SseReader(await response.Content.ReadAsStreamAsync());
        return new SseStream(response, events, await events.NextAsync("endpoint"));
    }

    public async Task<HttpResponseMessage> PostAsync(HttpClient http, string authorization, string method)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.TrimStart('/'))
        {
            Content = ScaleCluster.JsonRpc(method, null, Interlocked.Increment(ref _nextId)),
        };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await http.SendAsync(request);
    }

    public void Dispose()
    {
        events.Dispose();
        response.Dispose();
    }
}
