namespace SentryMcp.E2E;

/// <summary>Sign-in and the /tools runner on a host with no LLM configured.</summary>
[Collection(WebCollection.Name)]
public sealed class ToolRunnerTests(WebAppFixture app)
{
    [Fact]
    public async Task Sign_in_through_the_sandbox_shows_the_user_and_the_tool_list()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await SignIn.WithSandboxAsync(page);
        await Assertions.Expect(page.GetByTestId("tool-list")).ToContainTextAsync("find_organizations");
        await Assertions.Expect(page.GetByTestId("home-no-llm-banner")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "home-signed-in", fullPage: true);

        await page.GetByTestId("logout").ClickAsync();
        await Assertions.Expect(page.GetByTestId("connect")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Tools_command_runs_find_organizations_without_an_llm_and_shows_a_card()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/chat");
        await SignIn.WithSandboxAsync(page);
        var input = page.GetByTestId("chat-input");
        await input.FillAsync("/tools");
        await input.PressAsync("Enter");
        await page.GetByTestId("tools-picker").GetByRole(AriaRole.Searchbox).FillAsync("organizations");
        await page.GetByTestId("pick-find_organizations").ClickAsync();
        await Assertions.Expect(page.GetByTestId("tool-dialog")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "chat-tool-form");
        await page.GetByTestId("tool-form").GetByTestId("schema-form-submit").ClickAsync();

        var card = page.GetByTestId("tool-card").Last;
        await Assertions.Expect(card).ToHaveAttributeAsync("data-status", "done");
        await card.GetByTestId("tool-result-toggle").ClickAsync();
        await Assertions.Expect(card.GetByTestId("tool-result")).ToContainTextAsync("acme");
        await Screenshots.SaveAsync(page, "chat-tool-card");
        Assert.Empty(app.CspViolations[page]);
    }

    [Fact]
    public async Task Esc_closes_the_tool_dialog_and_returns_focus_to_the_input()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/chat");
        await SignIn.WithSandboxAsync(page);
        var input = page.GetByTestId("chat-input");
        await input.FillAsync("/tools find_organizations");
        await input.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("tool-dialog")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.GetByTestId("tool-dialog")).Not.ToBeVisibleAsync();
        await Assertions.Expect(input).ToBeFocusedAsync();
    }
}
