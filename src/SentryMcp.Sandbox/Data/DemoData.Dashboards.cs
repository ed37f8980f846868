namespace SentryMcp.Sandbox;

/// <summary>One saved query of a widget; Sentry's <c>fields</c> are the columns followed by the aggregates.</summary>
public sealed record SandboxWidgetQuery(string Id, string Name, IReadOnlyList<string> Columns, IReadOnlyList<string> Aggregates, string Conditions, string OrderBy)
{
    public IReadOnlyList<string> Fields => [.. Columns, .. Aggregates];
}

/// <summary>A widget on the 6-column dashboard grid.</summary>
public sealed record SandboxWidget(
    string Id, string Title, string? Description, string DisplayType, string WidgetType, string? Interval, int? Limit,
    int X, int Y, int W, int H, IReadOnlyList<SandboxWidgetQuery> Queries);

public sealed class SandboxDashboard
{
    public required string Id { get; init; }
    public required string OrganizationSlug { get; init; }
    public required string Title { get; init; }
    public required DateTimeOffset DateCreated { get; init; }
    public string? CreatedByUserId { get; init; }
    public DateTimeOffset? LastVisited { get; init; }
    public bool IsFavorited { get; init; }
    public int? PrebuiltId { get; init; }

    /// <summary>Numeric project ids; empty means every project of the organization.</summary>
    public List<string> ProjectIds { get; init; } = [];
    public List<string> Environments { get; init; } = [];
    public string? Period { get; init; } = "24h";
    public Dictionary<string, object> Filters { get; init; } = [];
    public List<SandboxWidget> Widgets { get; init; } = [];
}

public sealed partial class DemoData
{
    private List<SandboxDashboard>? _dashboards;

    /// <summary>
    /// Seeded on first use rather than in the constructor: dashboards only refer to projects and
    /// users that exist by then, and their ids are fixed (tests and docs quote them).
    /// </summary>
    public List<SandboxDashboard> Dashboards => _dashboards ??= SeedDashboards();

    private List<SandboxDashboard> SeedDashboards()
    {
        var dashboards = new List<SandboxDashboard>();
        void Add(string id, string title, int ageDays, string[] projects, string[] environments, string? period, SandboxWidget[] widgets,
            string? createdBy = UserId, bool favorite = false, double? visitedHoursAgo = null, int? prebuiltId = null,
            Dictionary<string, object>? filters = null, string organization = OrganizationSlug) =>
            dashboards.Add(new SandboxDashboard
            {
                Id = id,
                OrganizationSlug = organization,
                Title = title,
                DateCreated = Now.AddDays(-ageDays),
                CreatedByUserId = createdBy,
                LastVisited = visitedHoursAgo is { } hours ? Now.AddHours(-hours) : null,
                IsFavorited = favorite,
                PrebuiltId = prebuiltId,
                ProjectIds = [.. projects.Select(slug => Project(organization, slug)!.Id)],
                Environments = [.. environments],
                Period = period,
                Filters = filters ?? [],
                Widgets = [.. widgets],
            });

        Add(DemoIds.CheckoutDashboardId, "Checkout Health", 120, ["web-frontend", "api-backend", "payments-service"], ["production"], "24h",
        [
            Widget(DemoIds.CheckoutDashboardId, 1, "Checkout errors", "Unhandled errors on the checkout flow", "line", "error-events", "5m", null, 0, 0, 3, 2,
                Query("Checkout", [], ["count()"], "transaction:/checkout !error.handled:true", "")),
            Widget(DemoIds.CheckoutDashboardId, 2, "Payment provider timeouts", null, "big_number", "error-events", null, null, 3, 0, 1, 1,
                Query("", [], ["count()"], "error.type:System.TimeoutException project:payments-service", "")),
            Widget(DemoIds.CheckoutDashboardId, 3, "Checkout throughput", null, "area", "spans", "1h", null, 4, 0, 2, 2,
                Query("", [], ["epm()"], "is_transaction:true transaction:/checkout", "")),
            Widget(DemoIds.CheckoutDashboardId, 4, "Slowest checkout spans", "Where checkout time goes", "table", "spans", null, 10, 0, 2, 6, 3,
                Query("Slow spans", ["span.op", "span.description"], ["p95(span.duration)", "count()"], "transaction:/checkout", "-p95(span.duration)")),
        ], favorite: true, visitedHoursAgo: 1, filters: new() { ["release"] = new[] { "web-frontend@2.4.1" } });

        Add(DemoIds.ErrorsDashboardId, "Errors Overview", 300, [], [], "14d",
        [
            Widget(DemoIds.ErrorsDashboardId, 1, "Errors by project", null, "bar", "error-events", "1d", 5, 0, 0, 3, 2,
                Query("", ["project"], ["count()"], "", "-count()")),
            Widget(DemoIds.ErrorsDashboardId, 2, "Handled vs unhandled", null, "line", "error-events", "1h", 2, 3, 0, 3, 2,
                Query("", ["error.handled"], ["count()"], "", "-count()")),
            Widget(DemoIds.ErrorsDashboardId, 3, "Top unresolved issues", "Most frequent open issues", "table", "issue", null, 10, 0, 2, 6, 3,
                Query("Unresolved", ["issue", "assignee", "title", "events"], [], "is:unresolved", "freq")),
        ], favorite: true, visitedHoursAgo: 20);

        Add("4103", "Backend Performance", 200, ["api-backend"], ["production"], "7d",
        [
            Widget("4103", 1, "p95 duration by endpoint", null, "line", "spans", "1h", 5, 0, 0, 4, 2,
                Query("", ["transaction"], ["p95(span.duration)"], "is_transaction:true", "-p95(span.duration)")),
            Widget("4103", 2, "Database is locked errors", null, "big_number", "error-events", null, null, 4, 0, 2, 1,
                Query("", [], ["count()"], "error.type:OperationalError", "")),
            Widget("4103", 3, "Slow database queries", null, "table", "spans", null, 10, 0, 2, 6, 3,
                Query("", ["span.description"], ["avg(span.duration)", "count()"], "span.op:db", "-avg(span.duration)")),
        ], createdBy: "2", visitedHoursAgo: 30);

        Add("4104", "Web Vitals", 160, ["web-frontend"], ["production"], "7d",
        [
            Widget("4104", 1, "LCP p75", "Largest contentful paint", "line", "transaction-like", "1h", null, 0, 0, 2, 2,
                Query("", [], ["p75(measurements.lcp)"], "transaction.op:pageload", "")),
            Widget("4104", 2, "INP p75", "Interaction to next paint", "line", "transaction-like", "1h", null, 2, 0, 2, 2,
                Query("", [], ["p75(measurements.inp)"], "", "")),
            Widget("4104", 3, "Slowest pages", null, "table", "transaction-like", null, 10, 0, 2, 6, 3,
                Query("", ["transaction"], ["p75(measurements.lcp)", "count()"], "transaction.op:pageload", "-p75(measurements.lcp)")),
        ]);

        Add("4105", "Mobile App Health", 90, ["mobile-app"], ["production"], "30d",
        [
            Widget("4105", 1, "Crash free sessions", null, "big_number", "metrics", null, null, 0, 0, 2, 1,
                Query("", [], ["crash_free_rate(session)"], "", "")),
            Widget("4105", 2, "Sessions by release", null, "line", "metrics", "1d", 5, 2, 0, 4, 2,
                Query("", ["release"], ["sum(session)"], "", "-sum(session)")),
            Widget("4105", 3, "Network failures", null, "line", "error-events", "1h", null, 0, 2, 6, 2,
                Query("", [], ["count()"], "message:\"Network request failed\"", "")),
        ], createdBy: "2");

        Add("4106", "Payments Service", 150, ["payments-service"], ["production", "staging"], "24h",
        [
            Widget("4106", 1, "Provider call latency", null, "line", "spans", "5m", null, 0, 0, 4, 2,
                Query("p95", [], ["p95(span.duration)"], "span.op:http.client", "")),
            Widget("4106", 2, "Failed charges", null, "big_number", "error-events", null, null, 4, 0, 2, 1,
                Query("", [], ["count()"], "transaction:\"POST /charges\"", "")),
        ]);

        Add("4107", "On-call Triage", 60, [], ["production"], "24h",
        [
            Widget("4107", 1, "Unassigned unresolved issues", null, "table", "issue", null, 20, 0, 0, 6, 4,
                Query("", ["issue", "title", "events", "users"], [], "is:unresolved is:unassigned", "date")),
        ], favorite: true, visitedHoursAgo: 3);

        Add("4108", "Release Adoption", 45, ["web-frontend", "mobile-app"], [], "14d",
        [
            Widget("4108", 1, "Users by release", null, "bar", "metrics", "1d", 5, 0, 0, 6, 2,
                Query("", ["release"], ["count_unique(user)"], "", "-count_unique(user)")),
        ]);

        Add("4109", "Database Health", 30, ["api-backend", "payments-service"], ["production"], "7d",
        [
            Widget("4109", 1, "Query throughput", null, "area", "spans", "1h", null, 0, 0, 3, 2,
                Query("", [], ["epm()"], "span.op:db", "")),
            Widget("4109", 2, "Slowest tables", null, "table", "spans", null, 5, 3, 0, 3, 2,
                Query("", ["span.domain"], ["avg(span.duration)"], "span.op:db", "-avg(span.duration)")),
        ]);

        Add("4110", "Frontend Errors", 25, ["web-frontend"], [], "7d",
        [
            Widget("4110", 1, "Errors by type", null, "top_n", "error-events", "1h", 5, 0, 0, 6, 2,
                Query("", ["error.type"], ["count()"], "", "-count()")),
            Widget("4110", 2, "TypeErrors", null, "big_number", "error-events", null, null, 0, 2, 2, 1,
                Query("", [], ["count()"], "error.type:TypeError", "")),
        ], createdBy: null);

        Add("4111", "API Latency SLOs", 10, ["api-backend"], ["production"], "30d",
        [
            Widget("4111", 1, "Requests slower than 500 ms", null, "line", "spans", "1d", null, 0, 0, 6, 2,
                Query("", [], ["count()"], "is_transaction:true span.duration:>500ms", "")),
        ]);

        Add("4112", "Queries", 5, [], [], "24h",
        [
            Widget("4112", 1, "Queries per minute", null, "line", "spans", "5m", null, 0, 0, 3, 2,
                Query("", [], ["epm()"], "span.category:db", "")),
            Widget("4112", 2, "Average query duration", null, "line", "spans", "5m", null, 3, 0, 3, 2,
                Query("", [], ["avg(span.self_time)"], "span.category:db", "")),
        ], createdBy: null, prebuiltId: 3);

        Add("4201", "Prototype Experiments", 20, ["prototype"], [], "7d",
        [
            Widget("4201", 1, "Experiment errors", null, "line", "error-events", "1h", null, 0, 0, 6, 2,
                Query("", [], ["count()"], "", "")),
        ], organization: SecondOrganizationSlug);

        return dashboards;
    }

    private static SandboxWidget Widget(string dashboardId, int index, string title, string? description, string displayType, string widgetType,
        string? interval, int? limit, int x, int y, int w, int h, SandboxWidgetQuery query)
    {
        var id = $"{dashboardId}{index:00}";
        return new SandboxWidget(id, title, description, displayType, widgetType, interval, limit, x, y, w, h, [query with { Id = id + "1" }]);
    }

    private static SandboxWidgetQuery Query(string name, string[] columns, string[] aggregates, string conditions, string orderBy) =>
        new("", name, columns, aggregates, conditions, orderBy);
}
