using System.Net;

namespace SentryMcp.E2E;

/// <summary>
/// "Sign out everywhere" from the header: two browser contexts are two chat sessions of the sandbox's
/// one demo user, so ending both from one of them is what a person with two browsers sees; an MCP client
/// the user connected in the first browser loses its token too.
/// </summary>
[Collection(ChatCollection.Name)]
public sealed class SignOutEverywhereTests(ChatAppFixture app)
{
    private const string Summary = "Signs you out here, in other browsers and in every MCP client you connected.";

    private async Task<IPage> SignedInChatAsync(BrowserNewContextOptions? options = null)
    {
        var page = await app.NewPageAsync(options);
        await page.GotoAsync("/chat");
        await SignIn.WithSandboxAsync(page);
        return page;
    }

    [Fact]
    public async Task Signing_out_everywhere_in_one_browser_revokes_the_MCP_client_and_signs_the_other_browser_out_on_its_next_message()
    {
        app.Llm.Clear();
        var here = await SignedInChatAsync();
        var elsewhere = await SignedInChatAsync();
        var mcpPage = await here.Context.NewPageAsync();
        var mcpToken = await McpClientSignIn.AccessTokenAsync(app, mcpPage);
        await mcpPage.CloseAsync();
        Assert.Equal(HttpStatusCode.OK, await McpClientSignIn.InitializeStatusAsync(app, mcpToken));

        // Keyboard only: the trigger opens the confirmation, Escape backs out and nothing is ended.
        var trigger = here.GetByTestId("logout-everywhere");
        await trigger.FocusAsync();
        await here.Keyboard.PressAsync("Enter");
        var dialog = here.GetByRole(AriaRole.Dialog, new() { Name = "Sign out everywhere?" });
        await Assertions.Expect(dialog).ToContainTextAsync(Summary);
        await Screenshots.SaveAsync(here, "sign-out-everywhere-confirm");
        await here.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).Not.ToBeVisibleAsync();
        await Assertions.Expect(here.GetByTestId("signed-in-user")).ToBeVisibleAsync();
        await Assertions.Expect(trigger).ToBeFocusedAsync();

        await here.Keyboard.PressAsync("Enter");
        var confirm = dialog.GetByTestId("logout-everywhere-confirm");
        await confirm.FocusAsync();
        await here.Keyboard.PressAsync("Enter");
        await Assertions.Expect(here.GetByTestId("connect")).ToBeVisibleAsync();
        await Assertions.Expect(here.GetByTestId("signed-in-user")).ToHaveCountAsync(0);
        await Assertions.Expect(dialog).Not.ToBeVisibleAsync();
        await Assertions.Expect(here.GetByTestId("logout-everywhere-error")).ToHaveCountAsync(0);

        Assert.Equal(HttpStatusCode.Unauthorized, await McpClientSignIn.InitializeStatusAsync(app, mcpToken));

        // The other browser learns it on its next request, as with any ended session.
        await Assertions.Expect(elsewhere.GetByTestId("send")).ToBeVisibleAsync();
        var input = elsewhere.GetByTestId("chat-input");
        await input.FillAsync("Am I still signed in?");
        await input.PressAsync("Enter");
        await Assertions.Expect(elsewhere.GetByTestId("sign-in-again")).ToBeVisibleAsync();
        await elsewhere.ReloadAsync();
        await Assertions.Expect(elsewhere.GetByTestId("connect")).ToBeVisibleAsync();
        Assert.Empty(app.CspViolations[here]);
    }

    [Fact]
    public async Task The_signed_in_header_and_the_confirmation_fit_a_phone_screen()
    {
        var page = await SignedInChatAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2 });

        await Assertions.Expect(page.GetByTestId("logout")).ToBeVisibleAsync();
        await page.GetByTestId("logout-everywhere").TapAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Sign out everywhere?" });
        await Assertions.Expect(dialog.GetByTestId("logout-everywhere-confirm")).ToBeInViewportAsync();
        await Assertions.Expect(dialog).ToContainTextAsync(Summary);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the signed-in page scrolls sideways");
        await Screenshots.SaveAsync(page, "sign-out-everywhere-mobile");
        await dialog.GetByTestId("logout-everywhere-cancel").TapAsync();
        await Assertions.Expect(dialog).Not.ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToBeVisibleAsync();
    }
}
