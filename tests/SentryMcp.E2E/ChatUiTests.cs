using System.Text.Json;
using SentryMcp.TestDoubles;

namespace SentryMcp.E2E;

/// <summary>The chat's rough edges, each walked through in chromium against the real host, sandbox and scripted LLM.</summary>
[Collection(ChatCollection.Name)]
public sealed class ChatUiTests(ChatAppFixture app)
{
    [Fact]
    public async Task Jump_to_latest_is_drawn_above_the_list_and_a_mouse_click_reaches_it()
    {
        var page = await app.SignedInChatAsync(new() { ViewportSize = new() { Width = 1000, Height = 600 } });
        app.Llm.Reply(string.Join("\n\n", Enumerable.Range(1, 60).Select(i => $"Paragraph {i} of a long answer.")));
        await ChatPage.AskAsync(page, "Write a lot");
        await Assertions.Expect(page.GetByTestId("message-assistant").Last).ToContainTextAsync("Paragraph 60");

        var list = page.GetByTestId("message-list");
        await list.EvaluateAsync("el => el.scrollTo(0, 0)");
        var jump = page.GetByTestId("jump-to-latest");
        await Assertions.Expect(jump).ToBeVisibleAsync();
        // A real mouse click: Playwright refuses it while another element would receive the click.
        await jump.ClickAsync();
        await Assertions.Expect(jump).ToHaveCountAsync(0);
        Assert.True(await list.EvaluateAsync<bool>("el => el.scrollHeight - el.scrollTop - el.clientHeight < 80"), "the list did not scroll to the end");
    }

    [Fact]
    public async Task An_approval_reads_as_a_sentence_and_is_closed_as_denied_when_the_user_moves_on()
    {
        var page = await app.SignedInChatAsync();
        app.Llm.ReplyWithToolCalls(null, new ScriptedToolCall("call_stale", "update_issue",
            JsonSerializer.Serialize(new { organizationSlug = "acme", issueId = "API-BACKEND-1", status = "resolved" })));
        await ChatPage.AskAsync(page, "Resolve API-BACKEND-1");
        var card = page.GetByTestId("tool-card").Last;
        await Assertions.Expect(card).ToHaveAttributeAsync("data-status", "approval");
        await Assertions.Expect(card.GetByTestId("approval-sentence")).ToContainTextAsync("Update issue API-BACKEND-1 in acme (status: resolved)");

        app.Llm.Reply("Fine, something else then.");
        await ChatPage.AskAsync(page, "Actually, never mind: what else is new?");
        await Assertions.Expect(page.GetByTestId("message-assistant").Last).ToContainTextAsync("Fine, something else then.");
        var stale = page.Locator("[data-testid=tool-card][data-tool-name=update_issue]");
        await Assertions.Expect(stale).ToHaveAttributeAsync("data-status", "denied");
        await Assertions.Expect(stale.GetByTestId("tool-approve")).ToHaveCountAsync(0);
        // The model was told why the call did not run.
        Assert.Contains("The user denied this tool call: The user sent a new message instead of answering", app.Llm.LastPrompt());
    }

    [Fact]
    public async Task Esc_stops_a_streaming_answer()
    {
        var page = await app.SignedInChatAsync();
        app.Llm.Slow(string.Concat(Enumerable.Repeat("An answer that goes on and on. ", 80)), TimeSpan.FromMilliseconds(150), chunkSize: 32);
        await ChatPage.AskAsync(page, "Tell me everything");
        await Assertions.Expect(page.GetByTestId("message-assistant").Last).ToContainTextAsync("An answer that goes on");
        await Assertions.Expect(page.GetByTestId("stop")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.GetByTestId("send")).ToBeVisibleAsync();
        Assert.True(await app.Llm.WaitForCancellationAsync(TimeSpan.FromSeconds(30)), "the model call was not cancelled");
    }

    [Fact]
    public async Task A_prompt_turn_shows_the_prompt_name_and_arguments_and_its_dialog_starts_in_the_filter_box()
    {
        var page = await app.SignedInChatAsync();
        app.Llm.Reply("No errors go through `users.py`.");
        await ChatPage.AskAsync(page, "/prompts");
        var filter = page.GetByTestId("prompts-picker").GetByRole(AriaRole.Searchbox);
        await Assertions.Expect(filter).ToBeFocusedAsync();
        await filter.FillAsync("errors_in_file");
        await page.GetByTestId("pick-find_errors_in_file").ClickAsync();
        var dialog = page.GetByTestId("prompt-dialog");
        await Assertions.Expect(dialog.GetByLabel("organizationSlug")).ToBeFocusedAsync();
        await dialog.GetByLabel("organizationSlug").FillAsync("acme");
        await dialog.GetByLabel("filename").FillAsync("users.py");
        await dialog.GetByTestId("schema-form-submit").ClickAsync();

        var turn = page.GetByTestId("message-user").Last;
        await Assertions.Expect(turn.GetByTestId("prompt-turn")).ToContainTextAsync("Prompt: find_errors_in_file");
        await Assertions.Expect(turn).ToContainTextAsync("filename: users.py");
        await Assertions.Expect(turn).Not.ToContainTextAsync("/prompt");
        await Assertions.Expect(turn).Not.ToContainTextAsync("{");
        await Assertions.Expect(page.GetByTestId("message-assistant").Last).ToContainTextAsync("No errors go through users.py");
    }

    [Fact]
    public async Task Tool_descriptions_in_the_picker_leave_out_the_model_facing_text_and_clamp_to_two_lines()
    {
        var page = await app.SignedInChatAsync(new() { ViewportSize = new() { Width = 420, Height = 800 } });
        var input = page.GetByTestId("chat-input");
        await input.FillAsync("/tools");
        await input.PressAsync("Enter");
        var picker = page.GetByTestId("tools-picker");
        await Assertions.Expect(picker.GetByRole(AriaRole.Searchbox)).ToBeFocusedAsync();
        await picker.GetByRole(AriaRole.Searchbox).FillAsync("update_project");
        var description = page.GetByTestId("pick-update_project").GetByTestId("pick-description");
        await Assertions.Expect(description).ToContainTextAsync("Update project metadata");
        await Assertions.Expect(description).Not.ToContainTextAsync("<examples>");
        await Assertions.Expect(description).Not.ToContainTextAsync("update_project(");
        await Assertions.Expect(description).Not.ToContainTextAsync("<hints>");
        var lines = await description.EvaluateAsync<double>("el => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)");
        Assert.True(lines <= 2.1, $"the description takes {lines:0.0} lines, more than the two-line clamp");
        Assert.True(await description.EvaluateAsync<bool>("el => el.scrollHeight > el.clientHeight"), "the description fits in two lines at this width, so this test clamps nothing");
    }
}
