using SentryMcp.TestDoubles;

namespace SentryMcp.E2E;

/// <summary>
/// The answer runs on the server: reloading the page mid-answer shows the question and follows the
/// same answer to its end. The scripted model holds the second half until the test releases it, so
/// "mid-answer" is a state the test waits for, not a timing.
/// </summary>
[Collection(ChatCollection.Name)]
public sealed class ConversationResumeTests(ChatAppFixture app)
{
    [Fact]
    public async Task A_reload_mid_answer_resumes_the_answer_and_sees_it_finish()
    {
        app.Llm.Clear();
        var page = await app.NewPageAsync();
        await page.GotoAsync("/chat");
        await SignIn.WithSandboxAsync(page);
        var release = app.Llm.Held("Before the reload. After the reload, the answer goes on to its end.", chunks: 2);
        await Assertions.Expect(page.GetByTestId("send")).ToBeVisibleAsync();
        await page.GetByTestId("chat-input").FillAsync("Answer across a reload");
        await page.GetByTestId("chat-input").PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("message-assistant").Last).ToContainTextAsync("Before the relo");

        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("message-user")).ToContainTextAsync("Answer across a reload");
        await Assertions.Expect(page.GetByTestId("message-assistant").Last).ToContainTextAsync("Before the relo");
        release.SetResult();

        await Assertions.Expect(page.GetByTestId("message-assistant").Last).ToContainTextAsync("the answer goes on to its end.");
        await Assertions.Expect(page.GetByTestId("send")).ToBeVisibleAsync();
        Assert.Empty(app.Llm.CancelledRequests);
        Assert.Empty(app.CspViolations[page]);
    }
}
