namespace SentryMcp.Sandbox;

public sealed class SandboxReplay
{
    public required string Id { get; init; }
    public required string OrganizationSlug { get; init; }
    public required string ProjectSlug { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required int DurationSeconds { get; init; }
    public string Environment { get; init; } = "production";
    public string Release { get; init; } = "web-frontend@2.4.1";
    public required (string Name, string Email, string Id) User { get; init; }
    public (string Name, string Version) Browser { get; init; } = ("Chrome", "131.0.0");
    public (string Name, string Version) Os { get; init; } = ("Mac OS X", "15.1");
    public List<string> Urls { get; init; } = [];
    public List<string> TraceIds { get; init; } = [];
    public List<string> ErrorIds { get; init; } = [];
    public int Warnings { get; init; }
    public int Infos { get; init; }
    public int DeadClicks { get; init; }
    public int RageClicks { get; init; }
    public bool IsArchived { get; init; }

    /// <summary>Recording segments: rrweb events (type 4 meta with <c>href</c>, type 5 custom with <c>tag</c> and <c>payload</c>).</summary>
    public List<List<Dictionary<string, object?>>> Segments { get; } = [];
}

public sealed partial class DemoData
{
    /// <summary>A browsing session without errors, for replay lists.</summary>
    public const string BrowseReplayId = "3c1d9a0b5e7f41c2a8d6b4e2f0a1c3e5";

    /// <summary>A replay past Sentry's retention: metadata only, the recording is gone.</summary>
    public const string ArchivedReplayId = "9f8e7d6c5b4a43219f8e7d6c5b4a4321";

    private List<SandboxReplay>? _replays;

    /// <summary>Built on first use (always under the state's gate) so the shared constructor stays untouched.</summary>
    public List<SandboxReplay> Replays => _replays ??= SeedReplays();

    public SandboxReplay? Replay(string organizationSlug, string replayId) =>
        Replays.FirstOrDefault(r => r.OrganizationSlug == organizationSlug
            && string.Equals(r.Id, replayId.Replace("-", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The customer of the checkout trace: from the cart to the checkout page, whose profile widget
    /// fails (API-BACKEND-1); "Pay now" hangs on the payment timeout (PAYMENTS-SERVICE-1), they
    /// rage-click it and end on the payment-failed banner.
    /// </summary>
    private List<SandboxReplay> SeedReplays()
    {
        var replays = new List<SandboxReplay>();
        var traceStart = Traces.First(t => t.TraceId == DemoIds.CheckoutTraceId).Start;
        var start = traceStart.AddSeconds(-42);
        var checkout = new SandboxReplay
        {
            Id = DemoIds.CheckoutReplayId, OrganizationSlug = OrganizationSlug, ProjectSlug = "web-frontend", StartedAt = start, DurationSeconds = 97,
            User = ("Maria Garcia", "maria.garcia@example.com", "4812"),
            Urls = ["https://shop.acme.example/cart", "https://shop.acme.example/checkout"],
            TraceIds = [DemoIds.CheckoutTraceId], ErrorIds = [DemoIds.NoneTypeEventId, DemoIds.PaymentTimeoutEventId],
            Warnings = 1, Infos = 3, RageClicks = 1,
        };
        long At(double seconds) => start.AddSeconds(seconds).ToUnixTimeMilliseconds();
        Dictionary<string, object?> Meta(double s, string href) => new() { ["type"] = 4, ["timestamp"] = At(s), ["data"] = new Dictionary<string, object?> { ["href"] = href, ["width"] = 1440, ["height"] = 900 } };
        Dictionary<string, object?> Crumb(double s, string category, string message, string? level = null, Dictionary<string, object?>? data = null) => new()
        {
            ["type"] = 5, ["timestamp"] = At(s),
            ["data"] = new Dictionary<string, object?>
            {
                ["tag"] = "breadcrumb",
                ["payload"] = new Dictionary<string, object?> { ["timestamp"] = At(s) / 1000.0, ["type"] = "default", ["category"] = category, ["message"] = message, ["level"] = level, ["data"] = data },
            },
        };
        Dictionary<string, object?> Span(double s, string op, string description, double durationMs, int? status = null) => new()
        {
            ["type"] = 5, ["timestamp"] = At(s),
            ["data"] = new Dictionary<string, object?>
            {
                ["tag"] = "performanceSpan",
                ["payload"] = new Dictionary<string, object?>
                {
                    ["op"] = op, ["description"] = description, ["startTimestamp"] = At(s) / 1000.0, ["endTimestamp"] = (At(s) + durationMs) / 1000.0,
                    ["data"] = new Dictionary<string, object?> { ["duration"] = durationMs, ["statusCode"] = status },
                },
            },
        };
        checkout.Segments.Add([
            Meta(0, "https://shop.acme.example/cart"),
            Span(0.2, "navigation.navigate", "https://shop.acme.example/cart", 812),
            Crumb(18.4, "ui.click", "button.checkout-btn[data-test-id=\"proceed-to-checkout\"]"),
        ]);
        // Times match the checkout trace, which starts at T+42s: the page load, the failing profile
        // request and the checkout POST that waits on the payment provider.
        checkout.Segments.Add([
            Meta(42, "https://shop.acme.example/checkout"),
            Span(42, "navigation.push", "https://shop.acme.example/checkout", 4480),
            Span(42.54, "resource.fetch", "GET https://api.acme.example/api/users/4812/", 236, 500),
            Crumb(42.7, "ui.click", "button.pay-now[data-test-id=\"pay-now\"]"),
            Crumb(42.8, "console", "Failed to load profile: Request failed with status code 500", "error"),
            Span(42.82, "resource.fetch", "POST https://api.acme.example/api/orders/checkout/", 3612, 504),
        ]);
        checkout.Segments.Add([
            Crumb(44.1, "ui.multiClick", "button.pay-now[data-test-id=\"pay-now\"]", data: new Dictionary<string, object?> { ["clickCount"] = 5 }),
            Crumb(46.5, "console", "Payment failed: gateway timeout (504)", "warning"),
            Crumb(58.0, "ui.click", "a.contact-support"),
            Crumb(61.2, "navigation", "https://shop.acme.example/support?topic=payment", data: new Dictionary<string, object?> { ["from"] = "/checkout", ["to"] = "/support?topic=payment" }),
        ]);
        replays.Add(checkout);

        var browse = new SandboxReplay
        {
            Id = BrowseReplayId, OrganizationSlug = OrganizationSlug, ProjectSlug = "web-frontend", StartedAt = Now.AddHours(-7), DurationSeconds = 214,
            User = ("Sam Lee", "sam@acme.example", "2"), Browser = ("Firefox", "133.0"), Os = ("Windows", "11"),
            Urls = ["https://shop.acme.example/", "https://shop.acme.example/products/42"], DeadClicks = 2, Infos = 1,
        };
        var browseStart = browse.StartedAt;
        browse.Segments.Add([
            new() { ["type"] = 4, ["timestamp"] = browseStart.ToUnixTimeMilliseconds(), ["data"] = new Dictionary<string, object?> { ["href"] = "https://shop.acme.example/" } },
        ]);
        replays.Add(browse);

        replays.Add(new SandboxReplay
        {
            Id = ArchivedReplayId, OrganizationSlug = OrganizationSlug, ProjectSlug = "web-frontend", StartedAt = Now.AddDays(-12), DurationSeconds = 40,
            User = ("Jane Doe", "jane@acme.example", "1"), Urls = ["https://shop.acme.example/"], IsArchived = true, Release = "web-frontend@2.4.0",
        });
        return replays;
    }
}
