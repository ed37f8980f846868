using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed class GetUptimeMonitorDetailsToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task A_failing_monitor_shows_its_failed_checks_with_status_codes()
    {
        var output = await server.CallAsync("get_uptime_monitor_details", new { organizationSlug = "acme", projectSlug = "web-frontend", uptimeMonitorId = DemoIds.CheckoutUptimeId, checkLimit = 5 });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith("# Uptime Monitor in **acme/web-frontend**", output.Text);
        Assert.Contains("**Uptime**: down", output.Text);
        Assert.Contains("**Timeout**: 10000 ms", output.Text);
        Assert.Contains("**Thresholds**: down after 2 failed checks in a row, up again after 1 successful", output.Text);
        Assert.Contains(": **failure_incident**, HTTP 502, reason: failure, 870 ms, from US East (N. Virginia)", output.Text);
        Assert.Contains(": **success**, HTTP 200", output.Text);
        Assert.Contains("**Failed Checks**: 3 of the 5 shown", output.Text);
        Assert.Equal(5, output.Raw.StructuredContent!.Value.GetProperty("checks").GetArrayLength());
    }

    [Fact]
    public async Task Credentials_in_request_headers_are_redacted()
    {
        var output = await server.CallAsync("get_uptime_monitor_details", new { organizationSlug = "acme", projectSlug = "api-backend", uptimeMonitorId = DemoIds.ApiHealthUptimeId, period = "7d", checkLimit = 50 });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("- Accept: application/json", output.Text);
        Assert.Contains("- Authorization: [REDACTED]", output.Text);
        Assert.DoesNotContain("demo-uptime-secret", output.Text);
        Assert.DoesNotContain("demo-uptime-secret", output.Raw.StructuredContent!.Value.GetRawText());
        Assert.Contains(": **failure**, no HTTP response, reason: timeout, 5000 ms", output.Text);
        Assert.Contains("**Failed Checks**: 1 of the 20 shown", output.Text);
    }

    [Fact]
    public async Task Wrong_project_unknown_id_and_bad_ranges_are_clear_errors()
    {
        var wrongProject = await server.CallAsync("get_uptime_monitor_details", new { organizationSlug = "acme", projectSlug = "mobile-app", uptimeMonitorId = DemoIds.ApiHealthUptimeId });
        var unknown = await server.CallAsync("get_uptime_monitor_details", new { organizationSlug = "acme", projectSlug = "api-backend", uptimeMonitorId = "424242" });
        var badRange = await server.CallAsync("get_uptime_monitor_details", new { organizationSlug = "acme", projectSlug = "api-backend", uptimeMonitorId = DemoIds.ApiHealthUptimeId, start = "yesterday", end = "today" });
        var allProjects = await server.CallAsync("get_uptime_monitor_details", new { organizationSlug = "acme", projectSlug = "all", uptimeMonitorId = DemoIds.ApiHealthUptimeId });
        var badLimit = await server.CallAsync("get_uptime_monitor_details", new { organizationSlug = "acme", projectSlug = "api-backend", uptimeMonitorId = DemoIds.ApiHealthUptimeId, checkLimit = 0 });

        Assert.True(wrongProject.IsError);
        Assert.Contains("HTTP 404", wrongProject.Text);
        Assert.True(unknown.IsError);
        Assert.Contains("HTTP 404", unknown.Text);
        Assert.True(badRange.IsError);
        Assert.Contains("'start' must be an ISO 8601 date-time", badRange.Text);
        Assert.True(allProjects.IsError);
        Assert.Contains("must name one project here", allProjects.Text);
        Assert.True(badLimit.IsError);
        Assert.Contains("'checkLimit' must be between 1 and 50", badLimit.Text);
    }
}
