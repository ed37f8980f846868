using System.Text.RegularExpressions;

namespace SentryMcp.E2E;

/// <summary>Signs in the way a person does: "Connect with Sentry", then the sandbox's sign-in page in the popup.</summary>
public static partial class SignIn
{
    /// <summary>Generous: a loaded CI machine may take seconds per page, and nothing here waits longer than needed.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    public static async Task WithSandboxAsync(IPage page, ILocator? trigger = null)
    {
        trigger ??= page.GetByTestId("connect");
        var popup = await page.RunAndWaitForPopupAsync(() => trigger.ClickAsync());
        await CompleteAsync(popup);
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToBeVisibleAsync(new() { Timeout = (float)Deadline.TotalMilliseconds });
    }

    /// <summary>
    /// Clicks through the sandbox sign-in (and a consent page, if one is shown) until the popup closes:
    /// each step waits for the page's button, clicks it and waits for the page to change, so a slow page
    /// is waited for, never clicked twice, and a failed click is simply tried again on the next page state.
    /// </summary>
    public static async Task CompleteAsync(IPage popup)
    {
        var deadline = DateTime.UtcNow + Deadline;
        var button = popup.GetByRole(AriaRole.Button, new() { NameRegex = StepButton() }).First;
        while (!popup.IsClosed && DateTime.UtcNow < deadline)
        {
            try
            {
                var before = popup.Url;
                await button.ClickAsync(new() { Timeout = 30_000 });
                await popup.WaitForURLAsync(url => url != before, new() { Timeout = 30_000 });
            }
            catch (PlaywrightException)
            {
                // Closed (done), navigating, or not yet shown: the loop looks at the page again.
            }
        }
        var where = popup.IsClosed ? "" : $" (still at {popup.Url}: {await popup.InnerTextAsync("body")})";
        Assert.True(popup.IsClosed, "the sign-in popup did not close" + where);
    }

    [GeneratedRegex("^(Sign in|Allow|Approve|Authorize|Continue)$")]
    private static partial Regex StepButton();
}
