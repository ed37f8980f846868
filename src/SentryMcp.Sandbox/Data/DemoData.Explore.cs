using System.Globalization;

namespace SentryMcp.Sandbox;

/// <summary>A column of an Explore dataset: Sentry's meta type (string, integer, number, duration, date, boolean) and unit.</summary>
public sealed record ExploreField(string Type, string? Unit = null)
{
    public bool IsNumeric => Type is "integer" or "number" or "duration";
}

/// <summary>
/// One queryable dataset (errors, spans, logs). Rows are flat field→value maps as Sentry's events
/// endpoint returns them, keyed by organization so the second org stays empty.
/// </summary>
public sealed class ExploreDataset(string name, Dictionary<string, ExploreField> fields, string[] textFields, string[] tagKeys)
{
    public string Name { get; } = name;
    public IReadOnlyDictionary<string, ExploreField> Fields { get; } = fields;

    /// <summary>Fields that free text (a search term without a key) is matched against.</summary>
    public IReadOnlyList<string> TextFields { get; } = textFields;

    /// <summary>Fields exposed as tags (errors) or string attributes (spans, logs).</summary>
    public IReadOnlyList<string> TagKeys { get; } = tagKeys;

    public List<(string Organization, Dictionary<string, object?> Values)> Rows { get; } = [];
}

public sealed partial class DemoData
{
    public Dictionary<string, ExploreDataset> Explore { get; } = new(StringComparer.Ordinal);

    partial void SeedExplore()
    {
        var s = new ExploreField("string");
        var errors = new ExploreDataset("errors", new()
        {
            ["id"] = s, ["title"] = s, ["project"] = s, ["project.id"] = new("integer"), ["timestamp"] = new("date"),
            ["level"] = s, ["message"] = s, ["culprit"] = s, ["issue"] = s, ["error.type"] = s, ["trace"] = s,
            ["user"] = s, ["user.id"] = s, ["user.email"] = s, ["environment"] = s, ["release"] = s, ["os.name"] = s, ["browser.name"] = s,
        }, ["message", "title", "culprit"], ["level", "environment", "release", "os.name", "browser.name", "user", "user.email", "trace", "transaction"]);
        var spans = new ExploreDataset("spans", new()
        {
            ["id"] = s, ["span.op"] = s, ["span.description"] = s, ["span.duration"] = new("duration", "millisecond"),
            ["transaction"] = s, ["project"] = s, ["project.id"] = new("integer"), ["trace"] = s, ["timestamp"] = new("date"), ["is_transaction"] = new("boolean"),
        }, ["span.description", "transaction"], ["span.op", "span.description", "transaction", "project", "trace"]);
        var logs = new ExploreDataset("logs", new()
        {
            ["id"] = s, ["timestamp"] = new("date"), ["message"] = s, ["severity"] = s, ["project"] = s, ["project.id"] = new("integer"), ["trace"] = s,
        }, ["message"], ["message", "severity", "project", "trace"]);
        Explore["errors"] = errors;
        Explore["spans"] = spans;
        Explore["logs"] = logs;
        SeedErrorEvents(errors);
        SeedSpans(spans);
        SeedLogs(logs);
    }

    private Dictionary<string, object?> ExploreRow(string projectSlug, DateTimeOffset timestamp)
    {
        var project = Project(OrganizationSlug, projectSlug)!;
        return new() { ["project"] = project.Slug, ["project.id"] = long.Parse(project.Id, CultureInfo.InvariantCulture), ["timestamp"] = timestamp };
    }

    private static string HexId(string prefix, int n) => prefix + n.ToString("x8", CultureInfo.InvariantCulture).PadLeft(32 - prefix.Length, '0');

    private sealed record ErrorKind(string ShortId, string LatestEventId, string Project, string Title, string ErrorType, string Message, string Culprit, string Level, string Release, string Os, string? Browser, int Count, int HoursApart);

    private void SeedErrorEvents(ExploreDataset errors)
    {
        ErrorKind[] kinds =
        [
            new(DemoIds.NoneTypeShortId, DemoIds.NoneTypeEventId, "api-backend", "AttributeError: 'NoneType' object has no attribute 'email'", "AttributeError",
                "'NoneType' object has no attribute 'email'", "app/views/users.py in get_profile", "error", "api-backend@1.8.0", "Linux", null, 8, 2),
            new(DemoIds.UndefinedMapShortId, DemoIds.UndefinedMapEventId, "web-frontend", "TypeError: Cannot read properties of undefined (reading 'map')", "TypeError",
                "Cannot read properties of undefined (reading 'map')", "src/components/OrderList.tsx in OrderList", "error", "web-frontend@2.4.0", "Windows", "Chrome", 7, 3),
            new(DemoIds.PaymentTimeoutShortId, DemoIds.PaymentTimeoutEventId, "payments-service", "TimeoutException: Payment provider did not answer", "System.TimeoutException",
                "Payment provider did not answer within 30 seconds", "Payments.ChargeService in ChargeAsync", "fatal", "payments-service@3.1.2", "Linux", null, 6, 4),
            new(DemoIds.DbLockedShortId, DemoIds.DbLockedEventId, "api-backend", "OperationalError: database is locked", "OperationalError",
                "database is locked", "app/db/session.py in commit", "error", "api-backend@1.8.0", "Linux", null, 5, 5),
            new(DemoIds.NetworkShortId, DemoIds.NetworkEventId, "mobile-app", "Error: Network request failed", "Error",
                "Network request failed", "app/api/client.ts in fetchOrders", "warning", "mobile-app@1.2.0", "iOS", null, 4, 150),
        ];
        string[] users = ["jane@acme.example", "sam@acme.example", "ana@shop.example", "li@shop.example", "omar@shop.example"];
        string[] browsers = ["Chrome", "Firefox", "Safari"];
        var n = 0;
        foreach (var kind in kinds)
        {
            for (var i = 0; i < kind.Count; i++, n++)
            {
                var row = ExploreRow(kind.Project, Now.AddHours(-(i * kind.HoursApart) - 0.25 - (n % 3)));
                var email = users[n % users.Length];
                row["id"] = i == 0 ? kind.LatestEventId : HexId("e0", n);
                row["title"] = kind.Title;
                row["message"] = kind.Message;
                row["culprit"] = kind.Culprit;
                row["issue"] = kind.ShortId;
                row["error.type"] = kind.ErrorType;
                row["level"] = kind.Level;
                row["trace"] = i == 0 && kind.ShortId is DemoIds.NoneTypeShortId or DemoIds.PaymentTimeoutShortId ? DemoIds.CheckoutTraceId : HexId("7a", n);
                row["user"] = "email:" + email;
                row["user.id"] = (100 + (n % users.Length)).ToString(CultureInfo.InvariantCulture);
                row["user.email"] = email;
                row["environment"] = n % 6 == 5 ? "staging" : "production";
                row["release"] = kind.Release;
                row["os.name"] = kind.Os;
                row["browser.name"] = kind.Browser is null ? null : browsers[i % browsers.Length];
                errors.Rows.Add((OrganizationSlug, row));
            }
        }
    }

    private void SeedSpans(ExploreDataset spans)
    {
        var n = 0;
        void Add(string trace, string project, string op, string description, double ms, string transaction, bool isTransaction, double hoursAgo)
        {
            var row = ExploreRow(project, Now.AddHours(-hoursAgo));
            row["id"] = HexId("5b", ++n)[16..];
            row["span.op"] = op;
            row["span.description"] = description;
            row["span.duration"] = ms;
            row["transaction"] = transaction;
            row["trace"] = trace;
            row["is_transaction"] = isTransaction;
            spans.Rows.Add((OrganizationSlug, row));
        }

        var checkout = DemoIds.CheckoutTraceId;
        Add(checkout, "web-frontend", "pageload", "/checkout", 2450, "/checkout", true, 0.5);
        Add(checkout, "web-frontend", "resource.script", "https://cdn.acme.example/assets/checkout.js", 180, "/checkout", false, 0.5);
        Add(checkout, "web-frontend", "ui.render", "CheckoutPage", 95, "/checkout", false, 0.5);
        Add(checkout, "web-frontend", "http.client", "POST https://api.acme.example/api/orders", 1960, "/checkout", false, 0.5);
        Add(checkout, "api-backend", "http.server", "POST /api/orders", 1890, "POST /api/orders", true, 0.5);
        Add(checkout, "api-backend", "db", "SELECT * FROM users WHERE id = %s", 12, "POST /api/orders", false, 0.5);
        Add(checkout, "api-backend", "db", "INSERT INTO orders (user_id, total) VALUES (%s, %s)", 48, "POST /api/orders", false, 0.5);
        Add(checkout, "api-backend", "cache.get", "cart:42", 3, "POST /api/orders", false, 0.5);
        Add(checkout, "api-backend", "http.client", "POST http://payments-service/charge", 1750, "POST /api/orders", false, 0.5);
        Add(checkout, "payments-service", "http.server", "POST /charge", 1720, "POST /charge", true, 0.5);
        Add(checkout, "payments-service", "http.client", "POST https://api.payprovider.example/v1/charges", 1650, "POST /charge", false, 0.5);
        Add(checkout, "payments-service", "db", "INSERT INTO charges (order_id, status) VALUES (@p0, @p1)", 22, "POST /charge", false, 0.5);

        for (var t = 0; t < 4; t++)
        {
            var trace = HexId("9c", t);
            var hours = 1.5 + t * 5;
            Add(trace, "api-backend", "http.server", "GET /api/products", 120 + t * 35, "GET /api/products", true, hours);
            Add(trace, "api-backend", "db", "SELECT * FROM products WHERE category = %s", 60 + t * 30, "GET /api/products", false, hours);
            Add(trace, "api-backend", "cache.get", "products:all", 2 + t, "GET /api/products", false, hours);
            Add(trace, "web-frontend", "navigation", "/products", 310 + t * 40, "/products", true, hours);
        }
        for (var t = 0; t < 3; t++)
        {
            var trace = HexId("9d", t);
            var hours = 3 + t * 9;
            Add(trace, "api-backend", "http.server", "GET /api/users/{id}", 85 + t * 10, "GET /api/users/{id}", true, hours);
            Add(trace, "api-backend", "db", "SELECT * FROM users WHERE id = %s", 9 + t, "GET /api/users/{id}", false, hours);
        }
        for (var t = 0; t < 3; t++)
        {
            var trace = HexId("9e", t);
            var hours = t == 2 ? 24 * 20 : 6 + t * 30;
            Add(trace, "mobile-app", "app.start.cold", "Cold Start", 1400 + t * 200, "AppLaunch", true, hours);
            Add(trace, "mobile-app", "ui.load", "OrdersScreen", 380 + t * 50, "AppLaunch", false, hours);
            Add(trace, "mobile-app", "http.client", "GET https://api.acme.example/api/orders", 640 + t * 120, "AppLaunch", false, hours);
        }
    }

    private void SeedLogs(ExploreDataset logs)
    {
        var n = 0;
        void Add(string project, string severity, string message, double hoursAgo, string? trace = null)
        {
            var row = ExploreRow(project, Now.AddHours(-hoursAgo));
            row["id"] = HexId("10", ++n);
            row["severity"] = severity;
            row["message"] = message;
            row["trace"] = trace ?? HexId("7b", n);
            logs.Rows.Add((OrganizationSlug, row));
        }

        var checkout = DemoIds.CheckoutTraceId;
        Add("web-frontend", "info", "Checkout started for cart 42", 0.5, checkout);
        Add("api-backend", "info", "Creating order for user 101", 0.5, checkout);
        Add("api-backend", "debug", "Cache hit for cart:42", 0.5, checkout);
        Add("payments-service", "info", "Charging order 1042 amount 59.90 EUR", 0.5, checkout);
        Add("payments-service", "warn", "Payment provider slow: no answer after 10s, still waiting", 0.5, checkout);
        Add("payments-service", "error", "Payment provider did not answer within 30 seconds", 0.5, checkout);
        Add("api-backend", "error", "User profile lookup returned no user for id 101", 0.5, checkout);
        for (var i = 0; i < 6; i++)
        {
            Add("api-backend", "info", $"GET /api/products 200 in {120 + i * 35}ms", 1.5 + i * 3);
        }
        for (var i = 0; i < 5; i++)
        {
            Add("api-backend", i % 2 == 0 ? "warn" : "error", i % 2 == 0 ? "database is locked, retrying (attempt 1 of 3)" : "database is locked, giving up after 3 attempts", 2 + i * 5);
        }
        for (var i = 0; i < 4; i++)
        {
            Add("web-frontend", "info", $"Rendered OrderList with {i * 3} orders", 4 + i * 4);
        }
        Add("web-frontend", "error", "OrderList received undefined orders prop", 7);
        Add("mobile-app", "warn", "Network request failed, will retry when online", 50);
        Add("mobile-app", "info", "App launched (cold start 1.4s)", 80);
        Add("mobile-app", "error", "Network request failed after 3 retries", 24 * 10);
        Add("payments-service", "info", "Nightly settlement finished: 318 charges", 24 * 3);
        Add("payments-service", "info", "Nightly settlement finished: 295 charges", 24 * 40);
        Add("api-backend", "debug", "Feature flag new-checkout evaluated to true", 12);
    }
}
