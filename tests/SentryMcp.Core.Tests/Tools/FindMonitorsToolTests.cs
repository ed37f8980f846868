namespace SentryMcp.Core.Tests.Tools;

public sealed class FindMonitorsToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task Lists_cron_monitors_failing_first_with_schedule_and_environment_state()
    {
        var output = await server.CallAsync("find_monitors", new { organizationSlug = "acme" });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith("# Cron Monitors in **acme**", output.Text);
        var billing = output.Text.IndexOf("## Billing Sync\n", StringComparison.Ordinal);
        var warmup = output.Text.IndexOf("## Cache Warmup\n", StringComparison.Ordinal);
        Assert.True(billing > 0 && warmup > billing, output.Text);
        Assert.Contains("**Schedule**: every 30 minute(s)", output.Text);
        Assert.Contains("**Schedule**: `0 2 * * *` (crontab)", output.Text);
        Assert.Contains("**Environments**: production: error", output.Text);
        Assert.Contains("**Environments**: production: ok, staging: missed_checkin", output.Text);
        Assert.Contains($"{server.SandboxUri}organizations/acme/crons/api-backend/nightly-import/", output.Text);
        Assert.Contains("get_monitor_details(organizationSlug='acme', monitorSlug='billing-sync', projectSlugOrId='payments-service')", output.Text);
        var monitors = output.Raw.StructuredContent!.Value.GetProperty("monitors");
        Assert.Equal(3, monitors.GetArrayLength());
        Assert.Equal("crontab", monitors.EnumerateArray().First(m => m.GetProperty("slug").GetString() == "nightly-import").GetProperty("schedule").GetProperty("type").GetString());
        Assert.False(output.Raw.StructuredContent!.Value.GetProperty("hasMore").GetBoolean());
    }

    [Fact]
    public async Task Project_query_owner_and_environment_filters_narrow_the_list()
    {
        var byProject = await server.CallAsync("find_monitors", new { organizationSlug = "acme", projectSlug = "payments-service" });
        var byQuery = await server.CallAsync("find_monitors", new { organizationSlug = "acme", query = "import" });
        var byOwner = await server.CallAsync("find_monitors", new { organizationSlug = "acme", owner = "user:1" });
        var byEnvironment = await server.CallAsync("find_monitors", new { organizationSlug = "acme", environment = "staging" });

        Assert.Contains("## Billing Sync\n", byProject.Text);
        Assert.DoesNotContain("Nightly Import", byProject.Text);
        Assert.Contains("## Nightly Import\n", byQuery.Text);
        Assert.DoesNotContain("Billing Sync", byQuery.Text);
        Assert.Contains("## Cache Warmup\n", byOwner.Text);
        Assert.DoesNotContain("Billing Sync", byOwner.Text);
        Assert.Contains("**Environments**: staging: missed_checkin", byEnvironment.Text);
        Assert.DoesNotContain("Cache Warmup", byEnvironment.Text);
    }

    [Fact]
    public async Task A_small_limit_says_there_is_more_and_the_cursor_gets_it()
    {
        var first = await server.CallAsync("find_monitors", new { organizationSlug = "acme", limit = 2 });

        Assert.False(first.IsError, first.Text);
        var data = first.Raw.StructuredContent!.Value;
        Assert.True(data.GetProperty("hasMore").GetBoolean());
        var cursor = data.GetProperty("nextCursor").GetString();
        Assert.Contains($"cursor='{cursor}'", first.Text);
        var second = await server.CallAsync("find_monitors", new { organizationSlug = "acme", limit = 2, cursor });
        Assert.Single(second.Raw.StructuredContent!.Value.GetProperty("monitors").EnumerateArray());
        Assert.Contains("## Cache Warmup\n", second.Text);
    }

    [Fact]
    public async Task Nothing_found_and_bad_input_are_explained()
    {
        var none = await server.CallAsync("find_monitors", new { organizationSlug = "acme", query = "no-such-job" });
        var badLimit = await server.CallAsync("find_monitors", new { organizationSlug = "acme", limit = 0 });
        var badOwner = await server.CallAsync("find_monitors", new { organizationSlug = "acme", owner = "jane" });
        var badProject = await server.CallAsync("find_monitors", new { organizationSlug = "acme", projectSlug = "no-such-project" });
        var badOrg = await server.CallAsync("find_monitors", new { organizationSlug = "no-such-org" });

        Assert.False(none.IsError, none.Text);
        Assert.Contains("No cron monitors found in `acme` with these filters.", none.Text);
        Assert.True(badLimit.IsError);
        Assert.Contains("'limit' must be between 1 and 99", badLimit.Text);
        Assert.True(badOwner.IsError);
        Assert.Contains("`user:ID`, `team:ID`, `myteams` or `unassigned`", badOwner.Text);
        Assert.True(badProject.IsError);
        Assert.Contains("HTTP 403", badProject.Text);
        Assert.True(badOrg.IsError);
        Assert.Contains("HTTP 404", badOrg.Text);
    }
}
