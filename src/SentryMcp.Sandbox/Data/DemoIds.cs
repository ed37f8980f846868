namespace SentryMcp.Sandbox;

/// <summary>
/// Identifiers shared across the demo world's areas, so that issues, events, traces, attachments
/// and Seer runs refer to each other consistently.
/// </summary>
public static class DemoIds
{
    // Issues in organization "acme" (numeric id, short id, project).
    public const string NoneTypeIssueId = "7001";        // API-BACKEND-1, api-backend, python: AttributeError 'NoneType' object has no attribute 'email' in app/views/users.py; unresolved; has a completed Seer run
    public const string NoneTypeShortId = "API-BACKEND-1";
    public const string UndefinedMapIssueId = "7002";    // WEB-FRONTEND-1, web-frontend, javascript: TypeError Cannot read properties of undefined (reading 'map') in src/components/OrderList.tsx; has a screenshot attachment
    public const string UndefinedMapShortId = "WEB-FRONTEND-1";
    public const string PaymentTimeoutIssueId = "7003";  // PAYMENTS-SERVICE-1, payments-service, csharp: System.TimeoutException Payment provider did not answer in src/Payments/ChargeService.cs; no Seer run yet
    public const string PaymentTimeoutShortId = "PAYMENTS-SERVICE-1";
    public const string DbLockedIssueId = "7004";        // API-BACKEND-2, api-backend: OperationalError database is locked in app/db/session.py; unresolved
    public const string DbLockedShortId = "API-BACKEND-2";
    public const string NetworkIssueId = "7005";         // MOBILE-APP-1, mobile-app: Error Network request failed; resolved
    public const string NetworkShortId = "MOBILE-APP-1";

    // Latest events of those issues (32 hex characters).
    public const string NoneTypeEventId = "a1b2c3d4e5f6478990a1b2c3d4e5f601";
    public const string UndefinedMapEventId = "a1b2c3d4e5f6478990a1b2c3d4e5f602";
    public const string PaymentTimeoutEventId = "a1b2c3d4e5f6478990a1b2c3d4e5f603";
    public const string DbLockedEventId = "a1b2c3d4e5f6478990a1b2c3d4e5f604";
    public const string NetworkEventId = "a1b2c3d4e5f6478990a1b2c3d4e5f605";

    /// <summary>The checkout trace: web-frontend page load → api-backend → payments-service; events 7001 and 7003 happen in it.</summary>
    public const string CheckoutTraceId = "4bf92f3577b34da6a3ce929d0e0e4736";

    /// <summary>Screenshot attached to the latest event of WEB-FRONTEND-1.</summary>
    public const string ScreenshotAttachmentId = "9001";

    /// <summary>Dashboards of "acme": Checkout Health (favorited, three projects, a release filter) and Errors Overview (all projects).</summary>
    public const string CheckoutDashboardId = "4101";
    public const string ErrorsDashboardId = "4102";

    /// <summary>Agentic onboarding runs of "acme": one in progress, one already completed (it accepts no more updates).</summary>
    public const string OnboardingRunToken = "a1B2c3D4e5";
    public const string FinishedOnboardingRunToken = "Zz9Yy8Xx7W";

    // AI conversations of the api-backend support agent (gen_ai.conversation.id values).
    public const string OrderStatusConversationId = "5e0c7a3e-41b2-4d8f-9a6c-2f1e8b7d9c01";  // one turn, lookup_order tool, ok
    public const string RefundConversationId = "5e0c7a3e-41b2-4d8f-9a6c-2f1e8b7d9c02";       // issue_refund tool fails (internal_error)
    public const string ShippingConversationId = "5e0c7a3e-41b2-4d8f-9a6c-2f1e8b7d9c03";     // two turns in two traces, two tools

    // Preprod snapshots of the mobile app (app id com.acme.shop, project mobile-app).
    public const string SnapshotId = "5101";            // diff: feature/checkout-redesign (PR #412) against base 5100
    public const string BaseSnapshotId = "5100";        // solo: latest base on main
    public const string SnapshotAppId = "com.acme.shop";

    // Alerts and monitors (organization "acme").
    public const string BackendNewIssuesRuleId = "301";   // issue alert "Notify backend on new issues": api-backend + payments-service, Slack #backend-alerts
    public const string CheckoutIssueRuleId = "302";      // issue alert "Critical checkout errors": web-frontend, more than 100 events in 1h
    public const string P95LatencyMetricRuleId = "401";   // metric alert "P95 latency above 2s on checkout": api-backend
    public const string CheckoutMetricRuleId = "403";     // metric alert "Critical checkout errors": web-frontend (same name as issue alert 302)
    public const string ApiHealthUptimeId = "5001";       // uptime "API health", api-backend, currently up, one failed check 3 hours ago
    public const string CheckoutUptimeId = "5002";        // uptime "Checkout page", web-frontend, currently down (502)

    /// <summary>Spans of the checkout trace: the api-backend checkout transaction (profiled) and the payment provider call that timed out.</summary>
    public const string CheckoutTransactionSpanId = "c45f3a1e9b7d2e10";
    public const string StripeCallSpanId = "d9e8f7a6b5c4d302";

    /// <summary>Transaction profile of the checkout request in api-backend (in the checkout trace).</summary>
    public const string CheckoutProfileId = "5f1c0a9e3b7d4c2a8e6f1b3d5a7c9e01";

    /// <summary>Continuous profiler session of payments-service.</summary>
    public const string PaymentsProfilerId = "041bde57b9844e36b8b7e5734efae5f7";

    /// <summary>Session replay of the customer whose checkout failed (checkout trace, API-BACKEND-1 and PAYMENTS-SERVICE-1).</summary>
    public const string CheckoutReplayId = "7e07485f12f9416b8b1426260799b51f";
}
