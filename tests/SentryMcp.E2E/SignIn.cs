using System.Text.RegularExpressions;

namespace SentryMcp.E2E;

/// <summary>Signs in the way a person does: "Connect with Sentry", then the sandbox's sign-in page in the popup.</summary>
public static partial class SignIn
{
    /// <summary>Generous: a loaded CI machine may take seconds per page, and nothing here waits longer than needed.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    /// <summary>Consent, sign-in and any page between: more steps than this is a loop, not a slow page.</summary>
    private const int MaxSteps = 6;

    public static async Task WithSandboxAsync(IPage page, ILocator? trigger = null)
    {
        trigger ??= page.GetByTestId("connect");
        var popup = await page.RunAndWaitForPopupAsync(() => trigger.ClickAsync(new() { Timeout = Milliseconds }));
        await CompleteAsync(popup);
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToBeVisibleAsync(new() { Timeout = Milliseconds });
    }

    /// <summary>Clicks through the sandbox sign-in (and a consent page, if one is shown) until the popup closes.</summary>
    public static async Task CompleteAsync(IPage popup)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        popup.Close += (_, _) => closed.TrySetResult();
        if (popup.IsClosed)
        {
            closed.TrySetResult();
        }
        await ClickThroughAsync(popup, closed.Task, "the sign-in popup");
        Assert.True(popup.IsClosed, "the sign-in popup did not close");
    }

    /// <summary>
    /// Walks sign-in pages until <paramref name="done"/> completes, waiting on what the user sees: each step
    /// waits for the page's button (Sign in, Approve, …) to show, clicks it once and waits for the page to
    /// move on (a new URL) or for <paramref name="done"/>. Every wait has the generous deadline, so a slow
    /// page is waited for, never clicked twice; a button that never shows fails the test with the page's text.
    /// </summary>
    internal static async Task ClickThroughAsync(IPage page, Task done, string what)
    {
        var button = page.GetByRole(AriaRole.Button, new() { NameRegex = StepButton() }).First;
        for (var step = 1; !done.IsCompleted; step++)
        {
            Assert.True(step <= MaxSteps, $"{what} was not done after {MaxSteps} steps (at {page.Url})");
            var shown = button.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = Milliseconds });
            await Task.WhenAny(shown, done);
            if (done.IsCompleted)
            {
                Forget(shown);
                return;
            }
            try
            {
                await shown;
            }
            catch (TimeoutException)
            {
                var text = page.IsClosed ? "" : await page.InnerTextAsync("body");
                throw new Xunit.Sdk.XunitException($"{what}: no sign-in button showed within {Deadline.TotalSeconds} s at {page.Url}: {text}");
            }
            var before = page.Url;
            var moved = page.WaitForURLAsync(url => url != before, new() { WaitUntil = WaitUntilState.Commit, Timeout = Milliseconds });
            try
            {
                await button.ClickAsync(new() { Timeout = Milliseconds });
            }
            catch (PlaywrightException) when (done.IsCompleted || page.IsClosed)
            {
                // The click finished the sign-in: the popup closed under it.
            }
            await Task.WhenAny(moved, done);
            if (done.IsCompleted)
            {
                Forget(moved);
                return;
            }
            await moved;
        }
    }

    private static float Milliseconds => (float)Deadline.TotalMilliseconds;

    /// <summary>A wait that lost the race to <c>done</c>: it fails when its page closes, which is expected.</summary>
    private static void Forget(Task wait) => _ = wait.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);

    [GeneratedRegex("^(Sign in|Allow|Approve|Authorize|Continue)$")]
    private static partial Regex StepButton();
}
