namespace SentryMcp.Sandbox;

/// <summary>
/// What the SDKs recorded on the spans of the demo traces (Sentry's span <c>data</c>), and which
/// transactions were profiled. Kept apart from the trace shapes so each trace stays readable.
/// </summary>
public sealed partial class DemoData
{
    private static readonly Dictionary<string, Dictionary<string, object>> SpanAttributes = new(StringComparer.Ordinal)
    {
        ["a3ce929d0e0e4736"] = new() { ["browser.name"] = "Chrome", ["url"] = "https://shop.acme.example/checkout", ["replay_id"] = DemoIds.CheckoutReplayId },
        ["a3ce929d0e0e4704"] = new() { ["http.method"] = "GET", ["url"] = "https://api.acme.example/api/users/4812/", ["http.response.status_code"] = 500 },
        ["b7ad6b7169203331"] = new() { ["http.method"] = "GET", ["http.route"] = "/api/users/{user_id}/", ["http.response.status_code"] = 500, ["thread.name"] = "uwsgi-worker-3" },
        ["b7ad6b7169203302"] = new() { ["db.system"] = "postgresql", ["db.name"] = "acme", ["db.operation"] = "SELECT", ["server.address"] = "db-primary.internal" },
        ["a3ce929d0e0e4705"] = new() { ["http.method"] = "POST", ["url"] = "https://api.acme.example/api/orders/checkout/", ["http.response.status_code"] = 504 },
        [DemoIds.CheckoutTransactionSpanId] = new() { ["http.method"] = "POST", ["http.route"] = "/api/orders/checkout/", ["http.response.status_code"] = 504, ["thread.name"] = "uwsgi-worker-1" },
        ["c45f3a1e9b7d2e03"] = new() { ["http.method"] = "POST", ["url"] = "http://payments-service.internal/v1/charges", ["http.request.timeout_ms"] = 3500 },
        ["d9e8f7a6b5c4d3e2"] = new() { ["http.method"] = "POST", ["http.route"] = "/v1/charges", ["http.response.status_code"] = 500 },
        [DemoIds.StripeCallSpanId] = new()
        {
            ["http.method"] = "POST", ["url"] = "https://api.stripe.com/v1/payment_intents", ["server.address"] = "api.stripe.com",
            ["http.request.timeout_ms"] = 3000, ["retry.attempt"] = 1, ["error.type"] = "System.TimeoutException",
        },
    };

    /// <summary>The SDK data of a span; empty when the demo recorded none.</summary>
    public IReadOnlyDictionary<string, object> SpanData(string spanId) =>
        SpanAttributes.TryGetValue(spanId, out var data) ? data : new Dictionary<string, object>();

    /// <summary>The transaction profile of a transaction span, or empty (Sentry's value when there is none).</summary>
    public string ProfileIdOf(string spanId) => spanId == DemoIds.CheckoutTransactionSpanId ? DemoIds.CheckoutProfileId : "";
}
