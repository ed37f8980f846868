using System.Text.Json;
using System.Text.RegularExpressions;
using SentryMcp.TestDoubles;

namespace SentryMcp.E2E;

/// <summary>
/// What a user does to a conversation after asking (edit and resend, regenerate, copy a tool result,
/// delete all, Esc), in chromium against the real host, conversations API, sandbox and scripted LLM.
/// Each test checks the server's stored conversation as well as what the page shows, and a reload.
/// </summary>
[Collection(ChatCollection.Name)]
public sealed class ChatActionsTests(ChatAppFixture app)
{
    [Fact]
    public async Task Editing_an_earlier_question_continues_the_conversation_from_it_on_the_page_on_the_server_and_after_a_reload()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var page = await app.SignedInChatAsync();
        await app.AskAndWaitAsync(page, $"First question {tag}", "First answer.");
        await app.AskAndWaitAsync(page, "Second question", "Second answer.");
        await Assertions.Expect(page.GetByTestId("message-assistant")).ToHaveCountAsync(2);

        var first = page.GetByTestId("message-user").First;
        await first.HoverAsync();
        await first.GetByTestId("edit-message").ClickAsync();
        var editor = page.GetByTestId("message-edit-input");
        await Assertions.Expect(editor).ToBeFocusedAsync();
        await Assertions.Expect(editor).ToHaveValueAsync($"First question {tag}");
        app.Llm.Reply("The answer to the edited question.");
        await editor.FillAsync($"Edited question {tag}");
        await editor.PressAsync("Enter");

        // The answers after the edited question are replaced by the new one.
        await Assertions.Expect(page.GetByTestId("message-assistant").Last).ToContainTextAsync("The answer to the edited question.");
        await Assertions.Expect(page.GetByTestId("send")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("message-user")).ToHaveTextAsync([$"Edited question {tag}"]);
        await Assertions.Expect(page.GetByTestId("message-assistant")).ToHaveCountAsync(1);
        // The model answered from the edited question alone, without what followed the old one.
        var prompt = app.Llm.LastPrompt();
        Assert.Contains($"Edited question {tag}", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("Second question", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain($"First question {tag}", prompt, StringComparison.Ordinal);

        string[] expected = [$"user: Edited question {tag}", "assistant: The answer to the edited question."];
        Assert.Equal(expected, await StoredConversation.MessagesAsync(page));

        await page.ReloadAsync(Patient.Reload);
        await Assertions.Expect(page.GetByTestId("message-user")).ToHaveTextAsync([$"Edited question {tag}"]);
        await Assertions.Expect(page.GetByTestId("message-assistant")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("message-assistant")).ToContainTextAsync("The answer to the edited question.");
        Assert.Empty(app.CspViolations[page]);
    }

    [Fact]
    public async Task Regenerate_replaces_the_last_answer_with_the_next_one_and_its_token_usage_and_a_reload_shows_the_new_one()
    {
        var page = await app.SignedInChatAsync();
        app.Llm.Enqueue(new ScriptedReply("The first take.") { PromptTokens = 123, CompletionTokens = 45 });
        await ChatPage.AskAsync(page, "Summarize what broke");
        var answer = page.GetByTestId("message-assistant").Last;
        await Assertions.Expect(answer).ToContainTextAsync("The first take.");
        // Token usage per answer, as the model reported it (messageMetadata.usage).
        await Assertions.Expect(answer.GetByTestId("token-usage")).ToHaveTextAsync("123 in · 45 out tokens");

        app.Llm.Enqueue(new ScriptedReply("The second take.") { PromptTokens = 130, CompletionTokens = 7 });
        await answer.HoverAsync();
        await answer.GetByTestId("regenerate").ClickAsync();
        await Assertions.Expect(page.GetByTestId("message-assistant")).ToHaveTextAsync([new Regex("The second take\\.")]);
        await Assertions.Expect(page.GetByTestId("send")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("message-assistant").Last.GetByTestId("token-usage")).ToHaveTextAsync("130 in · 7 out tokens");
        await Assertions.Expect(page.GetByText("The first take.")).ToHaveCountAsync(0);
        // The model was asked the same question again, not shown its discarded answer.
        Assert.DoesNotContain("The first take.", app.Llm.LastPrompt(), StringComparison.Ordinal);

        string[] expected = ["user: Summarize what broke", "assistant: The second take."];
        Assert.Equal(expected, await StoredConversation.MessagesAsync(page));

        await page.ReloadAsync(Patient.Reload);
        await Assertions.Expect(page.GetByTestId("message-assistant")).ToHaveTextAsync([new Regex("The second take\\.")]);
        await Assertions.Expect(page.GetByTestId("message-assistant").Last.GetByTestId("token-usage")).ToHaveTextAsync("130 in · 7 out tokens");
        await Assertions.Expect(page.GetByText("The first take.")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Copy_on_a_tool_card_puts_the_tools_output_text_on_the_clipboard_and_the_shown_output_keeps_its_line_breaks()
    {
        var page = await app.SignedInChatAsync(new() { Permissions = ["clipboard-read", "clipboard-write"] });
        app.Llm.ReplyWithToolCalls(null, new ScriptedToolCall("call_copy", "find_organizations", "{}"));
        app.Llm.Reply("You can access Acme.");
        await ChatPage.AskAsync(page, "Which organizations can I access?");
        await Assertions.Expect(page.GetByTestId("message-assistant").Last).ToContainTextAsync("You can access Acme.");
        await Assertions.Expect(page.GetByTestId("send")).ToBeVisibleAsync();
        var card = page.Locator("[data-testid=tool-card][data-tool-name=find_organizations]");
        await Assertions.Expect(card).ToHaveAttributeAsync("data-status", "done");

        // Something else on the clipboard first, so the test sees the copy replace it.
        await page.EvaluateAsync("navigator.clipboard.writeText('before the copy')");
        await card.GetByTestId("tool-result-copy").ClickAsync();
        await Assertions.Expect(card.GetByRole(AriaRole.Button, new() { Name = "Copied" })).ToBeVisibleAsync();
        var copied = await page.EvaluateAsync<string>("navigator.clipboard.readText()");

        // The tool's output as stored: its text blocks, line breaks and all.
        var stored = await StoredConversation.OfAsync(page);
        var tool = stored.GetProperty("messages").EnumerateArray()
            .SelectMany(m => m.GetProperty("parts").EnumerateArray())
            .Single(p => p.TryGetProperty("toolCallId", out var id) && id.GetString() == "call_copy");
        var expected = string.Join("\n\n", tool.GetProperty("output").GetProperty("content").EnumerateArray()
            .Where(b => b.GetProperty("type").GetString() == "text")
            .Select(b => b.GetProperty("text").GetString()));
        Assert.Contains("acme", expected, StringComparison.OrdinalIgnoreCase);
        Assert.Contains('\n', expected);
        Assert.Equal(expected, copied);

        // Shown, the output keeps its line breaks: each "**Name**: …" field on a line of its own.
        Assert.Contains("**Name**: ", expected, StringComparison.Ordinal);
        await card.GetByTestId("tool-result-toggle").ClickAsync();
        var shown = await card.GetByTestId("tool-result").InnerTextAsync();
        Assert.Matches(new Regex("(^|\n)Name: [^\n]+\nWeb URL: "), shown);
    }

    [Fact]
    public async Task Delete_all_asks_first_Esc_closes_only_its_dialog_and_confirming_empties_the_sidebar_and_the_server()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var page = await app.SignedInChatAsync();
        await app.AskAndWaitAsync(page, $"One to delete {tag}", "First.");
        await page.GetByTestId("new-chat").ClickAsync();
        await app.AskAndWaitAsync(page, $"Another to delete {tag}", "Second.");
        var items = page.GetByTestId("conversation-item");
        await Assertions.Expect(items.Filter(new() { HasText = tag })).ToHaveCountAsync(2);

        var dialog = page.GetByTestId("delete-all-dialog");
        await page.GetByTestId("delete-all-conversations").ClickAsync();
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByTestId("cancel-delete-all")).ToBeFocusedAsync();
        var title = dialog.GetByRole(AriaRole.Heading, new() { Name = "Delete all conversations?" });
        // A question, set like the dialog's text, not in the monospace style of tool names.
        var titleFont = await title.EvaluateAsync<string>("el => getComputedStyle(el).fontFamily");
        Assert.Equal(await dialog.Locator("p").First.EvaluateAsync<string>("el => getComputedStyle(el).fontFamily"), titleFont);
        Assert.DoesNotContain("mono", titleFont, StringComparison.OrdinalIgnoreCase);
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(items.Filter(new() { HasText = tag })).ToHaveCountAsync(2);
        Assert.Contains((await StoredConversation.GetAsync(page, "/api/conversations")).GetProperty("items").EnumerateArray(), i => i.GetProperty("title").GetString()!.Contains(tag, StringComparison.Ordinal));

        await page.GetByTestId("delete-all-conversations").ClickAsync();
        await dialog.GetByTestId("confirm-delete-all").ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("conversation-empty")).ToBeVisibleAsync();
        await Assertions.Expect(items).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("message-user")).ToHaveCountAsync(0);
        Assert.Empty((await StoredConversation.GetAsync(page, "/api/conversations")).GetProperty("items").EnumerateArray());

        await page.ReloadAsync(Patient.Reload);
        await Assertions.Expect(page.GetByTestId("conversation-empty")).ToBeVisibleAsync();
        await Assertions.Expect(items).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Esc_in_the_delete_all_dialog_leaves_a_streaming_answer_running_and_Esc_outside_it_stops_the_answer_keeping_what_arrived()
    {
        var page = await app.SignedInChatAsync();
        // A finished conversation first: the sidebar offers "Delete all" only when it lists one.
        await app.AskAndWaitAsync(page, "Something to list", "Listed.");
        await Assertions.Expect(page.GetByTestId("delete-all-conversations")).ToBeVisibleAsync();

        // Esc in the dialog while an answer streams: the dialog closes and the answer runs to its end.
        var first = app.Llm.Held("The first answer begins, and it runs to its very end.", chunks: 2, chunkSize: 12);
        await ChatPage.AskAsync(page, "Answer while I look at the dialog");
        await Assertions.Expect(page.GetByTestId("message-assistant").Last).ToContainTextAsync("The first answer");
        await Assertions.Expect(page.GetByTestId("stop")).ToBeVisibleAsync();
        var dialog = page.GetByTestId("delete-all-dialog");
        await page.GetByTestId("delete-all-conversations").ClickAsync();
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        first.SetResult();
        await Assertions.Expect(page.GetByTestId("message-assistant").Last).ToContainTextAsync("it runs to its very end.");
        await Assertions.Expect(page.GetByTestId("send")).ToBeVisibleAsync();
        Assert.Empty(app.Llm.CancelledRequests);
        await Assertions.Expect(page.GetByTestId("conversation-item")).Not.ToHaveCountAsync(0);

        // Esc outside any dialog stops the answer; what arrived stays.
        var second = app.Llm.Held("Half of the answer arrived. The rest never comes.", chunks: 2, chunkSize: 13);
        await ChatPage.AskAsync(page, "Answer slowly");
        var answer = page.GetByTestId("message-assistant").Last;
        await Assertions.Expect(answer).ToContainTextAsync("Half of the answer");
        await Assertions.Expect(page.GetByTestId("stop")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.GetByTestId("send")).ToBeVisibleAsync();
        Assert.True(await app.Llm.WaitForCancellationAsync(TimeSpan.FromSeconds(30)), "the model call was not cancelled");
        second.SetResult();
        await Assertions.Expect(answer).ToContainTextAsync("Half of the answer");
        await Assertions.Expect(page.GetByText("The rest never comes.")).ToHaveCountAsync(0);

        // The partial answer is kept on the server too.
        await Eventually.UntilAsync(async () => (await StoredConversation.MessagesAsync(page)).Length == 6,
            describe: () => "the stopped answer was not stored");
        var stored = await StoredConversation.MessagesAsync(page);
        Assert.Equal("user: Answer slowly", stored[4]);
        Assert.StartsWith("assistant: Half of the answer", stored[5], StringComparison.Ordinal);
        Assert.DoesNotContain("The rest never comes.", stored[5], StringComparison.Ordinal);
        await page.ReloadAsync(Patient.Reload);
        await Assertions.Expect(page.GetByTestId("message-assistant").Last).ToContainTextAsync("Half of the answer");
        await Assertions.Expect(page.GetByText("The rest never comes.")).ToHaveCountAsync(0);
    }
}
