using System.Text.Json.Nodes;

namespace SentryMcp.Sandbox;

/// <summary>Who an issue is assigned to: a user id or a team slug.</summary>
public sealed record SandboxAssignee(string Type, string Id);

public sealed record SandboxTagSummary(string Key, string Name, params (string Value, int Count)[] TopValues);

public sealed class SandboxIssue
{
    public required string Id { get; init; }
    public required string ShortId { get; init; }
    public required string OrganizationSlug { get; init; }
    public required string ProjectSlug { get; init; }
    public required string Title { get; init; }
    public required string Culprit { get; init; }
    public required string Level { get; init; }
    public required string Platform { get; init; }
    public string Status { get; set; } = "unresolved";
    public string? Substatus { get; set; } = "ongoing";
    public bool InNextRelease { get; set; }
    public SandboxAssignee? AssignedTo { get; set; }
    public required DateTimeOffset FirstSeen { get; init; }
    public required DateTimeOffset LastSeen { get; init; }
    public required int Count { get; init; }
    public required int UserCount { get; init; }
    public bool IsUnhandled { get; init; }
    public string IssueCategory { get; init; } = "error";
    public string IssueType { get; init; } = "error";
    public string Priority { get; init; } = "high";
    public required string MetadataType { get; init; }
    public required string MetadataValue { get; init; }
    public string? MetadataFilename { get; init; }
    public string? MetadataFunction { get; init; }
    public List<SandboxTagSummary> Tags { get; init; } = [];
}

public sealed class SandboxEvent
{
    public required string EventId { get; init; }
    public required string IssueId { get; init; }
    public required DateTimeOffset DateCreated { get; init; }

    /// <summary>The rest of Sentry's event JSON (entries, tags, contexts, user…), kept as sent.</summary>
    public required JsonObject Payload { get; init; }
}

public sealed class SandboxAttachment
{
    public required string Id { get; init; }
    public required string EventId { get; init; }
    public required string Name { get; init; }
    public required string MimeType { get; init; }
    public required byte[] Content { get; init; }
    public required DateTimeOffset DateCreated { get; init; }
}

/// <summary>Issues of the demo world: a mix of errors and performance problems across the acme projects.</summary>
public sealed partial class DemoData
{
    public List<SandboxIssue> Issues { get; } = [];
    public List<SandboxEvent> Events { get; } = [];
    public List<SandboxAttachment> Attachments { get; } = [];

    public SandboxIssue? Issue(string organizationSlug, string idOrShortId) =>
        Issues.FirstOrDefault(i => i.OrganizationSlug == organizationSlug
            && (i.Id == idOrShortId || string.Equals(i.ShortId, idOrShortId, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Events of an issue, newest first.</summary>
    public IEnumerable<SandboxEvent> EventsOf(string issueId) =>
        Events.Where(e => e.IssueId == issueId).OrderByDescending(e => e.DateCreated);

    partial void SeedIssues()
    {
        var acme = OrganizationSlug;
        Issues.Add(new SandboxIssue
        {
            Id = DemoIds.NoneTypeIssueId, ShortId = DemoIds.NoneTypeShortId, OrganizationSlug = acme, ProjectSlug = "api-backend",
            Title = "AttributeError: 'NoneType' object has no attribute 'email'", Culprit = "app.views.users in get_profile",
            Level = "error", Platform = "python", Substatus = "escalating", FirstSeen = Now.AddDays(-6), LastSeen = Now.AddMinutes(-12),
            Count = 1284, UserCount = 231, IsUnhandled = true, AssignedTo = new SandboxAssignee("user", UserId),
            MetadataType = "AttributeError", MetadataValue = "'NoneType' object has no attribute 'email'",
            MetadataFilename = "app/views/users.py", MetadataFunction = "get_profile",
            Tags = [new("environment", "Environment", ("production", 1201), ("staging", 83)), new("release", "Release", ("api-backend@2.4.1", 1284)),
                new("browser", "Browser", ("Chrome 124", 802), ("Firefox 125", 310))],
        });
        Issues.Add(new SandboxIssue
        {
            Id = DemoIds.UndefinedMapIssueId, ShortId = DemoIds.UndefinedMapShortId, OrganizationSlug = acme, ProjectSlug = "web-frontend",
            Title = "TypeError: Cannot read properties of undefined (reading 'map')", Culprit = "OrderList(src/components/OrderList.tsx)",
            Level = "error", Platform = "javascript", FirstSeen = Now.AddDays(-3), LastSeen = Now.AddHours(-1),
            Count = 342, UserCount = 118, IsUnhandled = true, AssignedTo = new SandboxAssignee("team", "frontend"),
            MetadataType = "TypeError", MetadataValue = "Cannot read properties of undefined (reading 'map')",
            MetadataFilename = "src/components/OrderList.tsx", MetadataFunction = "OrderList",
            Tags = [new("environment", "Environment", ("production", 342)), new("browser", "Browser", ("Chrome 124", 250), ("Safari 17.4", 92)),
                new("url", "URL", ("https://shop.acme.example/orders", 342))],
        });
        Issues.Add(new SandboxIssue
        {
            Id = DemoIds.PaymentTimeoutIssueId, ShortId = DemoIds.PaymentTimeoutShortId, OrganizationSlug = acme, ProjectSlug = "payments-service",
            Title = "TimeoutException: Payment provider did not answer within 30 seconds", Culprit = "Acme.Payments.ChargeService in ChargeAsync",
            Level = "fatal", Platform = "csharp", Substatus = "new", FirstSeen = Now.AddDays(-1), LastSeen = Now.AddMinutes(-40),
            Count = 57, UserCount = 41, IsUnhandled = false,
            MetadataType = "System.TimeoutException", MetadataValue = "Payment provider did not answer within 30 seconds",
            MetadataFilename = "src/Payments/ChargeService.cs", MetadataFunction = "ChargeAsync",
            Tags = [new("environment", "Environment", ("production", 57)), new("provider", "provider", ("stripe", 57))],
        });
        Issues.Add(new SandboxIssue
        {
            Id = DemoIds.DbLockedIssueId, ShortId = DemoIds.DbLockedShortId, OrganizationSlug = acme, ProjectSlug = "api-backend",
            Title = "OperationalError: database is locked", Culprit = "app.db.session in commit",
            Level = "error", Platform = "python", FirstSeen = Now.AddDays(-9), LastSeen = Now.AddHours(-5),
            Count = 76, UserCount = 12, IsUnhandled = true, Priority = "medium",
            MetadataType = "OperationalError", MetadataValue = "database is locked",
            MetadataFilename = "app/db/session.py", MetadataFunction = "commit",
            Tags = [new("environment", "Environment", ("staging", 70), ("production", 6))],
        });
        Issues.Add(new SandboxIssue
        {
            Id = DemoIds.NetworkIssueId, ShortId = DemoIds.NetworkShortId, OrganizationSlug = acme, ProjectSlug = "mobile-app",
            Title = "Error: Network request failed", Culprit = "fetchOrders(src/api/orders.ts)",
            Level = "warning", Platform = "javascript", Status = "resolved", Substatus = null, FirstSeen = Now.AddDays(-12), LastSeen = Now.AddDays(-2),
            Count = 903, UserCount = 377, IsUnhandled = false, Priority = "low", AssignedTo = new SandboxAssignee("user", "2"),
            MetadataType = "Error", MetadataValue = "Network request failed",
            MetadataFilename = "src/api/orders.ts", MetadataFunction = "fetchOrders",
            Tags = [new("os", "OS", ("iOS 17.4", 610), ("Android 14", 293)), new("device", "Device", ("iPhone15,2", 400))],
        });
        Issues.Add(new SandboxIssue
        {
            Id = "7006", ShortId = "API-BACKEND-3", OrganizationSlug = acme, ProjectSlug = "api-backend",
            Title = "N+1 Query", Culprit = "/api/orders/",
            Level = "info", Platform = "python", FirstSeen = Now.AddDays(-4), LastSeen = Now.AddHours(-2),
            Count = 2210, UserCount = 540, IssueCategory = "performance", IssueType = "performance_n_plus_one_db_queries", Priority = "medium",
            MetadataType = "N+1 Query", MetadataValue = "SELECT \"shop_product\".* FROM \"shop_product\" WHERE \"shop_product\".\"id\" = %s",
            Tags = [new("transaction", "Transaction", ("/api/orders/", 2210))],
        });
        Issues.Add(new SandboxIssue
        {
            Id = "7007", ShortId = "API-BACKEND-4", OrganizationSlug = acme, ProjectSlug = "api-backend",
            Title = "Slow DB Query", Culprit = "/api/reports/sales/",
            Level = "info", Platform = "python", Status = "ignored", Substatus = "archived_until_escalating",
            FirstSeen = Now.AddDays(-8), LastSeen = Now.AddDays(-1), Count = 88, UserCount = 9,
            IssueCategory = "performance", IssueType = "performance_slow_db_query", Priority = "low",
            MetadataType = "Slow DB Query", MetadataValue = "SELECT SUM(total) FROM shop_order WHERE created_at >= %s GROUP BY date(created_at)",
            Tags = [new("transaction", "Transaction", ("/api/reports/sales/", 88))],
        });
        Issues.Add(new SandboxIssue
        {
            Id = "7008", ShortId = "WEB-FRONTEND-2", OrganizationSlug = acme, ProjectSlug = "web-frontend",
            Title = "Error: Hydration failed because the initial UI does not match what was rendered on the server.",
            Culprit = "ProductPrice(src/components/ProductPrice.tsx)", Level = "error", Platform = "javascript",
            FirstSeen = Now.AddDays(-2), LastSeen = Now.AddHours(-3), Count = 129, UserCount = 64, IsUnhandled = true,
            MetadataType = "Error", MetadataValue = "Hydration failed because the initial UI does not match what was rendered on the server.",
            MetadataFilename = "src/components/ProductPrice.tsx", MetadataFunction = "ProductPrice",
            Tags = [new("browser", "Browser", ("Chrome 124", 90), ("Edge 124", 39))],
        });
        Issues.Add(new SandboxIssue
        {
            Id = "7009", ShortId = "PAYMENTS-SERVICE-2", OrganizationSlug = acme, ProjectSlug = "payments-service",
            Title = "NullReferenceException: Object reference not set to an instance of an object.", Culprit = "Acme.Payments.RefundService in CreateRefundAsync",
            Level = "error", Platform = "csharp", Substatus = "regressed", FirstSeen = Now.AddDays(-10), LastSeen = Now.AddHours(-7),
            Count = 23, UserCount = 19, IsUnhandled = true, AssignedTo = new SandboxAssignee("team", "backend"),
            MetadataType = "System.NullReferenceException", MetadataValue = "Object reference not set to an instance of an object.",
            MetadataFilename = "src/Payments/RefundService.cs", MetadataFunction = "CreateRefundAsync",
            Tags = [new("environment", "Environment", ("production", 23))],
        });
        SeedEvents();
        SeedAttachments();
    }
}
