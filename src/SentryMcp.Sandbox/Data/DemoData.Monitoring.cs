namespace SentryMcp.Sandbox;

/// <summary>An issue alert as Sentry's workflow engine serves it (<c>/organizations/{org}/workflows/</c>).</summary>
public sealed class SandboxIssueAlert
{
    public required string Id { get; init; }
    public required string OrganizationSlug { get; init; }
    public required string Name { get; init; }
    public bool Enabled { get; init; } = true;
    public int Frequency { get; init; } = 30;
    public string? Environment { get; init; }
    public string? Owner { get; init; }
    /// <summary>Projects whose error detector runs this workflow; none means an unattached org-level workflow.</summary>
    public List<string> ProjectIds { get; init; } = [];
    public required object Triggers { get; init; }
    public List<object> ActionFilters { get; init; } = [];
    public required DateTimeOffset DateCreated { get; init; }
    public DateTimeOffset? LastTriggered { get; init; }
}

/// <summary>A metric alert rule (<c>/organizations/{org}/alert-rules/</c>).</summary>
public sealed class SandboxMetricAlert
{
    public required string Id { get; init; }
    public required string OrganizationSlug { get; init; }
    public required string Name { get; init; }
    public required string Dataset { get; init; }
    public required string Aggregate { get; init; }
    public string Query { get; init; } = "";
    public int TimeWindow { get; init; } = 5;
    public string? Environment { get; init; }
    public string? Owner { get; init; }
    public List<string> ProjectIds { get; init; } = [];
    public List<object> Triggers { get; init; } = [];
    public required DateTimeOffset DateCreated { get; init; }
}

public sealed partial class DemoData
{
    private MonitoringWorld? _monitoring;

    /// <summary>Alert rules, cron monitors and uptime monitors, seeded on first use from the projects above.</summary>
    public MonitoringWorld Monitoring => _monitoring ??= new MonitoringWorld(this);

    /// <summary>Numeric id of a project's error detector, which issue-alert workflows attach to.</summary>
    public static string DetectorId(string projectId) => "9" + projectId;
}

public sealed partial class MonitoringWorld
{
    private readonly DemoData _data;

    public MonitoringWorld(DemoData data)
    {
        _data = data;
        SeedAlerts();
        SeedCrons();
        SeedUptime();
    }

    public DateTimeOffset Now => _data.Now;
    public List<SandboxIssueAlert> IssueAlerts { get; } = [];
    public List<SandboxMetricAlert> MetricAlerts { get; } = [];

    private string ProjectId(string slug) => _data.Project(DemoData.OrganizationSlug, slug)!.Id;

    private string TeamOwner(string slug) => "team:" + _data.Teams.First(t => t.OrganizationSlug == DemoData.OrganizationSlug && t.Slug == slug).Id;

    private void SeedAlerts()
    {
        IssueAlerts.Add(new SandboxIssueAlert
        {
            Id = DemoIds.BackendNewIssuesRuleId, OrganizationSlug = DemoData.OrganizationSlug, Name = "Notify backend on new issues",
            Frequency = 30, Environment = "production", Owner = TeamOwner("backend"),
            ProjectIds = [ProjectId("api-backend"), ProjectId("payments-service")],
            Triggers = Group("3011", "any-short", [Condition("first_seen_event", true), Condition("regression_event", true)]),
            ActionFilters = [Group("3012", "all", [Condition("issue_priority_greater_or_equal", 75)],
                [new { id = "3013", type = "slack", integrationId = "21", config = new { targetType = "specific", targetIdentifier = "C024BE91L", targetDisplay = "#backend-alerts" }, data = new { }, status = "active" }])],
            DateCreated = Now.AddDays(-120), LastTriggered = Now.AddHours(-2),
        });
        IssueAlerts.Add(new SandboxIssueAlert
        {
            Id = DemoIds.CheckoutIssueRuleId, OrganizationSlug = DemoData.OrganizationSlug, Name = "Critical checkout errors",
            Frequency = 60, Environment = "production", Owner = TeamOwner("frontend"),
            ProjectIds = [ProjectId("web-frontend")],
            Triggers = Group("3021", "any-short", [Condition("event_frequency_count", new { value = 100, interval = "1h" })]),
            ActionFilters = [Group("3022", "all", [Condition("tagged_event", new { key = "transaction", match = "co", value = "/checkout" })],
                [new { id = "3023", type = "email", config = new { targetType = "team", targetIdentifier = _data.Teams.First(t => t.Slug == "frontend").Id, targetDisplay = "Frontend" }, data = new { }, status = "active" }])],
            DateCreated = Now.AddDays(-60), LastTriggered = Now.AddDays(-1),
        });
        IssueAlerts.Add(new SandboxIssueAlert
        {
            Id = "303", OrganizationSlug = DemoData.OrganizationSlug, Name = "Regression watch", Enabled = false, Frequency = 1440,
            ProjectIds = [ProjectId("api-backend")], Owner = "user:" + DemoData.UserId,
            Triggers = Group("3031", "any-short", [Condition("regression_event", true)]),
            ActionFilters = [Group("3032", "all", [], [new { id = "3033", type = "email", config = new { targetType = "user", targetIdentifier = DemoData.UserId, targetDisplay = "Jane Doe" }, data = new { }, status = "active" }])],
            DateCreated = Now.AddDays(-30),
        });
        // Org-level workflows without a detector are not issue alerts of any project; Sentry still lists them.
        IssueAlerts.Add(new SandboxIssueAlert
        {
            Id = "304", OrganizationSlug = DemoData.OrganizationSlug, Name = "Draft workflow", ProjectIds = [],
            Triggers = Group("3041", "any-short", []), DateCreated = Now.AddDays(-5),
        });

        MetricAlerts.Add(new SandboxMetricAlert
        {
            Id = DemoIds.P95LatencyMetricRuleId, OrganizationSlug = DemoData.OrganizationSlug, Name = "P95 latency above 2s on checkout",
            Dataset = "events_analytics_platform", Aggregate = "p95(span.duration)", Query = "transaction:/api/checkout", TimeWindow = 5,
            Environment = "production", Owner = TeamOwner("backend"), ProjectIds = [ProjectId("api-backend")],
            Triggers = [Trigger("4011", "critical", 2000, 1500, "#backend-alerts"), Trigger("4012", "warning", 1500, 1500, "#backend-alerts")],
            DateCreated = Now.AddDays(-90),
        });
        MetricAlerts.Add(new SandboxMetricAlert
        {
            Id = "402", OrganizationSlug = DemoData.OrganizationSlug, Name = "Error spike in payments",
            Dataset = "events", Aggregate = "count()", Query = "level:error", TimeWindow = 10,
            Environment = "production", Owner = TeamOwner("backend"), ProjectIds = [ProjectId("payments-service")],
            Triggers = [Trigger("4021", "critical", 50, 10, "#payments-oncall")],
            DateCreated = Now.AddDays(-45),
        });
        MetricAlerts.Add(new SandboxMetricAlert
        {
            Id = DemoIds.CheckoutMetricRuleId, OrganizationSlug = DemoData.OrganizationSlug, Name = "Critical checkout errors",
            Dataset = "events", Aggregate = "count()", Query = "transaction:/checkout level:error", TimeWindow = 15,
            Owner = TeamOwner("frontend"), ProjectIds = [ProjectId("web-frontend")],
            Triggers = [Trigger("4031", "critical", 25, null, "#frontend")],
            DateCreated = Now.AddDays(-20),
        });
        MetricAlerts.Add(new SandboxMetricAlert
        {
            Id = "404", OrganizationSlug = DemoData.OrganizationSlug, Name = "Crash-free sessions below 99%",
            Dataset = "metrics", Aggregate = "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", TimeWindow = 60,
            ProjectIds = [ProjectId("mobile-app")],
            Triggers = [Trigger("4041", "critical", 1, null, "#mobile")],
            DateCreated = Now.AddDays(-10),
        });
    }

    private static object Group(string id, string logicType, object[] conditions, object[]? actions = null) =>
        new { id, logicType, conditions, actions = actions ?? [] };

    private static object Condition(string type, object comparison) => new { type, comparison, conditionResult = true };

    private static object Trigger(string id, string label, double threshold, double? resolve, string channel) => new
    {
        id, label, thresholdType = 0, alertThreshold = threshold, resolveThreshold = resolve,
        actions = new[] { new { id = id + "1", type = "slack", targetType = "specific", targetIdentifier = channel, inputChannelId = "C024BE91L" } },
    };
}
