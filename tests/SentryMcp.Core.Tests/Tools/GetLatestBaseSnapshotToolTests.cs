using System.Text.Json;
using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed class GetLatestBaseSnapshotToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => WarmSandbox.EnsureAsync(server);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_newest_main_branch_snapshot_of_the_app_is_returned_with_every_image()
    {
        var output = await server.CallAsync("get_latest_base_snapshot", new { organizationSlug = "acme", appId = DemoIds.SnapshotAppId });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith($"# Latest Base Snapshot for **{DemoIds.SnapshotAppId}** in **acme**", output.Text);
        Assert.Contains($"**Snapshot ID**: {DemoIds.BaseSnapshotId}", output.Text);
        Assert.Contains("**App Name**: Acme Shop", output.Text);
        Assert.Contains("**Branch**: main (`a1b2c3d4`)", output.Text);
        Assert.Contains("**Total Images**: 7", output.Text);
        Assert.Contains("home_screen.png — Home Screen — Home", output.Text);
        Assert.Contains("- `onboarding/welcome.png`: First-run welcome screen", output.Text);
        Assert.Contains($"get_snapshot_image(organizationSlug='acme', snapshotId='{DemoIds.BaseSnapshotId}', imageIdentifier='home/home_screen.png')", output.Text);

        var data = output.Raw.StructuredContent!.Value;
        Assert.Equal(DemoIds.BaseSnapshotId, data.GetProperty("snapshotId").GetString());
        Assert.Equal(7, data.GetProperty("images").GetArrayLength());
    }

    [Fact]
    public async Task A_branch_and_a_project_narrow_the_lookup()
    {
        var release = await server.CallAsync("get_latest_base_snapshot", new { organizationSlug = "acme", appId = DemoIds.SnapshotAppId, branch = "release/5.1", project = "mobile-app" });
        var wrongProject = await server.CallAsync("get_latest_base_snapshot", new { organizationSlug = "acme", appId = DemoIds.SnapshotAppId, project = "web-frontend" });

        Assert.False(release.IsError, release.Text);
        Assert.Contains("**Snapshot ID**: 5102", release.Text);
        Assert.Contains("**Total Images**: 2", release.Text);
        Assert.True(wrongProject.IsError);
        Assert.Contains("HTTP 404", wrongProject.Text);
        var request = (await server.RequestsAsync()).Last(r => r.Path == "/api/0/organizations/acme/preprodartifacts/snapshots/latest-base/");
        Assert.Contains("projectSlug=web-frontend", request.Query);
        Assert.Contains("compact_metadata=true", request.Query);
    }

    [Theory]
    [InlineData("""{"organizationSlug":"acme","appId":"com.unknown.app"}""", "No base snapshot found for app com.unknown.app")]
    [InlineData("""{"organizationSlug":"acme","appId":" "}""", "'appId' parameter is required")]
    [InlineData("""{"organizationSlug":"no-such-org","appId":"com.acme.shop"}""", "HTTP 404")]
    public async Task Bad_input_is_an_input_error_that_says_what_to_fix(string arguments, string expected)
    {
        var output = await server.CallAsync("get_latest_base_snapshot", JsonSerializer.Deserialize<JsonElement>(arguments));

        Assert.True(output.IsError, output.Text);
        Assert.Contains("**Input Error**", output.Text);
        Assert.Contains(expected, output.Text);
    }
}
