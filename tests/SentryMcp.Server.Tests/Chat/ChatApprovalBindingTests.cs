using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SentryMcp.Sandbox;
using SentryMcp.TestDoubles;
using static SentryMcp.Server.Tests.Chat.ChatTestData;

namespace SentryMcp.Server.Tests.Chat;

/// <summary>
/// An approval runs the call it was issued for, once: not again, not with other arguments, not in
/// another org, chat or session. The browser sends the call back with its answer, so each of these
/// is what a tampering client (or a replayed request) can send.
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
        var (first, input) = await AskToCreateTeamAsync(name);
        Server.Llm.Reply("Created.");
        var answer = Continuation(first, input, "chat-1");

        var honest = await Browser.ChatAsync(answer);
        Server.Llm.Reply("Created again?");
        var replay = await Browser.ChatAsync(answer);

        Assert.Contains("tool-output-available", honest.Types);
        Assert.Equal(1, TeamsNamed(name));
        Assert.DoesNotContain("tool-output-available", replay.Types);
        Assert.Contains("already used", replay.Single("tool-output-error").GetProperty("errorText").GetString());
        Assert.Contains("already used", Server.Llm.Requests[^1]["messages"]!.AsArray()[^1]!["content"]!.ToString());
        Assert.Equal(1, TeamsNamed(name));
    }

    [Fact]
    public async Task Two_requests_racing_with_one_approval_run_the_call_once()
    {
        var name = TeamName();
        var (first, input) = await AskToCreateTeamAsync(name);
        Server.Llm.Respond(_ => new ScriptedReply("Done."));
        var answer = Continuation(first, input, "chat-1");

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Browser.ChatAsync(answer)));

        Assert.Equal(1, results.Count(r => r.Types.Contains("tool-output-available")));
        Assert.Equal(3, results.Count(r => r.Types.Contains("tool-output-error")));
        Assert.Equal(1, TeamsNamed(name));
    }

    [Fact]
    public async Task An_approval_used_on_one_instance_is_refused_on_the_other()
    {
        var name = TeamName();
        var (first, input) = await AskToCreateTeamAsync(name);
        var second = await Server.StartSecondInstanceAsync();
        Server.Llm.Respond(_ => new ScriptedReply("Done."));
        var answer = Continuation(first, input, "chat-1");

        var onSecond = await Browser.ChatAsync(answer, instance: second);
        var replayOnFirst = await Browser.ChatAsync(answer);

        Assert.Contains("tool-output-available", onSecond.Types);
        Assert.Contains("already used", replayOnFirst.Single("tool-output-error").GetProperty("errorText").GetString());
        Assert.Equal(1, TeamsNamed(name));
    }

    [Theory]
    [InlineData("another name")]
    [InlineData("another org")]
    [InlineData("another chat")]
    [InlineData("another tool call")]
    [InlineData("an extra argument")]
    public async Task An_approval_sent_back_with_a_changed_call_does_not_run_it(string change)
    {
        var name = TeamName();
        var other = TeamName();
        var (first, input) = await AskToCreateTeamAsync(name);
        Server.Llm.Reply("Not done.");
        var (changedInput, chatId, callId) = change switch
        {
            "another name" => (Input(DemoData.OrganizationSlug, other), "chat-1", null),
            "another org" => (Input(DemoData.SecondOrganizationSlug, name), "chat-1", null),
            "another chat" => (input, "chat-2", null),
            "another tool call" => (input, "chat-1", "call_other"),
            _ => (input.TrimEnd('}') + ",\"regionUrl\":\"\"}", "chat-1", (string?)null),
        };

        var result = await Browser.ChatAsync(Continuation(first, changedInput, chatId, callId));

        Assert.Contains("tool-output-denied", result.Types);
        Assert.DoesNotContain("tool-output-available", result.Types);
        Assert.Contains("does not match", Server.Llm.Requests[^1]["messages"]!.AsArray()[^1]!["content"]!.ToString());
        Assert.Equal(0, TeamsNamed(name) + TeamsNamed(other));
    }

    [Fact]
    public async Task An_approval_from_another_session_of_the_same_user_does_not_run_the_call()
    {
        var name = TeamName();
        var (first, input) = await AskToCreateTeamAsync(name);
        using var otherTab = await SignedInWithProjectManagementAsync();
        Server.Llm.Reply("Not done.");

        var result = await otherTab.ChatAsync(Continuation(first, input, "chat-1"));

        Assert.Contains("tool-output-denied", result.Types);
        Assert.Equal(0, TeamsNamed(name));
    }

    private async Task<(UiStreamResult First, string Input)> AskToCreateTeamAsync(string name)
    {
        var input = Input(DemoData.OrganizationSlug, name);
        Server.Llm.ReplyWithToolCalls(null, new ScriptedToolCall("call_t", "create_team", input));
        var first = await Browser.ChatAsync(Body(User("Create a team " + name)));
        Assert.Contains("tool-approval-request", first.Types);
        return (first, input);
    }

    private async Task<ChatBrowser> SignedInWithProjectManagementAsync()
    {
        var browser = Server.NewChatBrowser();
        await browser.SignInAsync(groups: Groups);
        return browser;
    }

    private static string Input(string org, string name) => JsonSerializer.Serialize(new { organizationSlug = org, name });

    private static string TeamName() => "team-" + Guid.NewGuid().ToString("N")[..10];

    private int TeamsNamed(string name)
    {
        var state = Server.Sandbox.Services.GetRequiredService<SandboxState>();
        lock (state.Gate)
        {
            return state.Data.Teams.Count(t => t.Name == name);
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
