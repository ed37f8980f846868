namespace SentryMcp.E2E;

/// <summary>Signs in the way a person does: "Connect with Sentry", then the sandbox's sign-in page in the popup.</summary>
public static class SignIn
{
    private static readonly string[] Buttons = ["Sign in", "Allow", "Approve", "Authorize", "Continue"];

    public static async Task WithSandboxAsync(IPage page, ILocator? trigger = null)
    {
        trigger ??= page.GetByTestId("connect");
        var popup = await page.RunAndWaitForPopupAsync(() => trigger.ClickAsync());
        await CompleteAsync(popup);
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToBeVisibleAsync(new() { Timeout = 20_000 });
    }

    /// <summary>Clicks through the sandbox sign-in (and a consent page, if one is shown) until the popup closes.</summary>
    public static async Task CompleteAsync(IPage popup)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!popup.IsClosed && DateTime.UtcNow < deadline)
        {
            try
            {
                foreach (var name in Buttons)
                {
                    var button = popup.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });
                    if (await button.CountAsync() > 0 && await button.First.IsVisibleAsync())
                    {
                        await button.First.ClickAsync(new() { Timeout = 3_000 });
                        break;
                    }
                }
                await popup.WaitForTimeoutAsync(200);
            }
            catch (PlaywrightException) when (popup.IsClosed)
            {
                return;
            }
        }
        var where = popup.IsClosed ? "" : $" (still at {popup.Url}: {await popup.InnerTextAsync("body")})";
        Assert.True(popup.IsClosed, "the sign-in popup did not close" + where);
    }
}
