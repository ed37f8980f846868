using System.Text.Json;
using SentryMcp.TestDoubles;
namespace SentryMcp.E2E;

/// <summary>The chat against the real chat API, MCP endpoint and sandbox, with the scripted LLM.</summary>
[Collection(ChatCollection.Name)]
public sealed class ChatTests(ChatAppFixture app)
{
    private const string Answer = "Here is what I found:\n\n| Organization | Slug |\n|---|---|\n| Acme | `acme` |\n\n```json\n{\"ok\": true}\n```";

    [Fact]
    public async Task A_question_shows_the_tool_card_then_a_markdown_answer()
    {
        var page = await app.SignedInChatAsync();
        app.Llm.ReplyWithToolCalls(null, new ScriptedToolCall("call_1", "find_organizations", JsonSerializer.Serialize(new { })));
        app.Llm.Reply(Answer);
        await ChatPage.AskAsync(page, "Which organizations can I access?");

        var card = page.GetByTestId("tool-card").First;
        await Assertions.Expect(card).ToHaveAttributeAsync("data-tool-name", "find_organizations");
        await Assertions.Expect(card).ToHaveAttributeAsync("data-status", "done");
        var answer = page.GetByTestId("message-assistant").Last;
        await Assertions.Expect(answer.GetByRole(AriaRole.Table)).ToContainTextAsync("acme");
        await Assertions.Expect(answer.Locator("code.hljs")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("regenerate")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "chat-answer");
        Assert.Empty(app.CspViolations[page]);

        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("message-user")).ToContainTextAsync("Which organizations can I access?");
        await Assertions.Expect(page.GetByTestId("message-assistant").Last.GetByRole(AriaRole.Table)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Approving_a_write_tool_runs_it_and_denying_it_does_not()
    {
        var page = await app.SignedInChatAsync();
        app.Llm.ReplyWithToolCalls(null, new ScriptedToolCall("call_2", "update_issue", JsonSerializer.Serialize(new { organizationSlug = "acme", issueId = "API-BACKEND-1", status = "resolved" })));
        app.Llm.Reply("Resolved **API-BACKEND-1**.");
        await ChatPage.AskAsync(page, "Resolve API-BACKEND-1");

        var card = page.GetByTestId("tool-card").Last;
        await Assertions.Expect(card).ToHaveAttributeAsync("data-status", "approval");
        await Screenshots.SaveAsync(page, "chat-approval");
        await card.GetByTestId("tool-approve").ClickAsync();
        await Assertions.Expect(page.GetByTestId("tool-card").Last).ToHaveAttributeAsync("data-status", "done");
        await Assertions.Expect(page.GetByTestId("message-assistant").Last).ToContainTextAsync("Resolved API-BACKEND-1");

        app.Llm.ReplyWithToolCalls(null, new ScriptedToolCall("call_3", "update_issue", JsonSerializer.Serialize(new { organizationSlug = "acme", issueId = "API-BACKEND-1", status = "ignored" })));
        app.Llm.Reply("Understood, I left it as it is.");
        await ChatPage.AskAsync(page, "Now ignore it");
        var second = page.GetByTestId("tool-card").Last;
        await Assertions.Expect(second).ToHaveAttributeAsync("data-status", "approval");
        await second.GetByTestId("tool-deny").ClickAsync();
        await Assertions.Expect(page.GetByTestId("tool-card").Last).ToHaveAttributeAsync("data-status", "denied");
    }

    [Fact]
    public async Task The_prompts_dialog_enforces_required_arguments_and_sends_the_prompt()
    {
        var page = await app.SignedInChatAsync();
        app.Llm.Reply("No errors go through `users.py`.");
        await ChatPage.AskAsync(page, "/prompts");
        await page.GetByTestId("pick-find_errors_in_file").ClickAsync();
        var dialog = page.GetByTestId("prompt-dialog");
        await dialog.GetByTestId("schema-form-submit").ClickAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.Alert).First).ToContainTextAsync("required");
        await Screenshots.SaveAsync(page, "chat-prompt-dialog");

        await dialog.GetByLabel("organizationSlug").FillAsync("acme");
        await dialog.GetByLabel("filename").FillAsync("users.py");
        await dialog.GetByTestId("schema-form-submit").ClickAsync();
        await Assertions.Expect(dialog).Not.ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("message-user").Last).ToContainTextAsync("Prompt: find_errors_in_file");
        await Assertions.Expect(page.GetByTestId("message-assistant").Last).ToContainTextAsync("No errors go through users.py");
    }

    [Fact]
    public async Task Stop_ends_the_answer_mid_stream_and_keeps_what_arrived()
    {
        var page = await app.SignedInChatAsync();
        app.Llm.Slow(string.Concat(Enumerable.Repeat("A long answer that keeps going. ", 60)), TimeSpan.FromMilliseconds(150), chunkSize: 32);
        await ChatPage.AskAsync(page, "Tell me everything");
        var answer = page.GetByTestId("message-assistant").Last;
        await Assertions.Expect(answer).ToContainTextAsync("A long answer");
        await Screenshots.SaveAsync(page, "chat-streaming");
        await page.GetByTestId("stop").ClickAsync();
        await Assertions.Expect(page.GetByTestId("send")).ToBeVisibleAsync();
        var stopped = await answer.InnerTextAsync();
        // Once the model's answer was abandoned nothing more can arrive: what the user sees is final.
        Assert.True(await app.Llm.WaitForCancellationAsync(Eventually.DefaultDeadline), "the model call was not stopped");
        Assert.Equal(stopped, await answer.InnerTextAsync());
        Assert.True(stopped.Length < 60 * 32, "the whole answer arrived despite Stop");
    }

    [Fact]
    public async Task An_ended_session_offers_sign_in_again_and_keeps_the_conversation()
    {
        var page = await app.SignedInChatAsync();
        app.Llm.Reply("First answer.");
        await ChatPage.AskAsync(page, "First question");
        await Assertions.Expect(page.GetByTestId("message-assistant").Last).ToContainTextAsync("First answer.");

        await page.Context.ClearCookiesAsync();
        await ChatPage.AskAsync(page, "Second question");
        await Assertions.Expect(page.GetByTestId("sign-in-again")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "chat-session-expired");
        await Assertions.Expect(page.GetByTestId("message-user").First).ToContainTextAsync("First question");

        app.Llm.Reply("Second answer.");
        var popup = await page.RunAndWaitForPopupAsync(() => page.GetByTestId("sign-in-again").ClickAsync());
        await SignIn.CompleteAsync(popup);
        await Assertions.Expect(page.GetByTestId("message-assistant").Last).ToContainTextAsync("Second answer.");
        await Assertions.Expect(page.GetByTestId("chat-error")).ToHaveCountAsync(0);
    }
}
