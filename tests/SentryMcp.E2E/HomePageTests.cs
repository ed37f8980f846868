namespace SentryMcp.E2E;

[Collection(WebCollection.Name)]
public sealed class HomePageTests(WebAppFixture app)
{
    [Fact]
    public async Task Home_page_shows_the_mcp_url_and_setup_snippets_for_each_client()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        var mcpUrl = new Uri(app.BaseUri, "mcp").ToString();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Talk to your Sentry data" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("mcp-url")).ToHaveTextAsync(mcpUrl);
        await Assertions.Expect(page.GetByTestId("snippet-code")).ToContainTextAsync($"claude mcp add --transport http sentry {mcpUrl}");
        foreach (var client in new[] { "cursor", "vscode", "windsurf", "zed", "inspector" })
        {
            await page.GetByTestId($"snippet-tab-{client}").ClickAsync();
            await Assertions.Expect(page.GetByTestId("snippet-code")).ToContainTextAsync(mcpUrl);
        }
        await page.GetByTestId("snippet-tab-sse").ClickAsync();
        await Assertions.Expect(page.GetByTestId("snippet-code")).ToContainTextAsync(new Uri(app.BaseUri, "sse").ToString());
        await Screenshots.SaveAsync(page, "home-light", fullPage: true);
        Assert.Empty(app.CspViolations[page]);
    }

    [Fact]
    public async Task Home_page_follows_the_system_dark_mode()
    {
        var page = await app.NewPageAsync(new() { ColorScheme = ColorScheme.Dark });
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByTestId("mcp-url")).ToBeVisibleAsync();
        var brightness = await BackgroundBrightnessAsync(page);
        Assert.True(brightness < 60, $"body background brightness {brightness} should be dark");
        await Screenshots.SaveAsync(page, "home-dark", fullPage: true);
    }

    [Fact]
    public async Task Home_and_chat_fit_a_phone_screen()
    {
        var page = await app.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2 });
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByTestId("mcp-url")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "home page scrolls sideways");
        await Screenshots.SaveAsync(page, "home-mobile");

        await page.GetByTestId("nav-chat").ClickAsync();
        await Assertions.Expect(page.GetByTestId("chat-input")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "chat page scrolls sideways");
        await Screenshots.SaveAsync(page, "chat-mobile");
    }

    /// <summary>Average RGB of the body background (0–255); Tailwind's colours are oklch, so let a canvas convert them.</summary>
    internal static Task<double> BackgroundBrightnessAsync(IPage page) => page.EvaluateAsync<double>("""
        () => {
          const context = document.createElement('canvas').getContext('2d');
          context.fillStyle = getComputedStyle(document.body).backgroundColor;
          context.fillRect(0, 0, 1, 1);
          const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
          return (r + g + b) / 3;
        }
        """);
}
