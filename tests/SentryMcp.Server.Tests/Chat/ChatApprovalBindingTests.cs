using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SentryMcp.Sandbox;
using SentryMcp.TestDoubles;
using static SentryMcp.Server.Tests.Chat.ChatTestData;

namespace SentryMcp.Server.Tests.Chat;

/// <summary>
/// An approval runs the call it was issued for, once: not again, not with other arguments, not in
/// another org, chat or session. The server holds the call (tool, input, call id) and reads only the
/// answer from the browser, so each of these is what a tampering client (or a replayed request) can send.
/// </summary>
public sealed class ChatApprovalBindingTests(ChatFixture fixture) : SignedInChatTest<ChatFixture>(fixture), IClassFixture<ChatFixture>
{
    private static readonly string[] Groups = ["IssueTriage", "ProjectManagement"];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Browser.Dispose();
        Browser = await SignedInWithProjectManagementAsync();
    }
    [Fact]
    public async Task An_approved_call_runs_once_and_a_replay_of_the_approval_is_refused()
    {
        var name = TeamName();
        var (chat, first, input) = await AskToCreateTeamAsync(name);
        Server.Llm.Reply("Created.");
        var answer = Continuation(first, input, chat);

        var honest = await Browser.ChatAsync(answer);
        var replay = await Browser.ChatAsync(answer);

        Assert.Contains("tool-output-available", honest.Types);
        Assert.Equal(1, TeamsNamed(name));
        await AssertNotPendingAsync(replay);
        Assert.Equal(2, Server.Llm.Requests.Count);
        Assert.Equal(1, TeamsNamed(name));
    }

    [Fact]
    public async Task Two_requests_racing_with_one_approval_run_the_call_once()
    {
        var name = TeamName();
        var (chat, first, input) = await AskToCreateTeamAsync(name);
        Server.Llm.Respond(_ => new ScriptedReply("Done."));
        var answer = Continuation(first, input, chat);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Browser.ChatAsync(answer)));

        // The others are refused before they run (one answer at a time, then nothing pending), or
        // at the latest by the approval ledger.
        Assert.Equal(1, results.Count(r => r.Types.Contains("tool-output-available")));
        Assert.Equal(3, results.Count(r => r.Response.StatusCode == HttpStatusCode.Conflict || r.Raw.Contains("already used", StringComparison.Ordinal)));
        Assert.Equal(1, TeamsNamed(name));
    }

    [Fact]
    public async Task An_approval_used_on_one_instance_is_refused_on_the_other()
    {
        var name = TeamName();
        var (chat, first, input) = await AskToCreateTeamAsync(name);
        var second = await Server.StartSecondInstanceAsync();
        Server.Llm.Respond(_ => new ScriptedReply("Done."));
        var answer = Continuation(first, input, chat);

        var onSecond = await Browser.ChatAsync(answer, instance: second);
        var replayOnFirst = await Browser.ChatAsync(answer);

        Assert.Contains("tool-output-available", onSecond.Types);
        await AssertNotPendingAsync(replayOnFirst);
        Assert.Equal(1, TeamsNamed(name));
    }

    [Theory]
    [InlineData("another name")]
    [InlineData("another org")]
    [InlineData("an extra argument")]
    public async Task An_approval_sent_back_with_a_changed_input_runs_the_stored_call_only(string change)
    {
        var name = TeamName();
        var other = TeamName();
        var (chat, first, input) = await AskToCreateTeamAsync(name);
        Server.Llm.Reply("Done as first asked.");
        var changedInput = change switch
        {
            "another name" => Input(DemoData.OrganizationSlug, other),
            "another org" => Input(DemoData.SecondOrganizationSlug, name),
            _ => input.TrimEnd('}') + ",\"regionUrl\":\"\"}",
        };

        var result = await Browser.ChatAsync(Continuation(first, changedInput, chat));

        Assert.Contains("tool-output-available", result.Types);
        Assert.Equal(1, TeamsNamed(name, DemoData.OrganizationSlug));
        Assert.Equal(0, TeamsNamed(other) + TeamsNamed(name, DemoData.SecondOrganizationSlug));
    }

    [Theory]
    [InlineData("another chat", 404, "CONVERSATION_NOT_FOUND")]
    [InlineData("another tool call", 409, "APPROVAL_NOT_PENDING")]
    public async Task An_approval_sent_for_another_chat_or_tool_call_runs_nothing(string change, int status, string code)
    {
        var name = TeamName();
        var (chat, first, input) = await AskToCreateTeamAsync(name);

        var result = await Browser.ChatAsync(change == "another chat" ? Continuation(first, input, "chat-2") : Continuation(first, input, chat, "call_other"));

        Assert.Equal(status, (int)result.Response.StatusCode);
        Assert.Equal(code, JsonDocument.Parse(result.Raw).RootElement.GetProperty("code").GetString());
        Assert.Single(Server.Llm.Requests);
        Assert.Equal(0, TeamsNamed(name));
    }

    [Fact]
    public async Task An_approval_from_another_session_of_the_same_user_does_not_run_the_call()
    {
        var name = TeamName();
        var (chat, first, input) = await AskToCreateTeamAsync(name);
        using var otherTab = await SignedInWithProjectManagementAsync();
        Server.Llm.Reply("Not done.");

        var result = await otherTab.ChatAsync(Continuation(first, input, chat));

        Assert.Contains("tool-output-denied", result.Types);
        Assert.Equal(0, TeamsNamed(name));
    }

    [Fact]
    public async Task An_approval_left_unanswered_is_closed_as_denied_when_the_user_moves_on_and_cannot_be_approved_later()
    {
        var name = TeamName();
        var (chat, first, input) = await AskToCreateTeamAsync(name);
        Server.Llm.Reply("Something else, then.");

        var moveOn = await Browser.ChatAsync(BodyIn(chat, User("Never mind, list my projects", "u2")));
        var lateApproval = await Browser.ChatAsync(Continuation(first, input, chat));

        Assert.Contains("text-delta", moveOn.Types);
        // What the model read for the abandoned call, and what a reload shows: a denial with its reason.
        Assert.Contains("The user denied this tool call: " + SentryMcp.Server.Conversations.ChatTurnApi.StaleApprovalReason, Server.Llm.LastPrompt());
        var stored = await Browser.Http.GetFromJsonAsync<JsonElement>($"api/conversations/{chat}");
        var tool = stored.GetProperty("messages").EnumerateArray().SelectMany(m => m.GetProperty("parts").EnumerateArray())
            .Single(p => p.TryGetProperty("toolCallId", out _));
        Assert.Equal("output-denied", tool.GetProperty("state").GetString());
        Assert.Equal(SentryMcp.Server.Conversations.ChatTurnApi.StaleApprovalReason, tool.GetProperty("approval").GetProperty("reason").GetString());
        await AssertNotPendingAsync(lateApproval);
        Assert.Equal(0, TeamsNamed(name));
    }

    private async Task<(string Chat, UiStreamResult First, string Input)> AskToCreateTeamAsync(string name)
    {
        var input = Input(DemoData.OrganizationSlug, name);
        var chat = "chat-" + Guid.NewGuid().ToString("N")[..12];
        Server.Llm.ReplyWithToolCalls(null, new ScriptedToolCall("call_t", "create_team", input));
        var first = await Browser.ChatAsync(BodyIn(chat, User("Create a team " + name)));
        Assert.Contains("tool-approval-request", first.Types);
        return (chat, first, input);
    }

    private static async Task AssertNotPendingAsync(UiStreamResult result)
    {
        Assert.Equal(HttpStatusCode.Conflict, result.Response.StatusCode);
        Assert.Equal("APPROVAL_NOT_PENDING", (await result.Response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    private async Task<ChatBrowser> SignedInWithProjectManagementAsync()
    {
        var browser = Server.NewChatBrowser();
        await browser.SignInAsync(groups: Groups);
        return browser;
    }

    private static string Input(string org, string name) => JsonSerializer.Serialize(new { organizationSlug = org, name });

    private static string TeamName() => "team-" + Guid.NewGuid().ToString("N")[..10];

    private int TeamsNamed(string name, string? organization = null)
    {
        var state = Server.Sandbox.Services.GetRequiredService<SandboxState>();
        lock (state.Gate)
        {
            return state.Data.Teams.Count(t => t.Name == name && (organization is null || t.OrganizationSlug == organization));
        }
    }

    /// <summary>The next useChat request: the assistant message with the approved tool part, as the browser sends it.</summary>
    private static object Continuation(UiStreamResult first, string input, string chatId, string? callId = null)
    {
        var request = first.Single("tool-approval-request");
        var call = first.Single("tool-input-available");
        var tool = new
        {
            type = "dynamic-tool",
            toolName = call.GetProperty("toolName").GetString(),
            toolCallId = callId ?? call.GetProperty("toolCallId").GetString(),
            state = "approval-responded",
            input = JsonDocument.Parse(input).RootElement,
            approval = new { id = request.GetProperty("approvalId").GetString(), approved = true },
        };
        var assistant = new { id = first.Single("start").GetProperty("messageId").GetString(), role = "assistant", parts = new object[] { new { type = "step-start" }, tool } };
        return new { id = chatId, messages = new[] { User("Create a team"), assistant }, trigger = "submit-message" };
    }
}
