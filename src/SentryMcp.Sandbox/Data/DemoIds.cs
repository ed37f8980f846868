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

    // Alerts and monitors (organization "acme").
    public const string BackendNewIssuesRuleId = "301";   // issue alert "Notify backend on new issues": api-backend + payments-service, Slack #backend-alerts
    public const string CheckoutIssueRuleId = "302";      // issue alert "Critical checkout errors": web-frontend, more than 100 events in 1h
    public const string P95LatencyMetricRuleId = "401";   // metric alert "P95 latency above 2s on checkout": api-backend
    public const string CheckoutMetricRuleId = "403";     // metric alert "Critical checkout errors": web-frontend (same name as issue alert 302)
    public const string ApiHealthUptimeId = "5001";       // uptime "API health", api-backend, currently up, one failed check 3 hours ago
    public const string CheckoutUptimeId = "5002";        // uptime "Checkout page", web-frontend, currently down (502)
}
