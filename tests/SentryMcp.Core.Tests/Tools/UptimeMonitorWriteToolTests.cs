using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

/// <summary>create_uptime_monitor, update_uptime_monitor and delete_uptime_monitor against the sandbox's state.</summary>
public sealed class UptimeMonitorWriteToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>, IAsyncLifetime
{
    /// <summary>
    /// Reads first, as a user would: a write is never retried, so on a loaded machine a cold server's
    /// very first request (JIT, first connection) must not be the POST under test.
    /// </summary>
    public async Task InitializeAsync() => Assert.False((await server.CallAsync("find_uptime_monitors", new { organizationSlug = "acme" })).IsError);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_created_monitor_is_listed_afterwards_with_its_settings()
    {
        var created = await server.CallAsync("create_uptime_monitor", new
        {
            organizationSlug = "acme", projectSlug = "payments-service", name = "Payments webhook", url = "https://pay.acme.example/webhook",
            intervalSeconds = 300, timeoutMs = 8000, method = "post", headers = new[] { new[] { "Content-Type", "application/json" }, new[] { "X-Api-Key", "k-123" } },
            body = "{\"ping\":true}", environment = "production", owner = "user:1", downtimeThreshold = 2,
        });

        Assert.False(created.IsError, created.Text);
        Assert.StartsWith("# Created Uptime Monitor in **acme/payments-service**", created.Text);
        Assert.Contains("**URL Checked**: POST https://pay.acme.example/webhook", created.Text);
        Assert.Contains("**Uptime**: not checked yet", created.Text);
        Assert.Contains("**Timeout**: 8000 ms", created.Text);
        var monitor = created.Raw.StructuredContent!.Value.GetProperty("monitor");
        var id = monitor.GetProperty("id").GetString()!;
        Assert.Equal("unknown", monitor.GetProperty("uptimeStatus").GetString());
        Assert.Equal("user:1", monitor.GetProperty("owner").GetString());
        var post = (await server.RequestsAsync()).Last(r => r.Method == "POST");
        Assert.Equal("/api/0/projects/acme/payments-service/uptime/", post.Path);

        var listed = await server.CallAsync("find_uptime_monitors", new { organizationSlug = "acme", projectSlug = "payments-service" });
        Assert.Contains("## Payments webhook\n", listed.Text);
        var details = await server.CallAsync("get_uptime_monitor_details", new { organizationSlug = "acme", projectSlug = "payments-service", uptimeMonitorId = id });
        Assert.Contains("- X-Api-Key: [REDACTED]", details.Text);
        Assert.Contains("- Content-Type: application/json", details.Text);
        Assert.Contains("No checks in this time range.", details.Text);
        Assert.DoesNotContain("ping", details.Text);
    }

    [Fact]
    public async Task Invalid_create_input_says_what_to_fix_and_creates_nothing()
    {
        var cases = new (object Args, string Expected)[]
        {
            (new { organizationSlug = "acme", projectSlug = "api-backend", name = "x", url = "ftp://files.acme.example", intervalSeconds = 60 }, "'url' must be an absolute http:// or https:// URL"),
            (new { organizationSlug = "acme", projectSlug = "api-backend", name = "x", url = "not a url", intervalSeconds = 60 }, "'url' must be an absolute"),
            (new { organizationSlug = "acme", projectSlug = "api-backend", name = "x", url = "https://a.example", intervalSeconds = 90 }, "'intervalSeconds' must be one of: 60, 300, 600, 1200, 1800, 3600"),
            (new { organizationSlug = "acme", projectSlug = "api-backend", name = "x", url = "https://a.example", intervalSeconds = 60, timeoutMs = 500 }, "'timeoutMs' must be between 1000 and 60000"),
            (new { organizationSlug = "acme", projectSlug = "api-backend", name = "x", url = "https://a.example", intervalSeconds = 60, method = "TRACE" }, "'method' must be one of: GET, POST"),
            (new { organizationSlug = "acme", projectSlug = "api-backend", name = "x", url = "https://a.example", intervalSeconds = 60, owner = "jane" }, "'owner' must be `user:ID` or `team:ID`"),
            (new { organizationSlug = "acme", projectSlug = "api-backend", name = "x", url = "https://a.example", intervalSeconds = 60, status = "paused" }, "'status' must be 'active' or 'disabled'"),
            (new { organizationSlug = "acme", projectSlug = "api-backend", name = new string('n', 129), url = "https://a.example", intervalSeconds = 60 }, "'name' is 129 characters long"),
            (new { organizationSlug = "acme", projectSlug = "api-backend", name = " ", url = "https://a.example", intervalSeconds = 60 }, "'name' parameter is required"),
            (new { organizationSlug = "acme", projectSlug = "api-backend", name = "x", url = "https://a.example", intervalSeconds = 60, downtimeThreshold = 0 }, "'downtimeThreshold' must be at least 1"),
        };
        var postsBefore = await PostsAsync();
        foreach (var (args, expected) in cases)
        {
            var output = await server.CallAsync("create_uptime_monitor", args);
            Assert.True(output.IsError, expected);
            Assert.Contains("**Input Error**", output.Text);
            Assert.Contains(expected, output.Text);
        }
        var headers = await server.CallAsync("create_uptime_monitor", new { organizationSlug = "acme", projectSlug = "api-backend", name = "x", url = "https://a.example", intervalSeconds = 60, headers = new[] { new[] { "OnlyName" } } });
        Assert.True(headers.IsError);
        Assert.Contains("[name, value] pairs", headers.Text);
        Assert.Equal(postsBefore, await PostsAsync());
    }

    [Fact]
    public async Task Sentry_refusals_come_back_with_sentrys_reason()
    {
        var unknownProject = await server.CallAsync("create_uptime_monitor", new { organizationSlug = "acme", projectSlug = "no-such-project", name = "x", url = "https://a.example", intervalSeconds = 60 });
        var unknownOwner = await server.CallAsync("create_uptime_monitor", new { organizationSlug = "acme", projectSlug = "api-backend", name = "Owner check", url = "https://a.example", intervalSeconds = 60, owner = "team:999999" });

        Assert.True(unknownProject.IsError);
        Assert.Contains("HTTP 404", unknownProject.Text);
        Assert.True(unknownOwner.IsError);
        Assert.Contains("HTTP 400", unknownOwner.Text);
        Assert.Contains("Could not resolve owner", unknownOwner.Text);
    }

    [Fact]
    public async Task An_update_changes_only_the_given_fields_and_null_clears_the_owner()
    {
        var id = await CreateAsync("Status page");

        var disabled = await server.CallAsync("update_uptime_monitor", new { organizationSlug = "acme", projectSlug = "mobile-app", uptimeMonitorId = id, status = "disabled", intervalSeconds = 1800 });
        var cleared = await server.CallAsync("update_uptime_monitor", new { organizationSlug = "acme", projectSlug = "mobile-app", uptimeMonitorId = id, owner = (string?)null });

        Assert.False(disabled.IsError, disabled.Text);
        Assert.Contains("Changed: `intervalSeconds`, `status`.", disabled.Text);
        Assert.Contains("**Status**: disabled", disabled.Text);
        Assert.Contains("**Interval**: every 1800 seconds", disabled.Text);
        Assert.Contains("**Owner**: backend (team:", disabled.Text);
        Assert.False(cleared.IsError, cleared.Text);
        Assert.Contains("Changed: `owner`.", cleared.Text);
        Assert.DoesNotContain("**Owner**", cleared.Text);
        var after = await server.CallAsync("get_uptime_monitor_details", new { organizationSlug = "acme", projectSlug = "mobile-app", uptimeMonitorId = id });
        Assert.Contains("**Status**: disabled", after.Text);
        Assert.Contains("**URL Checked**: GET https://status.acme.example/", after.Text);
        Assert.Contains("The monitor is disabled, so it is not checked.", after.Text);
        var monitor = after.Raw.StructuredContent!.Value.GetProperty("monitor");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, monitor.GetProperty("owner").ValueKind);
        Assert.Equal(1800, monitor.GetProperty("intervalSeconds").GetInt32());
    }

    [Fact]
    public async Task An_update_without_changes_or_with_bad_values_is_an_input_error()
    {
        var nothing = await server.CallAsync("update_uptime_monitor", new { organizationSlug = "acme", projectSlug = "api-backend", uptimeMonitorId = DemoIds.ApiHealthUptimeId });
        var badUrl = await server.CallAsync("update_uptime_monitor", new { organizationSlug = "acme", projectSlug = "api-backend", uptimeMonitorId = DemoIds.ApiHealthUptimeId, url = "javascript:alert(1)" });
        var unknown = await server.CallAsync("update_uptime_monitor", new { organizationSlug = "acme", projectSlug = "api-backend", uptimeMonitorId = "424242", status = "active" });

        Assert.True(nothing.IsError);
        Assert.Contains("Nothing to update", nothing.Text);
        Assert.True(badUrl.IsError);
        Assert.Contains("'url' must be an absolute http:// or https:// URL", badUrl.Text);
        Assert.True(unknown.IsError);
        Assert.Contains("HTTP 404", unknown.Text);
        var health = await server.CallAsync("get_uptime_monitor_details", new { organizationSlug = "acme", projectSlug = "api-backend", uptimeMonitorId = DemoIds.ApiHealthUptimeId });
        Assert.Contains("**URL Checked**: GET https://api.acme.example/health", health.Text);
    }

    [Fact]
    public async Task A_deleted_monitor_is_gone_from_the_list_and_its_details()
    {
        var id = await CreateAsync("Old landing page");

        var deleted = await server.CallAsync("delete_uptime_monitor", new { organizationSlug = "acme", projectSlug = "mobile-app", uptimeMonitorId = id });

        Assert.False(deleted.IsError, deleted.Text);
        Assert.StartsWith("# Deleted Uptime Monitor in **acme/mobile-app**", deleted.Text);
        Assert.Contains("**Name**: Old landing page", deleted.Text);
        var data = deleted.Raw.StructuredContent!.Value;
        Assert.True(data.GetProperty("success").GetBoolean());
        Assert.Equal(id, data.GetProperty("uptimeMonitorId").GetString());
        Assert.Contains(await server.RequestsAsync(), r => r.Method == "DELETE" && r.Path == $"/api/0/projects/acme/mobile-app/uptime/{id}/");
        var details = await server.CallAsync("get_uptime_monitor_details", new { organizationSlug = "acme", projectSlug = "mobile-app", uptimeMonitorId = id });
        Assert.True(details.IsError);
        Assert.Contains("HTTP 404", details.Text);
        var listed = await server.CallAsync("find_uptime_monitors", new { organizationSlug = "acme", projectSlug = "mobile-app" });
        Assert.DoesNotContain("Old landing page", listed.Text);
    }

    [Fact]
    public async Task Deleting_an_unknown_monitor_deletes_nothing()
    {
        var deletesBefore = (await server.RequestsAsync()).Count(r => r.Method == "DELETE");

        var output = await server.CallAsync("delete_uptime_monitor", new { organizationSlug = "acme", projectSlug = "api-backend", uptimeMonitorId = "424242" });

        Assert.True(output.IsError);
        Assert.Contains("HTTP 404", output.Text);
        Assert.Equal(deletesBefore, (await server.RequestsAsync()).Count(r => r.Method == "DELETE"));
        var listed = await server.CallAsync("find_uptime_monitors", new { organizationSlug = "acme" });
        Assert.Contains("## API health\n", listed.Text);
    }

    [Fact]
    public async Task The_read_only_token_cannot_create_monitors()
    {
        await using var client = await server.StartClientAsync(["--all-tools"], SandboxOptions.ReadOnlyToken);

        var output = await server.CallAsync("create_uptime_monitor", new { organizationSlug = "acme", projectSlug = "api-backend", name = "x", url = "https://a.example", intervalSeconds = 60 }, client);

        Assert.True(output.IsError);
        Assert.Contains("HTTP 403", output.Text);
        Assert.Contains("project:write", output.Text);
    }

    private async Task<int> PostsAsync() => (await server.RequestsAsync()).Count(r => r.Method == "POST");

    private async Task<string> CreateAsync(string name)
    {
        var created = await server.CallAsync("create_uptime_monitor", new
        {
            organizationSlug = "acme", projectSlug = "mobile-app", name, url = "https://status.acme.example/", intervalSeconds = 60, owner = "team:" + await TeamIdAsync("backend"),
        });
        Assert.False(created.IsError, created.Text);
        return created.Raw.StructuredContent!.Value.GetProperty("monitor").GetProperty("id").GetString()!;
    }

    private async Task<string> TeamIdAsync(string slug)
    {
        var teams = await server.CallAsync("find_teams", new { organizationSlug = "acme" });
        var line = teams.Text.Split('\n').SkipWhile(l => !l.Contains($"## {slug}", StringComparison.Ordinal)).First(l => l.StartsWith("**ID**", StringComparison.Ordinal));
        return line["**ID**: ".Length..].Trim();
    }
}
