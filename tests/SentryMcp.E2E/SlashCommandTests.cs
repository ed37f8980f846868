namespace SentryMcp.E2E;

/// <summary>Commands answered in the browser: they work with no session and no LLM.</summary>
[Collection(WebCollection.Name)]
public sealed class SlashCommandTests(WebAppFixture app)
{
    [Fact]
    public async Task Typing_a_slash_offers_completions_and_help_lists_the_commands()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/chat");
        var input = page.GetByTestId("chat-input");
        await Assertions.Expect(input).ToBeFocusedAsync();
        await input.PressSequentiallyAsync("/he");
        await Assertions.Expect(page.GetByTestId("slash-suggestions")).ToContainTextAsync("/help");
        await Screenshots.SaveAsync(page, "chat-slash-completion");
        await input.PressAsync("Enter");

        var answer = page.GetByTestId("message-assistant").Last;
        foreach (var command in new[] { "/help", "/prompts", "/tools", "/clear", "/logout" })
        {
            await Assertions.Expect(answer).ToContainTextAsync(command);
        }
        Assert.Empty(app.CspViolations[page]);
    }

    [Fact]
    public async Task An_unknown_command_is_answered_with_the_list_and_clear_empties_the_chat()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/chat");
        var input = page.GetByTestId("chat-input");
        await input.FillAsync("/deploy production");
        await input.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("message-assistant").Last).ToContainTextAsync("Unknown command /deploy");
        await Assertions.Expect(page.GetByTestId("message-assistant").Last).ToContainTextAsync("/tools");

        await input.FillAsync("/clear");
        await input.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("message-assistant")).ToHaveCountAsync(0);
        Assert.Equal("null", await page.EvaluateAsync<string>("JSON.stringify(localStorage.getItem('sentry-mcp-chat:conversation:v1'))"));
    }
}
