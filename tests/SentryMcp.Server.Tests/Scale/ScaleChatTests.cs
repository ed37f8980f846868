using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using SentryMcp.Server.Conversations;
using SentryMcp.Server.Tests.Conversations;
using SentryMcp.TestDoubles;

namespace SentryMcp.Server.Tests.Scale;

/// <summary>
/// The chat across the cluster: each step of the browser's sign-in lands on the other instance, the
/// chat turn on one of them, and its MCP tool call goes through the balancer (the chat's MCP client
/// uses the public URL), so the session, the grant and the tool call cross instances.
/// </summary>
[Trait("Category", "Scale")]
[Collection(ScaleCluster.InstancesCollection)]
public sealed partial class ScaleChatTests(ScaleCluster cluster) : IClassFixture<ScaleCluster>
{
    private const string SlowAnswer = "The answer so far, and then its server dies.";

    [ScaleFact]
    public async Task Killing_the_instance_that_writes_an_answer_ends_its_follower_with_TURN_LOST_keeps_the_text_and_frees_the_conversation()
    {
        await using var llm = await ScriptedLlmServer.StartAsync(LlmPort());
        var release = llm.Held(SlowAnswer, chunks: 2);
        using var http = cluster.CreateClient(withCookies: true);
        await SignInAsync(http);
        var id = "scale-lost-" + Guid.NewGuid().ToString("N")[..12];
        var conversation = new Uri(cluster.Balancer, $"api/conversations/{id}");
        var written = SlowAnswer[..16];

        // The answer runs on instance 0; a tab on instance 1 follows it.
        using var post = await LiveStream.OpenAsync(http, On(0, HttpMethod.Post, new Uri(cluster.Balancer, "api/chat"), JsonContent.Create(Question(id, "u1", "Answer slowly"))));
        Assert.True(await post.ReadUntilAsync(IsTextDelta));
        var turn = (await GetJsonAsync(http, 1, conversation)).GetProperty("activeTurnId").GetString();
        using var follower = await LiveStream.OpenAsync(http, On(1, HttpMethod.Get, new Uri(cluster.Balancer, $"api/chat/{id}/stream?turn={turn}")));
        Assert.True(await follower.ReadUntilAsync(IsTextDelta));
        // What was written reached the database (every Chat:AnswerSaveInterval) before the kill.
        await Eventually.UntilAsync(async () => await cluster.QueryAsync<long>(
            $"SELECT count(*) FROM \"ConversationMessages\" WHERE \"ConversationId\" = '{id}' AND \"Role\" = 'assistant' AND \"Text\" = '{written}'") == 1);

        var killed = cluster.Kill(0);
        // Within Chat:TurnLeaseTtl (10 s) and the follower's check; the deadline is generous.
        await follower.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(["error", "finish"], follower.Types.TakeLast(2));
        Assert.Equal(TurnLost.Text, follower.Chunks[^2].GetProperty("errorText").GetString());
        Assert.Equal("TURN_LOST", follower.Chunks[^1].GetProperty("messageMetadata").GetProperty("errorCode").GetString());
        Assert.True(follower.Done);
        Assert.Equal(written, follower.Text);
        var after = await GetJsonAsync(http, 1, conversation);
        Assert.Equal(JsonValueKind.Null, after.GetProperty("activeTurnId").ValueKind);
        var kept = after.GetProperty("messages")[1];
        Assert.Equal(written, kept.GetProperty("parts").EnumerateArray().Single(p => p.GetProperty("type").GetString() == "text").GetProperty("text").GetString());
        Assert.True(kept.GetProperty("metadata").GetProperty("interrupted").GetBoolean());

        // The conversation takes the next question at once, on the instance that lives.
        llm.Reply("A new answer from the instance that lives.");
        using var again = await LiveStream.OpenAsync(http, On(1, HttpMethod.Post, new Uri(cluster.Balancer, "api/chat"), JsonContent.Create(Question(id, "u2", "Try again"))));
        await again.ReadToEndAsync();
        Assert.Equal(HttpStatusCode.OK, again.Response.StatusCode);
        Assert.Equal("A new answer from the instance that lives.", again.Text);
        Assert.Contains("finish", again.Types);
        await cluster.WaitForRestartAsync(0, killed, TimeSpan.FromSeconds(90));
        release.SetResult();
    }

    [ScaleFact]
    public async Task A_chat_turn_with_a_tool_call_works_with_sign_in_steps_on_alternating_instances()
    {
        await using var llm = await ScriptedLlmServer.StartAsync(LlmPort());
        llm.ReplyWithToolCalls(null, new ScriptedToolCall("call_1", "whoami"));
        llm.Reply("You are Jane Doe.");
        using var http = cluster.CreateClient(withCookies: true);
        var step = await SignInAsync(http);
        var status = await (await SendAsync(http, HttpMethod.Get, new Uri(cluster.Balancer, "api/auth/status"), null, step++)).Content.ReadAsStringAsync();
        Assert.Contains("\"authenticated\":true", status);

        var body = new { id = "scale-chat", trigger = "submit-message", messages = new object[] { new { id = "u1", role = "user", parts = new object[] { new { type = "text", text = "Who am I?" } } } } };
        var chat = await SendAsync(http, HttpMethod.Post, new Uri(cluster.Balancer, "api/chat"), JsonContent.Create(body), step++);
        var raw = await chat.Content.ReadAsStringAsync();

        Assert.Equal("text/event-stream", chat.Content.Headers.ContentType?.MediaType);
        var chunks = raw.Split('\n').Where(l => l.StartsWith("data: {", StringComparison.Ordinal))
            .Select(l => JsonDocument.Parse(l["data: ".Length..]).RootElement).ToList();
        var output = chunks.Single(c => c.GetProperty("type").GetString() == "tool-output-available").GetProperty("output");
        Assert.Contains("Jane Doe", output.GetRawText());
        Assert.Equal("You are Jane Doe.", string.Concat(chunks.Where(c => c.GetProperty("type").GetString() == "text-delta").Select(c => c.GetProperty("delta").GetString())));
        Assert.Contains("data: [DONE]", raw);
        // The turn's two model calls; the conversation's title is one more call after the answer, at its own time.
        Assert.Equal(2, llm.Requests.Count(r => !r["messages"]![0]!["content"]!.ToString().Contains("title of at most six words", StringComparison.Ordinal)));
    }

    private static int LlmPort() => int.Parse(Environment.GetEnvironmentVariable("SCALE_LLM_PORT") ?? throw new InvalidOperationException("SCALE_LLM_PORT is not set: run tests/scale/run.sh."),
        System.Globalization.CultureInfo.InvariantCulture);

    private static object Question(string id, string messageId, string text) =>
        new { id, trigger = "submit-message", message = new { id = messageId, role = "user", parts = new object[] { new { type = "text", text } } } };

    private static bool IsTextDelta(JsonElement chunk) => chunk.GetProperty("type").GetString() == "text-delta";

    private HttpRequestMessage On(int instance, HttpMethod method, Uri url, HttpContent? content = null)
    {
        var request = cluster.On(instance, method, url);
        request.Content = content;
        return request;
    }

    private async Task<JsonElement> GetJsonAsync(HttpClient http, int instance, Uri url)
    {
        using var response = await http.SendAsync(On(instance, HttpMethod.Get, url));
        Assert.True(response.IsSuccessStatusCode, $"GET {url} on instance {instance}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Signs in as the web UI does (read access is pre-approved: no consent page), each step on the other instance; returns the next step.</summary>
    private async Task<int> SignInAsync(HttpClient http)
    {
        var step = 0;
        var response = await SendAsync(http, HttpMethod.Get, new Uri(cluster.Balancer, "api/auth/login?mode=page&access=read&returnTo=/chat"), null, step++);
        for (var i = 0; i < 16 && (int)response.StatusCode is >= 300 and < 400; i++)
        {
            var location = new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!);
            if (location.AbsolutePath == "/chat")
            {
                break;
            }
            var target = location.Port == cluster.Instances[0].Port || location.Port == cluster.Instances[1].Port
                ? new UriBuilder(location) { Port = cluster.Balancer.Port }.Uri
                : location;
            response = await SendAsync(http, HttpMethod.Get, target, null, step++);
            if (response.StatusCode == HttpStatusCode.OK && target.Authority == cluster.Sandbox.Authority)
            {
                response = await SubmitFormAsync(http, response, step++);
            }
        }
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"sign-in stopped at {response.RequestMessage!.RequestUri} with {(int)response.StatusCode}: {(await response.Content.ReadAsStringAsync())[..Math.Min(400, (int)(response.Content.Headers.ContentLength ?? 400))]}");
        Assert.True(step >= 6, $"the sign-in took only {step} requests");
        return step;
    }

    /// <summary>Balancer URLs go to instance <c>step % 2</c>; other URLs (the sandbox) as they are.</summary>
    private Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, Uri url, HttpContent? content, int step)
    {
        var request = cluster.On(step % 2, method, url);
        request.Content = content;
        return http.SendAsync(request);
    }

    private async Task<HttpResponseMessage> SubmitFormAsync(HttpClient http, HttpResponseMessage page, int step)
    {
        var html = await page.Content.ReadAsStringAsync();
        var action = FormAction().Match(html);
        Assert.True(action.Success, "No form on the page: " + html);
        var fields = HiddenInput().Matches(html)
            .Select(m => new KeyValuePair<string, string>(WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value)))
            .Append(new KeyValuePair<string, string>("decision", "allow")).ToList();
        return await SendAsync(http, HttpMethod.Post, new Uri(page.RequestMessage!.RequestUri!, WebUtility.HtmlDecode(action.Groups[1].Value)), new FormUrlEncodedContent(fields), step);
    }

    [GeneratedRegex("<form[^>]*action=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex FormAction();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();
}
