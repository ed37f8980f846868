using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed class FindUptimeMonitorsToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task Lists_uptime_monitors_with_url_interval_and_whether_they_are_up()
    {
        var output = await server.CallAsync("find_uptime_monitors", new { organizationSlug = "acme" });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith("# Uptime Monitors in **acme**", output.Text);
        Assert.Contains("## API health\n", output.Text);
        Assert.Contains("**URL Checked**: GET https://api.acme.example/health", output.Text);
        Assert.Contains("**Interval**: every 60 seconds", output.Text);
        Assert.Contains("## Checkout page\n", output.Text);
        Assert.Contains("**Uptime**: down", output.Text);
        Assert.Contains($"{server.SandboxUri}organizations/acme/monitors/{DemoIds.CheckoutUptimeId}/", output.Text);
        Assert.DoesNotContain("demo-uptime-secret", output.Text);
        var monitors = output.Raw.StructuredContent!.Value.GetProperty("monitors").EnumerateArray().ToList();
        Assert.Equal(["ok", "failed"], monitors.Select(m => m.GetProperty("uptimeStatus").GetString()));
        Assert.Equal("api-backend", monitors[0].GetProperty("projectSlug").GetString());
    }

    [Fact]
    public async Task A_project_is_sent_to_sentry_by_its_numeric_id()
    {
        var output = await server.CallAsync("find_uptime_monitors", new { organizationSlug = "acme", projectSlug = "web-frontend" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("## Checkout page\n", output.Text);
        Assert.DoesNotContain("API health", output.Text);
        var list = (await server.RequestsAsync()).Last(r => r.Path == "/api/0/organizations/acme/uptime/");
        Assert.Matches("project=[0-9]+", list.Query);
    }

    [Fact]
    public async Task Query_owner_and_environment_filters_narrow_the_list()
    {
        var byUrl = await server.CallAsync("find_uptime_monitors", new { organizationSlug = "acme", query = "shop.acme" });
        var unowned = await server.CallAsync("find_uptime_monitors", new { organizationSlug = "acme", owner = "unassigned" });
        var staging = await server.CallAsync("find_uptime_monitors", new { organizationSlug = "acme", environment = "staging" });

        Assert.Contains("## Checkout page\n", byUrl.Text);
        Assert.DoesNotContain("API health", byUrl.Text);
        Assert.Contains("## Checkout page\n", unowned.Text);
        Assert.DoesNotContain("API health", unowned.Text);
        Assert.Contains("No uptime monitors found in `acme` with these filters.", staging.Text);
        Assert.Contains("create_uptime_monitor(", staging.Text);
    }

    [Fact]
    public async Task Paging_and_bad_input()
    {
        var first = await server.CallAsync("find_uptime_monitors", new { organizationSlug = "acme", limit = 1 });
        var cursor = first.Raw.StructuredContent!.Value.GetProperty("nextCursor").GetString();
        var second = await server.CallAsync("find_uptime_monitors", new { organizationSlug = "acme", limit = 1, cursor });
        var badLimit = await server.CallAsync("find_uptime_monitors", new { organizationSlug = "acme", limit = 100 });
        var badProject = await server.CallAsync("find_uptime_monitors", new { organizationSlug = "acme", projectSlug = "no-such-project" });

        Assert.True(first.Raw.StructuredContent!.Value.GetProperty("hasMore").GetBoolean());
        Assert.Contains("## API health\n", first.Text);
        Assert.Contains("## Checkout page\n", second.Text);
        Assert.False(second.Raw.StructuredContent!.Value.GetProperty("hasMore").GetBoolean());
        Assert.True(badLimit.IsError);
        Assert.Contains("'limit' must be between 1 and 99", badLimit.Text);
        Assert.True(badProject.IsError);
        Assert.Contains("HTTP 404", badProject.Text);
    }
}
