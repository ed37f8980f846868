namespace SentryMcp.E2E;

/// <summary>The chat on a host with no model, and before the visitor has signed in: one accurate message per state.</summary>
[Collection(WebCollection.Name)]
public sealed class ChatWithoutModelTests(WebAppFixture app)
{
    [Fact]
    public async Task A_visitor_who_never_signed_in_is_asked_to_connect_not_told_a_session_ended()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/chat", Patient.Navigation);
        var input = page.GetByTestId("chat-input");
        await input.FillAsync("What broke today?");
        await input.PressAsync("Enter");

        await Assertions.Expect(page.GetByTestId("chat-error-title")).ToHaveTextAsync("Connect your Sentry account first");
        await Assertions.Expect(page.GetByTestId("sign-in-again")).ToHaveTextAsync("Connect with Sentry");
        await Assertions.Expect(page.GetByText("session has ended")).ToHaveCountAsync(0);
        // Nothing was sent, so no unanswered bubble; the question waits in the box.
        await Assertions.Expect(page.GetByTestId("message-user")).ToHaveCountAsync(0);
        await Assertions.Expect(input).ToHaveValueAsync("What broke today?");

        await input.FillAsync("/tools");
        await input.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("chat-error")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("chat-error-title")).ToHaveTextAsync("Connect your Sentry account first");

        var popup = await page.RunAndWaitForPopupAsync(() => page.GetByTestId("sign-in-again").ClickAsync());
        await SignIn.CompleteAsync(popup);
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("chat-error")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Without_a_model_the_chat_offers_tools_says_so_once_and_a_newer_result_replaces_the_error()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/chat", Patient.Navigation);
        await SignIn.WithSandboxAsync(page, page.GetByTestId("chat-connect"));

        await Assertions.Expect(page.GetByTestId("tool-actions")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("sample-questions")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("no-llm-banner")).ToBeVisibleAsync();

        var input = page.GetByTestId("chat-input");
        await input.FillAsync("Which issues are new?");
        await input.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("chat-error-title")).ToHaveTextAsync("No AI model is configured");
        // One message for the state: the banner steps aside while the error says it.
        await Assertions.Expect(page.GetByTestId("no-llm-banner")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("No AI model is configured")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("message-user")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "chat-no-model-error");

        await page.GetByTestId("tool-action-find_organizations").ClickAsync();
        var dialog = page.GetByTestId("tool-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByTestId("schema-form-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("tool-card").Last).ToHaveAttributeAsync("data-status", "done");
        // The old error does not linger below the newer result.
        await Assertions.Expect(page.GetByTestId("chat-error")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_tool_list_that_fails_to_load_once_is_tried_again_and_the_tool_actions_appear()
    {
        var page = await app.NewPageAsync();
        var failures = 0;
        await page.RouteAsync("**/api/metadata", async route =>
        {
            if (Interlocked.Increment(ref failures) == 1)
            {
                await route.FulfillAsync(new() { Status = 502, ContentType = "application/problem+json", Body = "{\"title\":\"Bad Gateway\",\"status\":502}" });
                return;
            }
            await route.ContinueAsync();
        });
        await page.GotoAsync("/chat", Patient.Navigation);
        await SignIn.WithSandboxAsync(page, page.GetByTestId("chat-connect"));

        await Assertions.Expect(page.GetByTestId("tool-action-find_organizations")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("metadata-error")).ToHaveCountAsync(0);
        Assert.True(failures >= 2, $"the tool list was requested {failures} time(s)");
    }

    [Fact]
    public async Task A_tool_list_that_keeps_failing_is_shown_as_an_error_whose_Retry_loads_it()
    {
        var page = await app.NewPageAsync();
        var failing = true;
        await page.RouteAsync("**/api/metadata", async route =>
        {
            if (Volatile.Read(ref failing))
            {
                await route.FulfillAsync(new() { Status = 503, ContentType = "application/problem+json", Body = "{\"title\":\"Unavailable\",\"status\":503}" });
                return;
            }
            await route.ContinueAsync();
        });
        await page.GotoAsync("/chat", Patient.Navigation);
        await SignIn.WithSandboxAsync(page, page.GetByTestId("chat-connect"));

        // Four attempts, 1 s, 2 s and 4 s apart, then the error.
        var error = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Could not load the tools" });
        await Assertions.Expect(error).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("tool-actions")).ToHaveCountAsync(0);

        Volatile.Write(ref failing, false);
        await error.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("tool-action-find_organizations")).ToBeVisibleAsync();
        await Assertions.Expect(error).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task On_a_phone_the_banners_are_small_dismissible_and_stay_dismissed()
    {
        var page = await app.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2 });
        await page.GotoAsync("/chat", Patient.Navigation);
        await SignIn.WithSandboxAsync(page, page.GetByTestId("chat-connect"));
        var sandbox = page.GetByTestId("sandbox-banner");
        var noModel = page.GetByTestId("no-llm-banner");
        await Assertions.Expect(sandbox).ToBeVisibleAsync();
        await Assertions.Expect(noModel).ToBeVisibleAsync();
        foreach (var banner in new[] { sandbox, noModel })
        {
            var box = await banner.BoundingBoxAsync();
            Assert.True(box!.Height <= 64, $"a banner is {box.Height} px high on a 844 px phone screen");
        }
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "chat page scrolls sideways");
        await Screenshots.SaveAsync(page, "chat-mobile-banners");

        await page.GetByTestId("sandbox-banner-dismiss").TapAsync();
        await page.GetByTestId("no-llm-banner-dismiss").TapAsync();
        await Assertions.Expect(sandbox).ToHaveCountAsync(0);
        await Assertions.Expect(noModel).ToHaveCountAsync(0);
        var list = await page.GetByTestId("message-list").BoundingBoxAsync();
        Assert.True(list!.Height >= 844 * 0.5, $"the conversation gets only {list.Height} px of 844");

        await page.ReloadAsync(Patient.Reload);
        await Assertions.Expect(page.GetByTestId("chat-input")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToBeVisibleAsync();
        await Assertions.Expect(sandbox).ToHaveCountAsync(0);
        await Assertions.Expect(noModel).ToHaveCountAsync(0);
    }
}
