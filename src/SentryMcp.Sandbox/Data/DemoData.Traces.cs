namespace SentryMcp.Sandbox;

/// <summary>An error event that happened inside a span of a trace.</summary>
public sealed record SandboxTraceError(string EventId, string IssueId, string ShortId, string Title, string Culprit, string Level = "error");

public sealed class SandboxSpan
{
    public required string SpanId { get; init; }
    public string? ParentSpanId { get; init; }
    public required string ProjectSlug { get; init; }
    public required string Op { get; init; }
    public required string Description { get; init; }
    /// <summary>Milliseconds after the trace started.</summary>
    public required double OffsetMs { get; init; }
    public required double DurationMs { get; init; }
    /// <summary>The transaction (segment) this span belongs to; equal to <see cref="SpanId"/> for the segment itself.</summary>
    public required string SegmentSpanId { get; init; }
    public string Status { get; init; } = "ok";
    public List<SandboxTraceError> Errors { get; init; } = [];
    public bool IsTransaction => SpanId == SegmentSpanId;
}

public sealed class SandboxTrace
{
    public required string TraceId { get; init; }
    public required string OrganizationSlug { get; init; }
    public required DateTimeOffset Start { get; init; }
    public int PerformanceIssues { get; init; }
    public List<SandboxSpan> Spans { get; } = [];

    /// <summary>Name of the transaction a span belongs to (the segment's description).</summary>
    public string TransactionOf(SandboxSpan span) => Spans.First(s => s.SpanId == span.SegmentSpanId).Description;
}

public sealed partial class DemoData
{
    /// <summary>A small, healthy trace: the mobile app's cold start loading the feed.</summary>
    public const string MobileStartupTraceId = "9c3e1a7b5d2f4e8a9b0c1d2e3f4a5b6c";

    public List<SandboxTrace> Traces { get; } = [];

    public SandboxTrace? Trace(string organizationSlug, string traceId) =>
        Traces.FirstOrDefault(t => t.OrganizationSlug == organizationSlug && string.Equals(t.TraceId, traceId, StringComparison.OrdinalIgnoreCase))
        ?? AiTrace(organizationSlug, traceId);

    /// <summary>
    /// An AI conversation's turn as a trace, built on first request (the AI spans are seeded lazily too):
    /// the chat request's transaction with the agent, model and tool spans below it, as Sentry stores them.
    /// </summary>
    private SandboxTrace? AiTrace(string organizationSlug, string traceId)
    {
        var spans = organizationSlug == OrganizationSlug
            ? AiSpans.Where(s => string.Equals(s.TraceId, traceId, StringComparison.OrdinalIgnoreCase)).OrderBy(s => s.Start).ToList()
            : [];
        if (spans.Count == 0)
        {
            return null;
        }
        var start = spans.Min(s => s.Start).AddMilliseconds(-4);
        var finish = spans.Max(s => s.Finish).AddMilliseconds(6);
        var trace = new SandboxTrace { TraceId = spans[0].TraceId, OrganizationSlug = OrganizationSlug, Start = start };
        var root = traceId[..16];
        trace.Spans.Add(new SandboxSpan
        {
            SpanId = root, SegmentSpanId = root, ProjectSlug = spans[0].ProjectSlug, Op = "http.server", Description = spans[0].Transaction,
            OffsetMs = 0, DurationMs = (finish - start).TotalMilliseconds, Status = spans.Any(s => s.Status != "ok") ? "internal_error" : "ok",
        });
        trace.Spans.AddRange(spans.Select(s => new SandboxSpan
        {
            SpanId = s.SpanId, ParentSpanId = s.ParentSpanId ?? root, SegmentSpanId = root, ProjectSlug = s.ProjectSlug, Op = s.Name,
            Description = s.Description, OffsetMs = (s.Start - start).TotalMilliseconds, DurationMs = s.DurationMs, Status = s.Status,
        }));
        Traces.Add(trace);
        return trace;
    }

    partial void SeedTraces()
    {
        Traces.Add(CheckoutTrace());
        Traces.Add(MobileStartupTrace());
    }

    /// <summary>
    /// A customer opens the checkout: the React page loads, its profile widget hits the API for a user
    /// that was deleted (API-BACKEND-1), the checkout request loads products one by one (N+1) and the
    /// payments service times out waiting for the payment provider (PAYMENTS-SERVICE-1).
    /// </summary>
    private SandboxTrace CheckoutTrace()
    {
        var trace = new SandboxTrace { TraceId = DemoIds.CheckoutTraceId, OrganizationSlug = OrganizationSlug, Start = Now.AddHours(-2), PerformanceIssues = 1 };
        const string web = "web-frontend", api = "api-backend", pay = "payments-service";
        const string page = "a3ce929d0e0e4736", usersTx = "b7ad6b7169203331", checkoutTx = "c45f3a1e9b7d2e10", chargeTx = "d9e8f7a6b5c4d3e2";
        void Add(string id, string? parent, string segment, string project, string op, string description, double offset, double duration, string status = "ok", SandboxTraceError? error = null) =>
            trace.Spans.Add(new SandboxSpan
            {
                SpanId = id, ParentSpanId = parent, SegmentSpanId = segment, ProjectSlug = project, Op = op, Description = description,
                OffsetMs = offset, DurationMs = duration, Status = status, Errors = error is null ? [] : [error],
            });

        Add(page, null, page, web, "pageload", "/checkout", 0, 4480);
        Add("a3ce929d0e0e4701", page, page, web, "resource.script", "https://cdn.acme.example/assets/checkout-3f9a1c.js", 110, 342);
        Add("a3ce929d0e0e4702", page, page, web, "resource.css", "https://cdn.acme.example/assets/checkout-8b21e0.css", 118, 96);
        Add("a3ce929d0e0e4703", page, page, web, "ui.react.render", "CheckoutPage", 470, 64);
        Add("a3ce929d0e0e4704", page, page, web, "http.client", "GET https://api.acme.example/api/users/4812/", 540, 236, "internal_error");
        Add(usersTx, "a3ce929d0e0e4704", usersTx, api, "http.server", "GET /api/users/{user_id}/", 556, 204, "internal_error",
            new SandboxTraceError(DemoIds.NoneTypeEventId, DemoIds.NoneTypeIssueId, DemoIds.NoneTypeShortId,
                "AttributeError: 'NoneType' object has no attribute 'email'", "app.views.users in get_user_profile"));
        Add("b7ad6b7169203301", usersTx, usersTx, api, "cache.get", "user:4812", 561, 3);
        Add("b7ad6b7169203302", usersTx, usersTx, api, "db.sql.query",
            "SELECT \"auth_user\".\"id\", \"auth_user\".\"email\", \"auth_user\".\"username\" FROM \"auth_user\" WHERE (\"auth_user\".\"id\" = %s AND \"auth_user\".\"is_active\")", 566, 14);
        Add("a3ce929d0e0e4705", page, page, web, "http.client", "POST https://api.acme.example/api/orders/checkout/", 820, 3612, "deadline_exceeded");
        Add(checkoutTx, "a3ce929d0e0e4705", checkoutTx, api, "http.server", "POST /api/orders/checkout/", 836, 3580, "deadline_exceeded");
        Add("c45f3a1e9b7d2e01", checkoutTx, checkoutTx, api, "cache.get", "cart:4812", 842, 2);
        Add("c45f3a1e9b7d2e02", checkoutTx, checkoutTx, api, "db.sql.query",
            "SELECT \"orders_cartitem\".\"id\", \"orders_cartitem\".\"product_id\", \"orders_cartitem\".\"quantity\" FROM \"orders_cartitem\" WHERE \"orders_cartitem\".\"cart_id\" = %s", 846, 11);
        double[] productQueries = [9, 12, 8, 11, 10, 9, 13];
        for (var i = 0; i < productQueries.Length; i++)
        {
            Add($"c45f3a1e9b7d2e2{i}", checkoutTx, checkoutTx, api, "db.sql.query",
                "SELECT \"catalog_product\".\"id\", \"catalog_product\".\"name\", \"catalog_product\".\"price\" FROM \"catalog_product\" WHERE \"catalog_product\".\"id\" = %s LIMIT 21",
                860 + (i * 14), productQueries[i]);
        }
        Add("c45f3a1e9b7d2e03", checkoutTx, checkoutTx, api, "http.client", "POST http://payments-service.internal/v1/charges", 968, 3438, "deadline_exceeded");
        Add(chargeTx, "c45f3a1e9b7d2e03", chargeTx, pay, "http.server", "POST /v1/charges", 975, 3420, "internal_error");
        Add("d9e8f7a6b5c4d301", chargeTx, chargeTx, pay, "db.sql.query", "SELECT [c].[Id], [c].[StripeCustomerId] FROM [Customers] AS [c] WHERE [c].[Id] = @__customerId_0", 981, 18);
        Add("d9e8f7a6b5c4d302", chargeTx, chargeTx, pay, "http.client", "POST https://api.stripe.com/v1/payment_intents", 1004, 3000, "deadline_exceeded",
            new SandboxTraceError(DemoIds.PaymentTimeoutEventId, DemoIds.PaymentTimeoutIssueId, DemoIds.PaymentTimeoutShortId,
                "TimeoutException: Payment provider did not answer within 3000 ms", "Acme.Payments.ChargeService in ChargeAsync"));
        Add("d9e8f7a6b5c4d303", chargeTx, chargeTx, pay, "db.sql.query", "INSERT INTO [ChargeAttempts] ([Id], [CustomerId], [Status]) VALUES (@p0, @p1, @p2)", 4372, 16);
        Add("a3ce929d0e0e4706", page, page, web, "ui.react.render", "PaymentFailedBanner", 4440, 22);
        return trace;
    }

    private SandboxTrace MobileStartupTrace()
    {
        var trace = new SandboxTrace { TraceId = MobileStartupTraceId, OrganizationSlug = OrganizationSlug, Start = Now.AddHours(-5) };
        const string start = "e1f2a3b4c5d6e7f8", feed = "f0e1d2c3b4a59687";
        trace.Spans.Add(new SandboxSpan { SpanId = start, SegmentSpanId = start, ProjectSlug = "mobile-app", Op = "app.start.cold", Description = "MainActivity", OffsetMs = 0, DurationMs = 1310 });
        trace.Spans.Add(new SandboxSpan { SpanId = "e1f2a3b4c5d6e701", ParentSpanId = start, SegmentSpanId = start, ProjectSlug = "mobile-app", Op = "ui.load", Description = "FeedScreen", OffsetMs = 420, DurationMs = 610 });
        trace.Spans.Add(new SandboxSpan { SpanId = "e1f2a3b4c5d6e702", ParentSpanId = "e1f2a3b4c5d6e701", SegmentSpanId = start, ProjectSlug = "mobile-app", Op = "http.client", Description = "GET https://api.acme.example/api/feed/", OffsetMs = 450, DurationMs = 380 });
        trace.Spans.Add(new SandboxSpan { SpanId = feed, ParentSpanId = "e1f2a3b4c5d6e702", SegmentSpanId = feed, ProjectSlug = "api-backend", Op = "http.server", Description = "GET /api/feed/", OffsetMs = 470, DurationMs = 340 });
        trace.Spans.Add(new SandboxSpan { SpanId = "f0e1d2c3b4a59601", ParentSpanId = feed, SegmentSpanId = feed, ProjectSlug = "api-backend", Op = "db.sql.query", Description = "SELECT \"feed_item\".* FROM \"feed_item\" ORDER BY \"feed_item\".\"created_at\" DESC LIMIT 50", OffsetMs = 480, DurationMs = 290 });
        return trace;
    }
}
