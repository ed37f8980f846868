using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed class FindAlertRulesToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task Without_a_project_it_lists_the_organizations_metric_alerts_and_says_how_to_get_issue_alerts()
    {
        var output = await server.CallAsync("find_alert_rules", new { organizationSlug = "acme" });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith("# Alert Rules in **acme**", output.Text);
        Assert.Contains("## Metric Alerts", output.Text);
        Assert.DoesNotContain("## Issue Alerts", output.Text);
        Assert.Contains("### P95 latency above 2s on checkout", output.Text);
        Assert.Contains("**Aggregate**: `p95(span.duration)`", output.Text);
        Assert.Contains("**Time Window**: 5 minutes", output.Text);
        Assert.Contains("### Crash-free sessions below 99%", output.Text);
        Assert.Contains("pass projectSlug to include them", output.Text);
        Assert.Contains($"{server.SandboxUri}organizations/acme/issues/alerts/rules/details/{DemoIds.P95LatencyMetricRuleId}/", output.Text);
        var data = output.Raw.StructuredContent!.Value;
        Assert.Equal(0, data.GetProperty("issueRules").GetArrayLength());
        Assert.Equal(4, data.GetProperty("metricRules").GetArrayLength());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, data.GetProperty("pagination").GetProperty("issue").ValueKind);
    }

    [Fact]
    public async Task A_project_lists_its_issue_alerts_and_the_metric_alerts_watching_it()
    {
        var output = await server.CallAsync("find_alert_rules", new { organizationSlug = "acme", projectSlug = "api-backend" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("## Issue Alerts", output.Text);
        Assert.Contains("### Notify backend on new issues", output.Text);
        Assert.Contains("**Frequency**: at most every 30 minutes per issue", output.Text);
        Assert.Contains("### Regression watch", output.Text);
        Assert.Contains("**Status**: disabled", output.Text);
        // An org-level workflow without a detector alerts on nothing and is left out.
        Assert.DoesNotContain("Draft workflow", output.Text);
        Assert.DoesNotContain("Critical checkout errors", output.Text);
        Assert.Contains("### P95 latency above 2s on checkout", output.Text);
        Assert.DoesNotContain("Error spike in payments", output.Text);
        Assert.Contains($"{server.SandboxUri}organizations/acme/monitors/alerts/{DemoIds.BackendNewIssuesRuleId}/", output.Text);
        Assert.Contains($"get_alert_rule(organizationSlug='acme', kind='issue', projectSlug='api-backend', ruleIdOrName='", output.Text);
    }

    [Fact]
    public async Task A_query_narrows_both_families_by_name()
    {
        var output = await server.CallAsync("find_alert_rules", new { organizationSlug = "acme", projectSlug = "web-frontend", query = "checkout" });

        Assert.False(output.IsError, output.Text);
        var data = output.Raw.StructuredContent!.Value;
        Assert.Equal(DemoIds.CheckoutIssueRuleId, data.GetProperty("issueRules")[0].GetProperty("id").GetString());
        Assert.Equal(DemoIds.CheckoutMetricRuleId, Assert.Single(data.GetProperty("metricRules").EnumerateArray()).GetProperty("id").GetString());
        var requests = await server.RequestsAsync();
        Assert.Contains(requests, r => r.Path == "/api/0/organizations/acme/workflows/" && r.Query.Contains("query=name%3A%22%2Acheckout%2A%22", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Path == "/api/0/organizations/acme/combined-rules/" && r.Query.Contains("name=checkout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_family_pages_with_its_own_cursor()
    {
        var first = await server.CallAsync("find_alert_rules", new { organizationSlug = "acme", kind = "metric", limit = 2 });

        Assert.False(first.IsError, first.Text);
        var cursor = first.Raw.StructuredContent!.Value.GetProperty("pagination").GetProperty("metric").GetProperty("nextCursor").GetString();
        Assert.NotNull(cursor);
        Assert.Contains($"kind='metric', cursor='{cursor}'", first.Text);
        var second = await server.CallAsync("find_alert_rules", new { organizationSlug = "acme", kind = "metric", limit = 2, cursor });
        Assert.False(second.IsError, second.Text);
        var names = second.Raw.StructuredContent!.Value.GetProperty("metricRules").EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToList();
        Assert.Equal(2, names.Count);
        Assert.DoesNotContain(names, n => first.Text.Contains($"### {n}\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cursor_with_both_families_is_refused_with_what_to_pass()
    {
        var output = await server.CallAsync("find_alert_rules", new { organizationSlug = "acme", projectSlug = "api-backend", cursor = "0:2:0" });

        Assert.True(output.IsError);
        Assert.Contains("**Input Error**", output.Text);
        Assert.Contains("kind='issue' or kind='metric'", output.Text);
    }

    [Fact]
    public async Task Issue_alerts_without_a_project_and_bad_arguments_are_input_errors()
    {
        var noProject = await server.CallAsync("find_alert_rules", new { organizationSlug = "acme", kind = "issue" });
        var badKind = await server.CallAsync("find_alert_rules", new { organizationSlug = "acme", kind = "cron" });
        var badLimit = await server.CallAsync("find_alert_rules", new { organizationSlug = "acme", limit = 500 });
        var badCursor = await server.CallAsync("find_alert_rules", new { organizationSlug = "acme", kind = "metric", cursor = "garbage" });

        Assert.True(noProject.IsError);
        Assert.Contains("projectSlug is required", noProject.Text);
        Assert.True(badKind.IsError);
        Assert.Contains("'kind' must be one of: all, issue, metric", badKind.Text);
        Assert.True(badLimit.IsError);
        Assert.Contains("'limit' must be between 1 and 100", badLimit.Text);
        Assert.True(badCursor.IsError);
        Assert.Contains("HTTP 400", badCursor.Text);
        Assert.Contains("Invalid cursor", badCursor.Text);
    }

    [Fact]
    public async Task Unknown_organization_or_project_is_a_not_found_error()
    {
        var org = await server.CallAsync("find_alert_rules", new { organizationSlug = "no-such-org" });
        var project = await server.CallAsync("find_alert_rules", new { organizationSlug = "acme", projectSlug = "no-such-project" });

        Assert.True(org.IsError);
        Assert.Contains("HTTP 404", org.Text);
        Assert.True(project.IsError);
        Assert.Contains("HTTP 404", project.Text);
        Assert.Contains("find_projects", project.Text);
    }

    [Fact]
    public async Task A_sentry_failure_is_reported_as_such()
    {
        await server.AddFaultAsync(new FaultRule(FaultKind.Status, "/api/0/organizations/acme/alert-rules/", Count: -1, Status: 500));
        ToolOutput output;
        try
        {
            output = await server.CallAsync("find_alert_rules", new { organizationSlug = "acme", kind = "metric" });
        }
        finally
        {
            (await server.Sandbox.DeleteAsync("/__sandbox/faults")).EnsureSuccessStatusCode();
        }

        Assert.True(output.IsError);
        Assert.Contains("**Sentry API Error** (HTTP 500)", output.Text);
    }

    [Fact]
    public async Task A_project_pinned_session_sees_only_that_projects_rules_and_monitors()
    {
        await using var client = await server.StartClientAsync(["--all-tools", "--organization-slug=acme", "--project-slug=web-frontend"], SandboxOptions.DefaultToken);

        var rules = await server.CallAsync("find_alert_rules", new { }, client);
        var monitors = await server.CallAsync("find_monitors", new { }, client);
        var otherMonitor = await server.CallAsync("get_monitor_details", new { monitorSlug = "nightly-import" }, client);

        Assert.False(rules.IsError, rules.Text);
        Assert.StartsWith("# Alert Rules in **acme/web-frontend**", rules.Text);
        Assert.Contains("## Issue Alerts", rules.Text);
        Assert.Contains("### Critical checkout errors", rules.Text);
        Assert.DoesNotContain("P95 latency", rules.Text);
        Assert.False(monitors.IsError, monitors.Text);
        Assert.Contains("## Cache Warmup\n", monitors.Text);
        Assert.DoesNotContain("Nightly Import", monitors.Text);
        Assert.True(otherMonitor.IsError);
        Assert.Contains("HTTP 404", otherMonitor.Text);
    }
}
