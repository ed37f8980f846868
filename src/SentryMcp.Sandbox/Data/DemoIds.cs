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
