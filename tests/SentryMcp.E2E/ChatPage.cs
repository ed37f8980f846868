namespace SentryMcp.E2E;

/// <summary>What the chat tests do the same way: open the chat signed in, and ask as a person would.</summary>
public static class ChatPage
{
    /// <summary>A new page on /chat, signed in through the sandbox, with the scripted model's queue emptied.</summary>
    public static async Task<IPage> SignedInChatAsync(this ChatAppFixture app, BrowserNewContextOptions? options = null)
    {
        app.Llm.Clear();
        var page = await app.NewPageAsync(options);
        await page.GotoAsync("/chat", Patient.Navigation);
        await SignIn.WithSandboxAsync(page);
        return page;
    }

    /// <summary>
    /// Types the question and presses Enter. The input ignores Enter while an answer is still streaming
    /// (the text stays in the box), so this waits until the previous turn has finished, as a person would.
    /// </summary>
    public static async Task AskAsync(IPage page, string question)
    {
        await Assertions.Expect(page.GetByTestId("send")).ToBeVisibleAsync();
        var input = page.GetByTestId("chat-input");
        await input.FillAsync(question);
        await input.PressAsync("Enter");
    }

    /// <summary>Scripts the answer, asks, and waits until the answer has ended (so it is stored before the test goes on).</summary>
    public static async Task AskAndWaitAsync(this ChatAppFixture app, IPage page, string question, string answer)
    {
        app.Llm.Reply(answer);
        await AskAsync(page, question);
        await Assertions.Expect(page.GetByTestId("message-assistant").Last).ToContainTextAsync(answer);
        await Assertions.Expect(page.GetByTestId("send")).ToBeVisibleAsync();
    }
}
