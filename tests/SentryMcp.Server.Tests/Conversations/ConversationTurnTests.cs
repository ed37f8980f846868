using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SentryMcp.Server.Conversations;
using SentryMcp.Server.Storage;
using SentryMcp.Server.Tests.Chat;
using SentryMcp.TestDoubles;
using static SentryMcp.Server.Tests.Chat.ChatTestData;
using static SentryMcp.Server.Tests.Conversations.ConversationTestData;

namespace SentryMcp.Server.Tests.Conversations;

/// <summary>
/// An answer runs on the server, apart from the request that asked for it: a reload follows it live
/// (GET /api/chat/{id}/stream), the stop endpoint ends it and keeps what was written. The scripted
/// model holds its answer until the test releases it, so "mid-answer" is a state, not a delay.
/// </summary>
public sealed class ConversationTurnTests(ChatFixture fixture) : SignedInChatTest<ChatFixture>(fixture), IClassFixture<ChatFixture>
{
    private const string Answer = "The answer keeps coming after the reload, word by word.";

    [Fact]
    public async Task A_reload_mid_answer_follows_the_same_answer_to_the_end()
    {
        var id = NewId();
        var release = Server.Llm.Held(Answer, chunks: 2);
        using (var post = await PostAsync(id, "Tell me slowly"))
        {
            Assert.True(await post.ReadUntilAsync(c => c.GetProperty("type").GetString() == "text-delta"));
        }

        var loaded = await GetAsync(Browser, $"api/conversations/{id}");
        var turn = loaded.GetProperty("activeTurnId").GetString();
        using var resumed = await LiveStream.OpenAsync(Browser.Http, new HttpRequestMessage(HttpMethod.Get, $"api/chat/{id}/stream?turn={turn}"));
        Assert.True(await resumed.ReadUntilAsync(c => c.GetProperty("type").GetString() == "text-delta"));
        release.SetResult();
        await resumed.ReadToEndAsync();

        Assert.NotNull(turn);
        Assert.Equal(["user"], loaded.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("role").GetString()));
        Assert.Equal("text/event-stream", resumed.Response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("start", resumed.Types.First());
        Assert.Equal(Answer, resumed.Text);
        Assert.Contains("finish", resumed.Types);
        Assert.True(resumed.Done);
        Assert.Empty(Server.Llm.CancelledRequests);
        var stored = await GetAsync(Browser, $"api/conversations/{id}");
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("activeTurnId").ValueKind);
        Assert.Contains(Answer, stored.GetProperty("messages")[1].GetRawText());
        Assert.Equal(HttpStatusCode.NoContent, (await Browser.Http.GetAsync($"api/chat/{id}/stream")).StatusCode);
    }

    [Fact]
    public async Task A_turn_left_by_its_tab_finishes_and_is_stored()
    {
        var id = NewId();
        var release = Server.Llm.Held(Answer, chunks: 1);
        using (var post = await PostAsync(id, "Answer while I am away"))
        {
            Assert.True(await post.ReadUntilAsync(c => c.GetProperty("type").GetString() == "text-delta"));
        }
        release.SetResult();

        await Eventually.UntilAsync(async () => (await GetAsync(Browser, $"api/conversations/{id}")).GetProperty("messages").GetArrayLength() == 2);

        Assert.Contains(Answer, (await GetAsync(Browser, $"api/conversations/{id}")).GetProperty("messages")[1].GetRawText());
        Assert.Empty(Server.Llm.CancelledRequests);
    }

    [Fact]
    public async Task Stop_ends_the_answer_keeps_the_partial_text_and_a_second_question_meanwhile_is_409()
    {
        var id = NewId();
        var release = Server.Llm.Held(Answer, chunks: 2);
        using var post = await PostAsync(id, "Start answering");
        Assert.True(await post.ReadUntilAsync(c => c.GetProperty("type").GetString() == "text-delta"));
        await Eventually.UntilAsync(async () => (await GetAsync(Browser, $"api/conversations/{id}")).GetProperty("activeTurnId").ValueKind == JsonValueKind.String);

        var meanwhile = await Browser.PostJsonAsync("api/chat", Turn(id, User("Another question", "u9")));
        var stop = await Browser.PostJsonAsync($"api/chat/{id}/stop", new { });
        await post.ReadToEndAsync();

        await AssertProblemAsync(meanwhile, 409, "TURN_IN_PROGRESS");
        Assert.Equal(HttpStatusCode.NoContent, stop.StatusCode);
        Assert.Equal("abort", post.Types.Last());
        Assert.DoesNotContain("finish", post.Types);
        Assert.True(post.Done);
        Assert.True(await Server.Llm.WaitForCancellationAsync(TimeSpan.FromSeconds(30)), "The model call was not stopped");
        var parts = (await GetAsync(Browser, $"api/conversations/{id}")).GetProperty("messages")[1].GetProperty("parts");
        var text = parts.EnumerateArray().Single(p => p.GetProperty("type").GetString() == "text");
        Assert.Equal(Answer[..16], text.GetProperty("text").GetString());
        Assert.Equal("done", text.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await Browser.Http.GetAsync($"api/chat/{id}/stream")).StatusCode);
        release.SetResult();
    }

    [Fact]
    public async Task Editing_or_regenerating_while_the_answer_runs_is_409_and_leaves_the_answer_running()
    {
        var id = NewId();
        var release = Server.Llm.Held(Answer, chunks: 1);
        using var post = await PostAsync(id, "Start answering");
        Assert.True(await post.ReadUntilAsync(c => c.GetProperty("type").GetString() == "text-delta"));

        var edit = await Browser.PostJsonAsync("api/chat", new { id, message = User("Start answering, edited", "u1"), trigger = "submit-message", messageId = "u1" });
        var regenerate = await Browser.PostJsonAsync("api/chat", Turn(id, User("Start answering", "u1"), "regenerate-message"));
        release.SetResult();
        await post.ReadToEndAsync();

        await AssertProblemAsync(edit, 409, "MESSAGE_NOT_EDITABLE");
        await AssertProblemAsync(regenerate, 409, "MESSAGE_NOT_EDITABLE");
        Assert.Equal(Answer, post.Text);
        Assert.Contains("finish", post.Types);
        await Eventually.UntilAsync(async () => (await GetAsync(Browser, $"api/conversations/{id}")).GetProperty("messages").GetArrayLength() == 2);
        var messages = (await GetAsync(Browser, $"api/conversations/{id}")).GetProperty("messages");
        Assert.DoesNotContain("edited", messages[0].GetRawText());
        Assert.Contains(Answer, messages[1].GetRawText());
    }

    [Fact]
    public async Task A_resumed_approval_answer_replays_the_message_it_continues()
    {
        var id = NewId();
        var input = "{\"organizationSlug\":\"acme\",\"issueId\":\"WEB-FRONTEND-1\",\"status\":\"ignored\"}";
        Server.Llm.ReplyWithToolCalls("Ignoring it.", new ScriptedToolCall("call_r", "update_issue", input));
        var first = await Browser.ChatAsync(Turn(id, User("Ignore WEB-FRONTEND-1")));
        var release = Server.Llm.Held("Left it alone as asked.", chunks: 1);
        var denial = new
        {
            id = first.Single("start").GetProperty("messageId").GetString(),
            role = "assistant",
            parts = new object[]
            {
                new { type = "step-start" },
                new { type = "dynamic-tool", toolName = "update_issue", toolCallId = "call_r", state = "approval-responded", input = JsonDocument.Parse(input).RootElement,
                    approval = new { id = first.Single("tool-approval-request").GetProperty("approvalId").GetString(), approved = false, reason = "not now" } },
            },
        };
        using (var post = await LiveStream.OpenAsync(Browser.Http, new HttpRequestMessage(HttpMethod.Post, "api/chat") { Content = JsonContent.Create(Turn(id, denial)) }))
        {
            Assert.True(await post.ReadUntilAsync(c => c.GetProperty("type").GetString() == "text-delta"));
            Assert.Equal("start", post.Types.First());
            Assert.DoesNotContain("tool-input-available", post.Types);
        }

        using var resumed = await LiveStream.OpenAsync(Browser.Http, new HttpRequestMessage(HttpMethod.Get, $"api/chat/{id}/stream"));
        release.SetResult();
        await resumed.ReadToEndAsync();

        // The replay rebuilds the earlier steps (text, the call and its approval request), then continues live.
        Assert.Equal(["start", "start-step", "text-start", "text-delta", "text-end", "tool-input-start", "tool-input-available", "tool-approval-request", "finish-step",
            "start", "tool-output-denied", "start-step", "text-start", "text-delta", "text-delta", "text-delta", "text-end", "finish-step", "finish"], resumed.Types);
        Assert.Equal("Ignoring it.Left it alone as asked.", resumed.Text);
    }

    [Fact]
    public async Task The_answer_so_far_is_saved_while_it_streams_marked_interrupted_until_it_finishes()
    {
        var id = NewId();
        var release = Server.Llm.Held(Answer, chunks: 2);
        using var post = await PostAsync(id, "Save it as you go");
        Assert.True(await post.ReadUntilAsync(c => c.GetProperty("type").GetString() == "text-delta"));

        // Chat:AnswerSaveInterval (2 s by default) after the text came, it is in the database.
        ConversationMessage? partial = null;
        await Eventually.UntilAsync(async () => (partial = await StoredAnswerAsync(id)) is { Text: var text } && text == Answer[..16]);
        var whileRunning = await GetAsync(Browser, $"api/conversations/{id}");
        release.SetResult();
        await post.ReadToEndAsync();
        await Eventually.UntilAsync(async () => await StoredAnswerAsync(id) is { } final && !UiMessageBuilder.IsInterrupted(final.Metadata));

        Assert.True(UiMessageBuilder.IsInterrupted(partial!.Metadata));
        Assert.Contains("\"state\":\"done\"", partial.Parts);
        // While the turn runs a loading tab gets the question and resumes the live answer (which rebuilds the saved part).
        Assert.Equal(["user"], whileRunning.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("role").GetString()));
        Assert.Equal(JsonValueKind.String, whileRunning.GetProperty("activeTurnId").ValueKind);
        Assert.Equal(Answer, (await StoredAnswerAsync(id))!.Text);
        var stored = await GetAsync(Browser, $"api/conversations/{id}");
        Assert.False(stored.GetProperty("messages")[1].GetProperty("metadata").TryGetProperty("interrupted", out _));
    }

    private async Task<ConversationMessage?> StoredAnswerAsync(string id)
    {
        using var scope = Server.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().ConversationMessages.AsNoTracking()
            .FirstOrDefaultAsync(m => m.ConversationId == id && m.Role == "assistant");
    }

    private async Task<LiveStream> PostAsync(string id, string question) =>
        await LiveStream.OpenAsync(Browser.Http, new HttpRequestMessage(HttpMethod.Post, "api/chat") { Content = JsonContent.Create(Turn(id, User(question))) });
}

/// <summary>Small limits, to reach each of them.</summary>
public sealed class LimitedConversationsFixture : ChatFixture
{
    protected override IDictionary<string, string?> ChatSettings => new Dictionary<string, string?>(base.ChatSettings)
    {
        ["Chat:MaxConversationsPerUser"] = "2",
        ["Chat:MaxMessages"] = "4",
        ["Chat:MaxMessageBytes"] = "4096",
    };
}

public sealed class ConversationLimitTests(LimitedConversationsFixture fixture) : SignedInChatTest<LimitedConversationsFixture>(fixture), IClassFixture<LimitedConversationsFixture>
{
    [Fact]
    public async Task Each_limit_is_a_clear_4xx_before_anything_runs()
    {
        Assert.Equal(HttpStatusCode.NoContent, (await Browser.Http.DeleteAsync("api/conversations")).StatusCode);
        Server.Llm.Respond(_ => new ScriptedReply("ok"));
        var (one, two) = (NewId(), NewId());
        Assert.Contains("finish", (await Browser.ChatAsync(Turn(one, User("first", "u1")))).Types);
        Assert.Contains("finish", (await Browser.ChatAsync(Turn(one, User("second", "u2")))).Types);
        Assert.Contains("finish", (await Browser.ChatAsync(Turn(two, User("other")))).Types);
        var requests = Server.Llm.Requests.Count;

        await AssertProblemAsync(await Browser.PostJsonAsync("api/chat", Turn(one, User("third", "u3"))), 409, "CONVERSATION_FULL");
        await AssertProblemAsync(await Browser.PostJsonAsync("api/chat", Turn(NewId(), User("a third conversation"))), 409, "CONVERSATION_LIMIT_REACHED");
        await AssertProblemAsync(await Browser.PostJsonAsync("api/chat", Turn(two, User(new string('x', 5000), "u5"))), 413, "MESSAGE_TOO_LARGE");

        Assert.Equal(requests, Server.Llm.Requests.Count);
        // Editing an earlier question frees the room its answers took.
        Assert.Contains("finish", (await Browser.ChatAsync(Turn(one, User("second, edited", "u2")))).Types);
    }
}

/// <summary>The model writes titles.</summary>
public sealed class TitledConversationsFixture : ChatFixture
{
    protected override IDictionary<string, string?> ChatSettings => new Dictionary<string, string?>(base.ChatSettings) { ["Chat:GenerateTitles"] = "true" };
}

public sealed class ConversationTitleTests(TitledConversationsFixture fixture) : SignedInChatTest<TitledConversationsFixture>(fixture), IClassFixture<TitledConversationsFixture>
{
    [Fact]
    public async Task The_first_words_are_the_title_until_the_model_writes_a_short_one()
    {
        var id = NewId();
        Server.Llm.Reply("It fails because the payment provider times out.");
        var titleRelease = Server.Llm.Held("\"Checkout failures lately.\"", chunks: 0);

        await Browser.ChatAsync(Turn(id, User("why does the checkout of our shop fail so often lately, and since when exactly?")));
        var firstWords = (await GetAsync(Browser, $"api/conversations/{id}")).GetProperty("title").GetString();
        titleRelease.SetResult();

        Assert.Equal("why does the checkout of our shop fail so often lately, and…", firstWords);
        await Eventually.UntilAsync(async () => (await GetAsync(Browser, $"api/conversations/{id}")).GetProperty("title").GetString() == "Checkout failures lately");
        Assert.Contains("title of at most six words", Server.Llm.Requests[^1]["messages"]![0]!["content"]!.ToString());
    }
}

/// <summary>A sweep that runs often (the test moves the host's clock).</summary>
public sealed class RetentionFixture : ChatFixture
{
    protected override IDictionary<string, string?> ChatSettings => new Dictionary<string, string?>(base.ChatSettings)
    {
        ["Chat:ConversationRetention"] = "90.00:00:00",
        ["Chat:RetentionSweepInterval"] = "00:00:00.200",
    };
}

public sealed class ConversationRetentionTests(RetentionFixture fixture) : IClassFixture<RetentionFixture>
{
    [Fact]
    public async Task Conversations_idle_past_the_retention_are_deleted_in_the_background()
    {
        var now = fixture.Clock.GetUtcNow();
        await SeedAsync(fixture, "idle-91-days", "u", "Old", now.AddDays(-91));
        await SeedAsync(fixture, "idle-10-days", "u", "Recent", now.AddDays(-10), text: "still here");

        await Eventually.UntilAsync(async () => !await ExistsAsync(fixture, "idle-91-days"));
        Assert.True(await ExistsAsync(fixture, "idle-10-days"));

        fixture.Clock.Offset = TimeSpan.FromDays(81);
        await Eventually.UntilAsync(async () => !await ExistsAsync(fixture, "idle-10-days"));
    }
}
