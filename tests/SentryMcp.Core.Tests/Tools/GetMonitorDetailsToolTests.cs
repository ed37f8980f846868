namespace SentryMcp.Core.Tests.Tools;

public sealed class GetMonitorDetailsToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task A_week_of_a_nightly_job_shows_ok_error_and_missed_runs_with_stats()
    {
        var output = await server.CallAsync("get_monitor_details", new { organizationSlug = "acme", monitorSlug = "nightly-import", environment = "production", period = "8d", rollupSeconds = 86400 });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith("# Monitor Nightly Import in **acme**", output.Text);
        Assert.Contains("**Project**: api-backend", output.Text);
        Assert.Contains("**Schedule**: `0 2 * * *` (crontab)", output.Text);
        Assert.Contains("**Check-In Margin**: 5 minutes", output.Text);
        Assert.Contains("## Recent Check-Ins (last 8d)", output.Text);
        Assert.Contains(": **error**, 4.7 s, production", output.Text);
        Assert.Contains(": **missed**, production (expected at ", output.Text);
        Assert.Contains(": **ok**, 12.5 s, production", output.Text);
        Assert.DoesNotContain("staging", output.Text);
        Assert.Contains("**Totals**: ok 5, error 1, missed 1, timeout 0", output.Text);
        var data = output.Raw.StructuredContent!.Value;
        Assert.Equal(7, data.GetProperty("checkIns").GetArrayLength());
        Assert.Equal(5, data.GetProperty("stats").EnumerateArray().Sum(s => s.GetProperty("ok").GetInt32()));
        var request = (await server.RequestsAsync()).Last(r => r.Path.EndsWith("/stats/", StringComparison.Ordinal));
        Assert.Contains("rollup=86400", request.Query);
    }

    [Fact]
    public async Task The_default_day_of_an_interval_job_shows_the_timeout_and_the_failure()
    {
        var output = await server.CallAsync("get_monitor_details", new { organizationSlug = "acme", monitorSlug = "billing-sync", projectSlugOrId = "payments-service", includeStats = false, checkInLimit = 3 });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("## Recent Check-Ins (last 24h)", output.Text);
        Assert.Contains(": **timeout**, 30 min, production", output.Text);
        Assert.Contains(": **error**, 2.1 s", output.Text);
        Assert.DoesNotContain("## Stats", output.Text);
        Assert.Equal(3, output.Raw.StructuredContent!.Value.GetProperty("checkIns").GetArrayLength());
        Assert.Contains(await server.RequestsAsync(), r => r.Path == "/api/0/projects/acme/payments-service/monitors/billing-sync/checkins/");
    }

    [Fact]
    public async Task An_absolute_range_without_check_ins_says_so()
    {
        var output = await server.CallAsync("get_monitor_details", new { organizationSlug = "acme", monitorSlug = "cache-warmup", start = "2020-01-01T00:00:00Z", end = "2020-01-02T00:00:00Z" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Muted**: yes", output.Text);
        Assert.Contains("No check-ins found in this time range.", output.Text);
        Assert.Contains("No check-ins in this time range.", output.Text);
    }

    [Fact]
    public async Task Bad_time_ranges_and_limits_are_input_errors()
    {
        var half = await server.CallAsync("get_monitor_details", new { organizationSlug = "acme", monitorSlug = "nightly-import", start = "2025-04-14T00:00:00Z" });
        var both = await server.CallAsync("get_monitor_details", new { organizationSlug = "acme", monitorSlug = "nightly-import", period = "7d", start = "2025-04-14T00:00:00Z", end = "2025-04-15T00:00:00Z" });
        var badPeriod = await server.CallAsync("get_monitor_details", new { organizationSlug = "acme", monitorSlug = "nightly-import", period = "a week" });
        var badLimit = await server.CallAsync("get_monitor_details", new { organizationSlug = "acme", monitorSlug = "nightly-import", checkInLimit = 51 });
        var tinyRollup = await server.CallAsync("get_monitor_details", new { organizationSlug = "acme", monitorSlug = "nightly-import", period = "2w", rollupSeconds = 60 });

        Assert.True(half.IsError);
        Assert.Contains("`start` and `end` must be provided together", half.Text);
        Assert.True(both.IsError);
        Assert.Contains("`period` cannot be combined", both.Text);
        Assert.True(badPeriod.IsError);
        Assert.Contains("'24h', '7d' or '2w'", badPeriod.Text);
        Assert.True(badLimit.IsError);
        Assert.Contains("'checkInLimit' must be between 1 and 50", badLimit.Text);
        Assert.True(tinyRollup.IsError);
        Assert.Contains("HTTP 400", tinyRollup.Text);
        Assert.Contains("rollup is too small", tinyRollup.Text);
    }

    [Fact]
    public async Task An_unknown_monitor_or_a_monitor_of_another_project_is_not_found()
    {
        var unknown = await server.CallAsync("get_monitor_details", new { organizationSlug = "acme", monitorSlug = "no-such-job" });
        var otherProject = await server.CallAsync("get_monitor_details", new { organizationSlug = "acme", monitorSlug = "nightly-import", projectSlugOrId = "web-frontend" });

        Assert.True(unknown.IsError);
        Assert.Contains("HTTP 404", unknown.Text);
        Assert.Contains("Monitor does not exist", unknown.Text);
        Assert.True(otherProject.IsError);
        Assert.Contains("HTTP 404", otherProject.Text);
    }
}
