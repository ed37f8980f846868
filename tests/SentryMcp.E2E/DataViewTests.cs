using System.Text.Json;
using SentryMcp.Sandbox;
using SentryMcp.TestDoubles;

namespace SentryMcp.E2E;

/// <summary>
/// The trace waterfall, events-search chart and replay timeline, from real tool calls the scripted
/// LLM makes against the sandbox through the chat, as a user sees them (desktop, phone, dark).
/// </summary>
[Collection(ChatCollection.Name)]
public sealed class DataViewTests(ChatAppFixture app)
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
        await input.FillAsync("Show me the data");
        await input.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("message-assistant").Last).ToContainTextAsync("Here is what Sentry says.");
        return page;
    }

    private static ScriptedToolCall Call(string id, string tool, object arguments) => new(id, tool, JsonSerializer.Serialize(arguments));

    private static ILocator Card(IPage page, string tool) => page.Locator($"[data-testid=tool-card][data-tool-name={tool}]");

    [Fact]
    public async Task Trace_waterfall_shows_every_span_marks_the_error_spans_and_collapses_a_subtree()
    {
        var page = await AskWithToolCallsAsync(null, Call("t1", "get_trace_details", new { organizationSlug = "acme", traceId = DemoIds.CheckoutTraceId }));

        var view = Card(page, "get_trace_details").GetByTestId("trace-view");
        await Assertions.Expect(view.GetByTestId("trace-span-count")).ToHaveAttributeAsync("data-count", "25");
        var waterfall = view.GetByTestId("trace-waterfall");
        await Assertions.Expect(waterfall).ToHaveAttributeAsync("data-row-count", "25");
        var errors = waterfall.Locator("[data-testid=trace-span-row][data-error=true]");
        await Assertions.Expect(errors).ToHaveCountAsync(2);
        await Assertions.Expect(errors.Last).ToContainTextAsync("POST https://api.stripe.com/v1/payment_intents");
        await Assertions.Expect(errors.Last.GetByTestId("trace-span-error")).ToBeVisibleAsync();
        // The slowest path runs page load → checkout call → payments → the provider call that timed out.
        var slow = waterfall.Locator("[data-testid=trace-span-row][data-slow=true]");
        await Assertions.Expect(slow.Last).ToContainTextAsync("api.stripe.com");
        await waterfall.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "view-trace");

        // Collapse the checkout request's subtree (its server span and the 14 spans below it) and open it again with the keyboard.
        var checkout = waterfall.Locator("[data-testid=trace-span-row][data-span-id=a3ce929d0e0e4705]");
        await checkout.GetByTestId("trace-span-toggle").ClickAsync();
        await Assertions.Expect(waterfall).ToHaveAttributeAsync("data-row-count", "10");
        await Assertions.Expect(checkout).ToHaveAttributeAsync("aria-expanded", "false");
        await checkout.FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(waterfall).ToHaveAttributeAsync("data-row-count", "25");
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(waterfall.Locator("[data-span-id=c45f3a1e9b7d2e10]")).ToBeFocusedAsync();
        Assert.Empty(app.CspViolations[page]);
    }

    [Fact]
    public async Task A_thousand_span_trace_keeps_the_dom_small_and_scrolls_to_its_last_span()
    {
        var page = await AskWithToolCallsAsync(null, Call("t2", "get_trace_details", new { organizationSlug = "acme", traceId = DemoData.CatalogImportTraceId }));

        var view = Card(page, "get_trace_details").GetByTestId("trace-view");
        await Assertions.Expect(view.GetByTestId("trace-summary")).ToContainTextAsync("1,000 spans of 1,201");
        var waterfall = view.GetByTestId("trace-waterfall");
        await Assertions.Expect(waterfall).ToHaveAttributeAsync("data-row-count", "1000");
        var rows = waterfall.GetByTestId("trace-span-row");
        Assert.InRange(await rows.CountAsync(), 10, 40);

        // Keyboard End reaches the last span; the DOM still holds a screenful of rows.
        await rows.First.FocusAsync();
        await page.Keyboard.PressAsync("End");
        await Assertions.Expect(waterfall.Locator("[data-row-index='999']")).ToBeFocusedAsync();
        Assert.InRange(await rows.CountAsync(), 10, 40);
        // Batch 21's COMMIT (row 630) is the error span, drawn once it scrolls into view.
        await waterfall.EvaluateAsync("el => { el.scrollTop = 620 * 28; }");
        var failing = waterfall.Locator("[data-testid=trace-span-row][data-error=true]");
        await Assertions.Expect(failing).ToHaveCountAsync(1);
        await Assertions.Expect(failing).ToContainTextAsync("COMMIT");
        await Assertions.Expect(failing).ToHaveAttributeAsync("data-row-index", "630");
        await waterfall.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "view-trace-large");
        Assert.Empty(app.CspViolations[page]);
    }

    [Fact]
    public async Task An_aggregate_search_draws_a_chart_with_its_buckets_and_a_row_search_a_table()
    {
        var page = await AskWithToolCallsAsync(null,
            Call("s1", "search_events", new { organizationSlug = "acme", dataset = "errors", fields = new[] { "count()" }, period = "14d" }),
            Call("s2", "search_events", new { organizationSlug = "acme", dataset = "spans", query = "span.op:db", limit = 5 }));

        var cards = page.Locator("[data-testid=tool-card][data-tool-name=search_events]");
        var aggregate = cards.Nth(0).GetByTestId("event-search-view");
        var chart = aggregate.GetByTestId("time-series-chart");
        await Assertions.Expect(chart.Locator("canvas")).ToHaveCountAsync(1);
        var points = int.Parse((await chart.GetAttributeAsync("data-points"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(points, 112, 114);
        var box = await chart.Locator("canvas").BoundingBoxAsync();
        Assert.True(box is { Width: > 200, Height: > 100 }, $"chart box {box?.Width}x{box?.Height}");
        await aggregate.GetByText("Chart data as a table").ClickAsync();
        await Assertions.Expect(aggregate.GetByTestId("time-series-table").Locator("tbody tr")).ToHaveCountAsync(points);
        await Assertions.Expect(aggregate.GetByTestId("event-search-table").GetByRole(AriaRole.Columnheader)).ToHaveTextAsync(["count()"]);
        await aggregate.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "view-search-chart");

        var rows = cards.Nth(1).GetByTestId("event-search-view");
        await Assertions.Expect(rows.GetByTestId("time-series")).ToHaveCountAsync(0);
        await Assertions.Expect(rows.GetByTestId("event-search-row")).ToHaveCountAsync(5);
        await Assertions.Expect(rows.GetByRole(AriaRole.Columnheader).First).ToHaveTextAsync("id");
        // The span.op column: every row matches the query.
        await Assertions.Expect(rows.GetByTestId("event-search-row").Locator("td:nth-child(2)")).ToHaveTextAsync(Enumerable.Repeat("db", 5).ToArray());
        Assert.Empty(app.CspViolations[page]);
    }

    [Fact]
    public async Task Replay_timeline_shows_clicks_navigations_and_errors_at_their_offsets()
    {
        var page = await AskWithToolCallsAsync(null, Call("r1", "get_replay_details", new { organizationSlug = "acme", replayId = DemoIds.CheckoutReplayId }));

        var view = Card(page, "get_replay_details").GetByTestId("replay-view");
        var errors = view.Locator("[data-testid=replay-moment][data-group=error]");
        await Assertions.Expect(errors.First).ToContainTextAsync("0:42");
        await Assertions.Expect(errors.First).ToContainTextAsync("→ 500");
        await Assertions.Expect(view.Locator("[data-testid=replay-moment][data-group=click]").First).ToContainTextAsync("proceed-to-checkout");
        await Assertions.Expect(view.Locator("[data-testid=replay-moment][data-group=navigation]").First).ToContainTextAsync("shop.acme.example/cart");
        var markers = await view.GetByTestId("replay-marker").CountAsync();
        Assert.Equal(await view.GetByTestId("replay-moment").CountAsync(), markers);

        await view.GetByTestId("replay-filter-click").ClickAsync();
        await Assertions.Expect(view.Locator("[data-testid=replay-moment][data-group=click]")).ToHaveCountAsync(0);
        await view.GetByTestId("replay-filter-click").ClickAsync();
        await view.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "view-replay");
        Assert.Empty(app.CspViolations[page]);
    }

    [Fact]
    public async Task On_a_dark_phone_the_views_fit_the_screen_and_use_the_dark_theme()
    {
        var phone = new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, ColorScheme = ColorScheme.Dark, IsMobile = true, HasTouch = true };
        var page = await AskWithToolCallsAsync(phone,
            Call("p1", "get_trace_details", new { organizationSlug = "acme", traceId = DemoIds.CheckoutTraceId }),
            Call("p2", "search_events", new { organizationSlug = "acme", dataset = "spans", fields = new[] { "span.op", "count()" }, period = "24h" }),
            Call("p3", "get_replay_details", new { organizationSlug = "acme", replayId = DemoIds.CheckoutReplayId }));

        var trace = Card(page, "get_trace_details").GetByTestId("trace-view");
        await Assertions.Expect(trace.GetByTestId("trace-span-count")).ToHaveAttributeAsync("data-count", "25");
        await Assertions.Expect(Card(page, "search_events").GetByTestId("time-series-chart").Locator("canvas")).ToHaveCountAsync(1);
        await Assertions.Expect(Card(page, "get_replay_details").GetByTestId("replay-timeline")).ToBeVisibleAsync();

        // Nothing pushes the page sideways: wide tables scroll inside their own box.
        var pageWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(pageWidth <= 390, $"page is {pageWidth}px wide on a 390px screen");
        var waterfallBox = await trace.GetByTestId("trace-waterfall").BoundingBoxAsync();
        Assert.True(waterfallBox is { Width: <= 390 }, $"waterfall is {waterfallBox?.Width}px wide");
        // Dark theme: light text on the waterfall's rows.
        var color = await trace.GetByTestId("trace-span-row").First.Locator("span.font-mono").EvaluateAsync<string>("e => getComputedStyle(e).color");
        Assert.True(Brightness(color) > 0.7, $"span op colour {color} is not light");
        await trace.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "view-trace-phone-dark");
        await Card(page, "get_replay_details").ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "view-replay-phone-dark");
        Assert.Empty(app.CspViolations[page]);
    }

    /// <summary>0 (black) to 1 (white) from a computed CSS colour: <c>rgb(…)</c>, <c>oklch(L …)</c> or <c>lab(L …)</c> (Tailwind 4 colours).</summary>
    private static double Brightness(string color)
    {
        // Only the lightness (or the RGB channels) matter; other channels may be "none".
        var numbers = color[(color.IndexOf('(', StringComparison.Ordinal) + 1)..color.IndexOf(')', StringComparison.Ordinal)]
            .Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(n => double.TryParse(n.TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0).ToArray();
        return color.StartsWith("oklch", StringComparison.Ordinal) ? numbers[0]
            : color.StartsWith("lab", StringComparison.Ordinal) ? numbers[0] / 100
            : numbers.Take(3).Average() / 255;
    }
}
