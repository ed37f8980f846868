using SentryMcp.TestDoubles;
namespace SentryMcp.E2E;

/// <summary>The conversation sidebar and `/chat/{id}` URLs against the real conversations API, sandbox and scripted LLM.</summary>
[Collection(ChatCollection.Name)]
public sealed class ConversationSidebarTests(ChatAppFixture app)
{
    private static ILocator Item(IPage page, string text) =>
        page.GetByTestId("conversation-item").Filter(new() { HasText = text });

    [Fact]
    public async Task Two_tabs_hold_two_conversations_and_back_switches_between_them()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var first = await app.SignedInChatAsync();
        await app.AskAndWaitAsync(first, $"First question {tag}", "First answer.");
        await Assertions.Expect(first).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/chat/[A-Za-z0-9_-]+$"));
        var firstUrl = first.Url;

        var second = await first.Context.NewPageAsync();
        await second.GotoAsync("/chat");
        await second.GetByTestId("new-chat").ClickAsync();
        await app.AskAndWaitAsync(second, $"Second question {tag}", "Second answer.");
        Assert.NotEqual(firstUrl, second.Url);

        // Each tab still shows its own conversation, also after a reload.
        await first.ReloadAsync();
        await Assertions.Expect(first.GetByTestId("message-user")).ToHaveTextAsync([$"First question {tag}"]);
        await second.ReloadAsync();
        await Assertions.Expect(second.GetByTestId("message-user")).ToHaveTextAsync([$"Second question {tag}"]);

        // The sidebar opens the other one; back returns to the first.
        await Item(second, $"First question {tag}").GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(second).ToHaveURLAsync(firstUrl);
        await Assertions.Expect(second.GetByTestId("message-user")).ToHaveTextAsync([$"First question {tag}"]);
        await second.GoBackAsync();
        await Assertions.Expect(second.GetByTestId("message-user")).ToHaveTextAsync([$"Second question {tag}"]);
        await second.GoForwardAsync();
        await Assertions.Expect(second.GetByTestId("message-user")).ToHaveTextAsync([$"First question {tag}"]);
        Assert.Empty(app.CspViolations[first]);
    }

    [Fact]
    public async Task Search_finds_a_conversation_by_message_text_and_delete_removes_it()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var page = await app.SignedInChatAsync();
        await app.AskAndWaitAsync(page, $"Where does checkout fail {tag}?", "In the payment step.");
        await page.GetByTestId("new-chat").ClickAsync();
        await app.AskAndWaitAsync(page, "Something else entirely", "Sure.");

        // The answer's words are message text, not the title.
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search conversations" }).FillAsync("payment step");
        var found = Item(page, $"Where does checkout fail {tag}");
        await Assertions.Expect(found).ToBeVisibleAsync();
        await Assertions.Expect(Item(page, "Something else entirely")).ToHaveCountAsync(0);

        await found.GetByTestId("delete-conversation").ClickAsync();
        await found.GetByTestId("confirm-delete").ClickAsync();
        await Assertions.Expect(found).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search conversations" }).FillAsync(tag);
        await Assertions.Expect(page.GetByTestId("conversation-empty")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search conversations" }).FillAsync(tag);
        await Assertions.Expect(page.GetByTestId("conversation-empty")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Export_downloads_a_markdown_file_with_the_question()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var page = await app.SignedInChatAsync();
        await app.AskAndWaitAsync(page, $"Export me {tag}", "Exported answer.");
        // Token usage per answer, from the answer's messageMetadata.usage.
        await Assertions.Expect(page.GetByTestId("message-assistant").Last.GetByTestId("token-usage")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\d+ in · \d+ out tokens"));
        var item = Item(page, $"Export me {tag}");
        await item.GetByTestId("export-conversation").ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => item.GetByTestId("export-markdown").ClickAsync());
        Assert.EndsWith(".md", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        var text = await File.ReadAllTextAsync(path);
        Assert.Contains($"Export me {tag}", text, StringComparison.Ordinal);
        Assert.Contains("Exported answer.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rename_changes_the_title_in_the_sidebar_and_on_the_server_and_Esc_keeps_the_old_one()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var page = await app.SignedInChatAsync();
        await app.AskAndWaitAsync(page, $"Why does checkout fail {tag}", "It times out.");
        var item = page.Locator($"[data-testid=conversation-item][data-conversation-id='{StoredConversation.IdOf(page)}']");
        var link = item.GetByRole(AriaRole.Link);
        await Assertions.Expect(link).ToHaveTextAsync($"Why does checkout fail {tag}");

        await item.HoverAsync();
        await item.GetByTestId("rename-conversation").ClickAsync();
        var field = item.GetByRole(AriaRole.Textbox, new() { Name = "Conversation title" });
        await Assertions.Expect(field).ToBeFocusedAsync();
        await field.FillAsync("Not this one");
        await field.PressAsync("Escape");
        await Assertions.Expect(field).ToHaveCountAsync(0);
        await Assertions.Expect(link).ToHaveTextAsync($"Why does checkout fail {tag}");

        await item.HoverAsync();
        await item.GetByTestId("rename-conversation").ClickAsync();
        await field.FillAsync($"Checkout timeouts {tag}");
        await field.PressAsync("Enter");
        await Assertions.Expect(link).ToHaveTextAsync($"Checkout timeouts {tag}");
        await Eventually.UntilAsync(async () => (await StoredConversation.OfAsync(page)).GetProperty("title").GetString() == $"Checkout timeouts {tag}",
            describe: () => "the server kept the old title");

        await page.ReloadAsync(Patient.Reload);
        await Assertions.Expect(link).ToHaveTextAsync($"Checkout timeouts {tag}");
        await Assertions.Expect(page.GetByTestId("message-user")).ToHaveTextAsync([$"Why does checkout fail {tag}"]);
    }

    [Fact]
    public async Task Logging_out_in_one_tab_keeps_the_conversations_and_the_other_tab_signs_in_again_to_continue()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var page = await app.SignedInChatAsync();
        await app.AskAndWaitAsync(page, $"Kept across a logout {tag}", "Kept.");
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync(page.Url, Patient.Navigation);
        await Assertions.Expect(other.GetByTestId("message-user")).ToHaveTextAsync([$"Kept across a logout {tag}"]);

        await page.GetByTestId("logout").ClickAsync();
        await Assertions.Expect(page.GetByTestId("connect")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("message-user")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("conversation-sidebar")).ToHaveCountAsync(0);

        // The other tab learns it on its next message, and signing in again sends that message on.
        app.Llm.Reply("Still here after signing in again.");
        await Assertions.Expect(other.GetByTestId("send")).ToBeVisibleAsync();
        await other.GetByTestId("chat-input").FillAsync("Are you still there?");
        await other.GetByTestId("chat-input").PressAsync("Enter");
        await Assertions.Expect(other.GetByTestId("sign-in-again")).ToBeVisibleAsync();
        var popup = await other.RunAndWaitForPopupAsync(() => other.GetByTestId("sign-in-again").ClickAsync());
        await SignIn.CompleteAsync(popup);
        await Assertions.Expect(other.GetByTestId("message-assistant").Last).ToContainTextAsync("Still here after signing in again.");
        await Assertions.Expect(other.GetByTestId("send")).ToBeVisibleAsync();

        // The logout deleted nothing: the conversation goes on where it was, on the server and after a reload.
        string[] expected = [$"user: Kept across a logout {tag}", "assistant: Kept.", "user: Are you still there?", "assistant: Still here after signing in again."];
        Assert.Equal(expected, await StoredConversation.MessagesAsync(other));
        await other.ReloadAsync(Patient.Reload);
        await Assertions.Expect(other.GetByTestId("message-user")).ToHaveTextAsync([$"Kept across a logout {tag}", "Are you still there?"]);
        await Assertions.Expect(Item(other, $"Kept across a logout {tag}")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task On_a_phone_the_conversations_are_a_drawer()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var page = await app.SignedInChatAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2 });
        await app.AskAndWaitAsync(page, $"Phone question {tag}", "Phone answer.");
        var sidebar = page.GetByRole(AriaRole.Navigation, new() { Name = "Conversations" });
        await Assertions.Expect(sidebar).ToBeHiddenAsync();
        await page.GetByTestId("open-conversations").ClickAsync();
        await Assertions.Expect(sidebar).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Searchbox, new() { Name = "Search conversations" })).ToBeFocusedAsync();
        await Assertions.Expect(Item(page, $"Phone question {tag}")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "chat-sidebar-phone");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(sidebar).ToBeHiddenAsync();
    }
}
