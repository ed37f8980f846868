namespace SentryMcp.Sandbox;

/// <summary>Events of the demo issues, in Sentry's event JSON shape. The latest event of each issue uses its DemoIds event id.</summary>
public sealed partial class DemoData
{
    private void SeedEvents()
    {
        AddEvent(DemoIds.NoneTypeIssueId, DemoIds.NoneTypeEventId, Now.AddMinutes(-12), NoneTypeEvent(DemoIds.CheckoutTraceId, "u-1042", Now.AddMinutes(-12)));
        AddEvent(DemoIds.NoneTypeIssueId, "b1b2c3d4e5f6478990a1b2c3d4e5f601", Now.AddHours(-9), NoneTypeEvent(OwnTrace("b1b2c3d4e5f6478990a1b2c3d4e5f601"), "u-2210", Now.AddHours(-9)));
        AddEvent(DemoIds.NoneTypeIssueId, "c1b2c3d4e5f6478990a1b2c3d4e5f601", Now.AddDays(-6), NoneTypeEvent(OwnTrace("c1b2c3d4e5f6478990a1b2c3d4e5f601"), "u-0007", Now.AddDays(-6)));
        AddEvent(DemoIds.UndefinedMapIssueId, DemoIds.UndefinedMapEventId, Now.AddHours(-1), UndefinedMapEvent(DemoIds.UndefinedMapEventId, Now.AddHours(-1)));
        AddEvent(DemoIds.UndefinedMapIssueId, "b1b2c3d4e5f6478990a1b2c3d4e5f602", Now.AddDays(-3), UndefinedMapEvent("b1b2c3d4e5f6478990a1b2c3d4e5f602", Now.AddDays(-3)));
        AddEvent(DemoIds.PaymentTimeoutIssueId, DemoIds.PaymentTimeoutEventId, Now.AddMinutes(-40), PaymentTimeoutEvent(DemoIds.CheckoutTraceId, Now.AddMinutes(-40)));
        AddEvent(DemoIds.PaymentTimeoutIssueId, "b1b2c3d4e5f6478990a1b2c3d4e5f603", Now.AddDays(-1), PaymentTimeoutEvent(OwnTrace("b1b2c3d4e5f6478990a1b2c3d4e5f603"), Now.AddDays(-1)));
        AddEvent(DemoIds.DbLockedIssueId, DemoIds.DbLockedEventId, Now.AddHours(-5), DbLockedEvent(Now.AddHours(-5)));
        AddEvent(DemoIds.NetworkIssueId, DemoIds.NetworkEventId, Now.AddDays(-2), NetworkEvent(Now.AddDays(-2)));
        SeedPerformanceAndMoreEvents();
    }

    private static object NoneTypeEvent(string traceId, string userId, DateTimeOffset at) => new
    {
        title = "AttributeError: 'NoneType' object has no attribute 'email'",
        message = "",
        platform = "python",
        type = "error",
        culprit = "app.views.users in get_profile",
        location = "app/views/users.py",
        release = new { version = "api-backend@2.4.1", shortVersion = "2.4.1" },
        tags = Tags(("environment", "production"), ("release", "api-backend@2.4.1"), ("handled", "no"), ("level", "error"),
            ("transaction", "/api/users/{id}/profile/"), ("server_name", "api-7f9c"), ("trace", traceId)),
        entries = new object[]
        {
            ExceptionEntry(Exception("AttributeError", "'NoneType' object has no attribute 'email'", "django", false, "builtins",
                Frame("django/core/handlers/exception.py", "inner", 55, false, "django.core.handlers.exception"),
                Frame("django/core/handlers/base.py", "_get_response", 197, false, "django.core.handlers.base"),
                Frame("app/views/users.py", "get_profile", 42, true, "app.views.users", code:
                [
                    "    user = User.objects.filter(pk=user_id).first()",
                    "    profile = user.profile if user else None",
                    "    return JsonResponse({\"email\": profile.email,",
                    "                         \"name\": profile.display_name})",
                    "",
                ], vars: new { user_id = "'48213'", user = "None", profile = "None", request = "<WSGIRequest: GET '/api/users/48213/profile/'>" }))),
            BreadcrumbsEntry(
                Crumb(at.AddSeconds(-3), "django.request", "GET /api/users/48213/profile/", type: "http"),
                Crumb(at.AddSeconds(-2), "query", "SELECT \"auth_user\".* FROM \"auth_user\" WHERE \"auth_user\".\"id\" = 48213 LIMIT 1", type: "query"),
                Crumb(at.AddSeconds(-1), "cache", "cache miss: profile:48213", level: "warning")),
            RequestEntry("GET", "https://api.acme.example/api/users/48213/profile/", headers: [["Accept", "application/json"], ["User-Agent", "Mozilla/5.0 Chrome/124.0"]]),
        },
        contexts = new
        {
            browser = new { name = "Chrome", version = "124.0", type = "browser" },
            os = new { name = "Linux", version = "6.1", type = "os" },
            runtime = new { name = "CPython", version = "3.12.3", type = "runtime" },
            trace = TraceContext(traceId, "b7ad6b7169203331", "http.server"),
        },
        user = new { id = userId, email = (string?)null, ip_address = "203.0.113.24", geo = new { country_code = "DE", city = "Berlin" } },
        sdk = new { name = "sentry.python.django", version = "2.3.1" },
        dateCreated = at,
    };

    private static object UndefinedMapEvent(string eventId, DateTimeOffset at) => new
    {
        title = "TypeError: Cannot read properties of undefined (reading 'map')",
        message = "",
        platform = "javascript",
        type = "error",
        culprit = "OrderList(src/components/OrderList.tsx)",
        location = "src/components/OrderList.tsx",
        release = new { version = "web-frontend@5.12.0", shortVersion = "5.12.0" },
        tags = Tags(("environment", "production"), ("browser", "Chrome 124"), ("url", "https://shop.acme.example/orders"), ("handled", "no"), ("level", "error")),
        entries = new object[]
        {
            ExceptionEntry(Exception("TypeError", "Cannot read properties of undefined (reading 'map')", "onerror", false, null,
                Frame("node_modules/react-dom/cjs/react-dom.production.min.js", "renderWithHooks", 160, false, colNo: 137),
                Frame("src/pages/OrdersPage.tsx", "OrdersPage", 27, true, colNo: 12, code:
                [
                    "  const { data } = useOrders(customerId);",
                    "  if (error) return <ErrorBanner error={error} />;",
                    "  return <OrderList orders={data?.orders} />;",
                    "}",
                    "",
                ]),
                Frame("src/components/OrderList.tsx", "OrderList", 18, true, colNo: 21, code:
                [
                    "export function OrderList({ orders }: Props) {",
                    "  return (",
                    "    <ul>{orders.map((order) => (",
                    "      <OrderRow key={order.id} order={order} />",
                    "    ))}</ul>",
                ], vars: new { orders = "undefined" }))),
            BreadcrumbsEntry(
                Crumb(at.AddSeconds(-4), "navigation", "/cart -> /orders", type: "navigation"),
                Crumb(at.AddSeconds(-3), "fetch", "GET /api/orders/?customer=48213 [200]", type: "http", data: new { status_code = 200 }),
                Crumb(at.AddSeconds(-1), "ui.click", "button#load-more", type: "user")),
            RequestEntry("GET", "https://shop.acme.example/orders", headers: [["User-Agent", "Mozilla/5.0 Chrome/124.0"]]),
        },
        contexts = new
        {
            browser = new { name = "Chrome", version = "124.0.6367", type = "browser" },
            os = new { name = "macOS", version = "14.4", type = "os" },
            trace = TraceContext(OwnTrace(eventId), "a3f1c0d2e4b56789", "pageload"),
        },
        user = new { id = "u-1042", email = "maria@customer.example", ip_address = "198.51.100.7" },
        sdk = new { name = "sentry.javascript.react", version = "8.12.0" },
        dateCreated = at,
    };

    private static object PaymentTimeoutEvent(string traceId, DateTimeOffset at) => new
    {
        title = "TimeoutException: Payment provider did not answer within 30 seconds",
        message = "Charging order failed",
        platform = "csharp",
        type = "error",
        culprit = "Acme.Payments.ChargeService in ChargeAsync",
        location = "src/Payments/ChargeService.cs",
        release = new { version = "payments-service@1.8.0", shortVersion = "1.8.0" },
        tags = Tags(("environment", "production"), ("provider", "stripe"), ("handled", "yes"), ("level", "fatal")),
        entries = new object[]
        {
            ExceptionEntry(
                Exception("System.Threading.Tasks.TaskCanceledException", "The request was canceled due to the configured HttpClient.Timeout of 30 seconds elapsing.", "chained", true, "System.Net.Http",
                    Frame("System.Net.Http.HttpClient", "HandleFailure", 0, false, "System.Net.Http.HttpClient")),
                Exception("System.TimeoutException", "Payment provider did not answer within 30 seconds", "generic", true, "System",
                    Frame("Microsoft.AspNetCore.Routing.EndpointMiddleware", "Invoke", 0, false),
                    Frame("src/Payments/CheckoutEndpoints.cs", "Charge", 31, true, "Acme.Payments.CheckoutEndpoints"),
                    Frame("src/Payments/ChargeService.cs", "ChargeAsync", 88, true, "Acme.Payments.ChargeService", code:
                    [
                        "        catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)",
                        "        {",
                        "            throw new TimeoutException(\"Payment provider did not answer within 30 seconds\", ex);",
                        "        }",
                        "    }",
                    ], vars: new { orderId = "\"ord_8842\"", amount = "129.90" }))),
            BreadcrumbsEntry(Crumb(at.AddSeconds(-31), "http", "POST https://api.stripe.example/v1/charges", type: "http")),
        },
        contexts = new
        {
            runtime = new { name = ".NET", version = "10.0.0", type = "runtime" },
            os = new { name = "Linux", version = "Debian 12", type = "os" },
            trace = TraceContext(traceId, "9c4e2b1a7d3f6e08", "payment.charge"),
        },
        user = new { id = "u-1042" },
        sdk = new { name = "sentry.dotnet.aspnetcore", version = "6.12.1" },
        dateCreated = at,
    };

    private static object DbLockedEvent(DateTimeOffset at) => new
    {
        title = "OperationalError: database is locked",
        message = "",
        platform = "python",
        type = "error",
        culprit = "app.db.session in commit",
        location = "app/db/session.py",
        tags = Tags(("environment", "staging"), ("handled", "no"), ("level", "error")),
        entries = new object[]
        {
            ExceptionEntry(Exception("OperationalError", "database is locked", "celery", false, "sqlite3",
                Frame("celery/app/trace.py", "trace_task", 451, false, "celery.app.trace"),
                Frame("app/tasks/sync.py", "sync_inventory", 64, true, "app.tasks.sync"),
                Frame("app/db/session.py", "commit", 23, true, "app.db.session", code:
                [
                    "def commit(session):",
                    "    try:",
                    "        session.commit()",
                    "    except Exception:",
                    "        session.rollback()",
                ]))),
        },
        contexts = new { runtime = new { name = "CPython", version = "3.12.3", type = "runtime" }, trace = TraceContext("0d3f5a7c9e1b2d4f6a8c0e2b4d6f8a1c", "1a2b3c4d5e6f7a8b", "celery.task") },
        user = (object?)null,
        dateCreated = at,
    };

    private static object NetworkEvent(DateTimeOffset at) => new
    {
        title = "Error: Network request failed",
        message = "",
        platform = "javascript",
        type = "error",
        culprit = "fetchOrders(src/api/orders.ts)",
        location = "src/api/orders.ts",
        tags = Tags(("os", "iOS 17.4"), ("device", "iPhone15,2"), ("handled", "yes"), ("level", "warning")),
        entries = new object[]
        {
            ExceptionEntry(Exception("Error", "Network request failed", "generic", true, null,
                Frame("src/api/orders.ts", "fetchOrders", 12, true, colNo: 9, code: ["export async function fetchOrders() {", "  const res = await fetch(`${API}/orders/`);", "  return res.json();"]))),
        },
        contexts = new { os = new { name = "iOS", version = "17.4", type = "os" }, device = new { model = "iPhone15,2", type = "device" } },
        user = new { id = "u-3301" },
        dateCreated = at,
    };
}
