using System.Text.Json;
using System.Text.RegularExpressions;
using SentryMcp.Sandbox;
using SentryMcp.TestDoubles;

namespace SentryMcp.E2E;

/// <summary>
/// Tool results drawn as views (issue, issue list, stack trace, releases, monitors), from real tool calls
/// the scripted LLM makes against the sandbox through the chat, as a user sees them.
/// </summary>
[Collection(ChatCollection.Name)]
public sealed partial class ViewTests(ChatAppFixture app)
{
    private async Task<IPage> AskWithToolCallsAsync(BrowserNewContextOptions? options, params ScriptedToolCall[] calls)
    {
        app.Llm.Clear();
        var page = await app.NewPageAsync(options);
        await page.GotoAsync("/chat");
        await SignIn.WithSandboxAsync(page);
        app.Llm.ReplyWithToolCalls(null, calls);
        app.Llm.Reply("Here is what Sentry says.");
        var input = page.GetByTestId("chat-input");
        await input.FillAsync("Show me the details");
        await input.PressAsync("Enter");
        // Several real tool calls against the sandbox on a busy machine: a generous deadline, never waited out on success.
        await Assertions.Expect(page.GetByTestId("message-assistant").Last).ToContainTextAsync("Here is what Sentry says.", new() { Timeout = 90_000 });
        return page;
    }

    private static ScriptedToolCall Call(string id, string tool, object arguments) => new(id, tool, JsonSerializer.Serialize(arguments));

    private static ILocator Card(IPage page, string tool) => page.Locator($"[data-testid=tool-card][data-tool-name={tool}]");

    [Fact]
    public async Task Issue_stack_trace_and_issue_list_views_show_badges_sparklines_and_the_highlighted_in_app_frame()
    {
        var page = await AskWithToolCallsAsync(null,
            Call("v1", "get_issue_details", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId }),
            Call("v2", "get_event_stacktrace", new { organizationSlug = "acme", issueId = DemoIds.NetworkShortId }),
            Call("v3", "search_issues", new { organizationSlug = "acme", query = "is:unresolved", sort = "freq" }));

        var issue = Card(page, "get_issue_details").GetByTestId("view-issue");
        await Assertions.Expect(issue.GetByTestId("issue-title")).ToHaveTextAsync("AttributeError: 'NoneType' object has no attribute 'email'");
        await Assertions.Expect(issue.GetByTestId("badge-level")).ToContainTextAsync("error");
        await Assertions.Expect(issue.GetByTestId("badge-status")).ToContainTextAsync("unresolved · escalating");
        await Assertions.Expect(issue.GetByTestId("issue-events")).ToHaveTextAsync("1.3K");
        // The sandbox's stats: 24 hourly buckets, as Sentry's issue details return them.
        await Assertions.Expect(issue.GetByTestId("sparkline")).ToHaveAttributeAsync("data-point-count", "24");
        Assert.Equal(24, (await issue.GetByTestId("sparkline").Locator("polyline").GetAttributeAsync("points"))!.Split(' ').Length);
        var inApp = issue.Locator("[data-testid=stack-frame][data-in-app=true]");
        await Assertions.Expect(inApp).ToContainTextAsync("get_profile");
        var errorLine = inApp.Locator("[data-error-line]");
        await Assertions.Expect(errorLine).ToContainTextAsync("return JsonResponse");
        await Assertions.Expect(errorLine).ToContainTextAsync("42");
        await Assertions.Expect(inApp.Locator("code.hljs .hljs-keyword").First).ToBeVisibleAsync();
        await Assertions.Expect(issue.GetByTestId("library-frames")).ToContainTextAsync("Show 2 library frames");
        await Assertions.Expect(issue.Locator("[data-testid=tag-summary][data-tag=environment]")).ToContainTextAsync("production");
        await Assertions.Expect(issue.Locator("[data-testid=tag-summary][data-tag=environment]")).ToContainTextAsync("94%");
        await issue.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "view-issue");

        // "Show as text" gives the tool's markdown, one **Name**: value per line.
        var issueCard = Card(page, "get_issue_details");
        await issueCard.GetByTestId("tool-view-toggle").ClickAsync();
        await Assertions.Expect(issueCard.GetByTestId("tool-result")).ToContainTextAsync("Culprit");
        Assert.True(await issueCard.GetByTestId("tool-result").Locator("br").CountAsync() > 3);
        await Assertions.Expect(issueCard.GetByTestId("view-issue")).ToHaveCountAsync(0);
        await issueCard.GetByTestId("tool-view-toggle").ClickAsync();
        await Assertions.Expect(issueCard.GetByTestId("view-issue")).ToBeVisibleAsync();

        var stack = Card(page, "get_event_stacktrace").GetByTestId("view-stacktrace");
        await Assertions.Expect(Card(page, "get_event_stacktrace").GetByTestId("tool-view-title")).ToContainTextAsync("thread com.facebook.react.JavaScript");
        var crashing = stack.Locator("[data-testid=stack-frame][data-in-app=true]").First;
        await Assertions.Expect(crashing).ToContainTextAsync("fetchOrders");
        await Assertions.Expect(crashing.Locator("[data-error-line]")).ToContainTextAsync("await fetch");
        // The in-app frame stands out: its own background and a coloured left border.
        var border = await crashing.EvaluateAsync<string>("e => getComputedStyle(e).borderLeftWidth");
        Assert.Equal("4px", border);
        await stack.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "view-stacktrace");

        var list = Card(page, "search_issues").GetByTestId("view-issue-list");
        var rows = list.GetByTestId("issue-row");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        var count = await rows.CountAsync();
        Assert.True(count >= 3, $"{count} rows");
        await Assertions.Expect(list.GetByTestId("sparkline")).ToHaveCountAsync(count);
        await Assertions.Expect(list.GetByTestId("sparkline").First).ToHaveAttributeAsync("data-point-count", "24");
        // Sorting in place: Events descending, then ascending.
        await list.GetByTestId("sort-events").ClickAsync();
        await Assertions.Expect(list.GetByRole(AriaRole.Columnheader, new() { NameRegex = EventsHeader() })).ToHaveAttributeAsync("aria-sort", "descending");
        var descending = await EventCountsAsync(list);
        Assert.Equal(descending.OrderByDescending(n => n), descending);
        await list.GetByTestId("sort-events").ClickAsync();
        await Assertions.Expect(list.GetByRole(AriaRole.Columnheader, new() { NameRegex = EventsHeader() })).ToHaveAttributeAsync("aria-sort", "ascending");
        var ascending = await EventCountsAsync(list);
        Assert.Equal(ascending.Order(), ascending);
        await list.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "view-issue-list");
        Assert.Empty(app.CspViolations[page]);
    }

    /// <summary>Each row's issue id, read back from Sentry's counts: the rows' order after sorting.</summary>
    private static async Task<List<double>> EventCountsAsync(ILocator list) =>
        [.. (await list.GetByTestId("issue-row-events").AllTextContentsAsync()).Select(ParseCompact)];

    private static double ParseCompact(string text)
    {
        text = text.Trim();
        var factor = text.EndsWith('K') ? 1_000 : text.EndsWith('M') ? 1_000_000 : 1;
        return double.Parse(text.TrimEnd('K', 'M'), System.Globalization.CultureInfo.InvariantCulture) * factor;
    }

    [Fact]
    public async Task Release_and_monitor_views_show_crash_free_rates_adoption_and_check_in_strips()
    {
        var page = await AskWithToolCallsAsync(null,
            Call("r1", "get_release_details", new { organizationSlug = "acme", releaseVersion = "api-backend@1.18.0", projectSlugOrId = "api-backend", includeHealth = true }),
            Call("r2", "find_releases", new { organizationSlug = "acme" }),
            Call("m1", "get_monitor_details", new { organizationSlug = "acme", monitorSlug = "nightly-import", environment = "production", period = "8d", rollupSeconds = 86400 }),
            Call("m2", "get_uptime_monitor_details", new { organizationSlug = "acme", uptimeMonitorId = DemoIds.CheckoutUptimeId, projectSlug = "web-frontend" }));

        var release = Card(page, "get_release_details").GetByTestId("view-release");
        var health = release.GetByTestId("release-health");
        await Assertions.Expect(health.GetByRole(AriaRole.Meter, new() { Name = "Crash-free sessions" })).ToHaveAttributeAsync("aria-valuetext", "97.41%");
        await Assertions.Expect(health.GetByRole(AriaRole.Meter, new() { Name = "Adoption" })).ToHaveAttributeAsync("aria-valuetext", "64.5%");
        await Assertions.Expect(release.GetByTestId("release-stage")).ToHaveTextAsync(StageText());
        await Assertions.Expect(Card(page, "find_releases").GetByTestId("release-row").First).ToBeVisibleAsync();
        await release.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "view-release");

        var cron = Card(page, "get_monitor_details").GetByTestId("view-monitor");
        var strip = cron.GetByTestId("checkin-strip");
        await Assertions.Expect(strip).ToBeVisibleAsync();
        var statuses = await strip.Locator("[data-status]").EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.status)");
        Assert.True(statuses.Length >= 7, string.Join(",", statuses));
        Assert.Contains("ok", statuses);
        Assert.Contains(statuses, s => s is "missed" or "error" or "timeout");
        var label = await strip.GetAttributeAsync("aria-label");
        Assert.StartsWith($"Check-ins per interval: {statuses.Length} intervals", label);
        await cron.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "view-monitor");

        var uptime = Card(page, "get_uptime_monitor_details").GetByTestId("view-uptime");
        await Assertions.Expect(uptime.GetByTestId("badge-uptime")).ToHaveTextAsync(UptimeText());
        var checks = await uptime.GetByTestId("uptime-strip").Locator("[data-status]").EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.status)");
        Assert.Contains("error", checks);
        await uptime.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "view-uptime");
        Assert.Empty(app.CspViolations[page]);
    }

    [Fact]
    public async Task Views_fit_a_390_px_phone_in_dark_mode()
    {
        var page = await AskWithToolCallsAsync(
            new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, ColorScheme = ColorScheme.Dark, IsMobile = true, HasTouch = true },
            Call("p1", "get_issue_details", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId }),
            Call("p2", "search_issues", new { organizationSlug = "acme", query = "is:unresolved" }));

        var issue = Card(page, "get_issue_details").GetByTestId("view-issue");
        await Assertions.Expect(issue.GetByTestId("sparkline")).ToHaveAttributeAsync("data-point-count", "24");
        await Assertions.Expect(Card(page, "search_issues").GetByTestId("issue-row").First).ToBeVisibleAsync();
        // Nothing is wider than the phone: the page does not scroll sideways and each view fits.
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the screen");
        foreach (var view in new[] { issue, Card(page, "search_issues").GetByTestId("view-issue-list") })
        {
            var box = await view.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"view spans {box.X}..{box.X + box.Width}");
        }
        // Dark theme: light text on the dark card.
        var title = await issue.GetByTestId("issue-title").EvaluateAsync<string>("e => getComputedStyle(e).color");
        Assert.True(Brightness(title) > 200, title);
        var background = await Card(page, "get_issue_details").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.True(Brightness(background) < 80, background);
        await issue.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "view-issue-phone-dark");
        await Card(page, "search_issues").ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "view-issue-list-phone-dark");
        Assert.Empty(app.CspViolations[page]);
    }

    /// <summary>Mean of the r, g, b channels of a CSS colour (rgb(), rgba(), oklch() not expected from computed style).</summary>
    private static double Brightness(string css)
    {
        var numbers = Number().Matches(css).Select(m => double.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        if (css.StartsWith("oklch", StringComparison.Ordinal) || css.StartsWith("oklab", StringComparison.Ordinal) || css.StartsWith("lab", StringComparison.Ordinal))
        {
            // Lightness first: 0..1 (or a percentage) → 0..255.
            var l = numbers[0] > 1 ? numbers[0] / 100 : numbers[0];
            return l * 255;
        }
        return numbers.Take(3).Average();
    }

    [GeneratedRegex(@"-?\d+(\.\d+)?")]
    private static partial Regex Number();

    [GeneratedRegex("^Events")]
    private static partial Regex EventsHeader();

    [GeneratedRegex("adopted|low adoption|replaced")]
    private static partial Regex StageText();

    [GeneratedRegex("failed|ok")]
    private static partial Regex UptimeText();
}
