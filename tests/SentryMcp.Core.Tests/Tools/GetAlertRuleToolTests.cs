using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed class GetAlertRuleToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task A_metric_alert_by_id_shows_its_query_and_thresholds()
    {
        var output = await server.CallAsync("get_alert_rule", new { organizationSlug = "acme", kind = "metric", ruleIdOrName = DemoIds.P95LatencyMetricRuleId });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith("# Alert Rule in **acme**", output.Text);
        Assert.Contains("## P95 latency above 2s on checkout", output.Text);
        Assert.Contains("**Kind**: Metric Alert", output.Text);
        Assert.Contains("**Query**: `transaction:/api/checkout`", output.Text);
        Assert.Contains("**Projects**: `api-backend`", output.Text);
        Assert.Contains("### Triggers", output.Text);
        Assert.Contains("- Critical: alert when above 2000, resolve when below 1500 → Slack → #backend-alerts", output.Text);
        Assert.Contains("- Warning: alert when above 1500", output.Text);
        Assert.Equal("metric", output.Raw.StructuredContent!.Value.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task An_issue_alert_by_name_shows_its_triggers_filters_and_actions()
    {
        var output = await server.CallAsync("get_alert_rule", new { organizationSlug = "acme", kind = "issue", projectSlug = "api-backend", ruleIdOrName = "notify BACKEND on new issues" });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith("# Alert Rule in **acme/api-backend**", output.Text);
        Assert.Contains("**Kind**: Issue Alert", output.Text);
        Assert.Contains($"**ID**: {DemoIds.BackendNewIssuesRuleId}", output.Text);
        Assert.Contains("**Environment**: production", output.Text);
        Assert.Contains("**Owner**: team:", output.Text);
        Assert.Contains("- any of: First seen event; Regression event", output.Text);
        Assert.Contains("### Action Filters", output.Text);
        Assert.Contains("Issue priority greater or equal (75) → Slack → #backend-alerts", output.Text);
        var components = output.Raw.StructuredContent!.Value.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("section").GetString()).ToList();
        Assert.Equal(["Triggers", "Action Filters"], components);
    }

    [Fact]
    public async Task With_kind_all_an_exact_name_finds_the_one_rule()
    {
        var output = await server.CallAsync("get_alert_rule", new { organizationSlug = "acme", projectSlug = "mobile-app", ruleIdOrName = "Crash-free sessions below 99%" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Dataset**: metrics", output.Text);
        Assert.Contains("**Environment**: all environments", output.Text);
    }

    [Fact]
    public async Task A_name_shared_by_an_issue_and_a_metric_alert_asks_for_id_and_kind()
    {
        var output = await server.CallAsync("get_alert_rule", new { organizationSlug = "acme", projectSlug = "web-frontend", ruleIdOrName = "Critical checkout errors" });

        Assert.True(output.IsError);
        Assert.Contains($"issue alert {DemoIds.CheckoutIssueRuleId}", output.Text);
        Assert.Contains($"metric alert {DemoIds.CheckoutMetricRuleId}", output.Text);
        Assert.Contains("numeric rule ID and an explicit kind", output.Text);
    }

    [Fact]
    public async Task A_metric_alert_of_another_project_is_refused()
    {
        var output = await server.CallAsync("get_alert_rule", new { organizationSlug = "acme", kind = "metric", projectSlug = "mobile-app", ruleIdOrName = DemoIds.P95LatencyMetricRuleId });

        Assert.True(output.IsError);
        Assert.Contains("does not watch project mobile-app", output.Text);
    }

    [Fact]
    public async Task Unknown_rules_and_missing_arguments_say_what_to_do()
    {
        var unknownMetric = await server.CallAsync("get_alert_rule", new { organizationSlug = "acme", kind = "metric", ruleIdOrName = "999999" });
        var unknownIssue = await server.CallAsync("get_alert_rule", new { organizationSlug = "acme", kind = "issue", projectSlug = "api-backend", ruleIdOrName = "999999" });
        var digitsAsName = await server.CallAsync("get_alert_rule", new { organizationSlug = "acme", ruleIdOrName = DemoIds.P95LatencyMetricRuleId });
        var noProject = await server.CallAsync("get_alert_rule", new { organizationSlug = "acme", kind = "issue", ruleIdOrName = "x" });
        var wrongOrg = await server.CallAsync("get_alert_rule", new { organizationSlug = "no-such-org", kind = "metric", ruleIdOrName = "Anything" });

        Assert.True(unknownMetric.IsError);
        Assert.Contains("Metric alert rule \"999999\" was not found", unknownMetric.Text);
        Assert.True(unknownIssue.IsError);
        Assert.Contains("was not found in project api-backend", unknownIssue.Text);
        Assert.True(digitsAsName.IsError);
        Assert.Contains("pass kind='issue' or kind='metric'", digitsAsName.Text);
        Assert.True(noProject.IsError);
        Assert.Contains("projectSlug is required", noProject.Text);
        Assert.True(wrongOrg.IsError);
        Assert.Contains("HTTP 404", wrongOrg.Text);
    }
}
