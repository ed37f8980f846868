using System.Text.Json;
using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed class GetSnapshotToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => WarmSandbox.EnsureAsync(server);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_diff_snapshot_lists_changed_added_and_removed_images_with_counts_and_vcs()
    {
        var output = await server.CallAsync("get_snapshot", new { organizationSlug = "acme", snapshotId = DemoIds.SnapshotId });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith($"# Snapshot {DemoIds.SnapshotId} in **acme**", output.Text);
        Assert.Contains("**Type**: diff", output.Text);
        Assert.Contains("**Images**: 8 total (2 changed, 1 added, 1 removed, 0 renamed, 3 unchanged, 0 errored, 1 skipped)", output.Text);
        Assert.Contains("**Head**: feature/checkout-redesign (`c0ffee12`)", output.Text);
        Assert.Contains("**Pull Request**: #412", output.Text);
        Assert.Contains("**Approval**: requires_approval", output.Text);
        Assert.Contains("**Changed:**\n└── checkout/\n    ├── checkout_screen.png — 18.75% diff — Checkout\n    └── cart_badge.png — 1.04% diff — Cart Badge — Checkout", output.Text);
        Assert.Contains("**Added:**\n└── checkout/\n    └── apple_pay_sheet.png", output.Text);
        Assert.Contains("**Removed:**\n└── legacy/\n    └── promo_banner.png", output.Text);
        Assert.DoesNotContain("home_screen.png", output.Text);
        Assert.Contains("pass showUnmodified=true to list them", output.Text);
        Assert.Contains($"get_snapshot_image(organizationSlug='acme', snapshotId='{DemoIds.SnapshotId}', imageIdentifier='checkout/checkout_screen.png')", output.Text);

        var data = output.Raw.StructuredContent!.Value;
        Assert.Equal(2, data.GetProperty("counts").GetProperty("changed").GetInt32());
        var images = data.GetProperty("images").EnumerateArray().ToList();
        Assert.Equal(["changed", "changed", "added", "removed"], images.Select(i => i.GetProperty("status").GetString()));
        Assert.Equal(18.75, images[0].GetProperty("diffPercent").GetDouble());
        Assert.Equal("feature/checkout-redesign", data.GetProperty("headRef").GetString());
    }

    [Fact]
    public async Task Show_unmodified_also_lists_unchanged_and_skipped_images()
    {
        var output = await server.CallAsync("get_snapshot", new { organizationSlug = "acme", snapshotId = DemoIds.SnapshotId, showUnmodified = true });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("## Unmodified", output.Text);
        Assert.Contains("**Unchanged:**\n├── home/\n│   ├── home_screen.png — Home Screen — Home", output.Text);
        Assert.Contains("**Skipped:**\n└── onboarding/\n    └── welcome.png", output.Text);
        Assert.DoesNotContain("pass showUnmodified=true", output.Text);
        Assert.Equal(8, output.Raw.StructuredContent!.Value.GetProperty("images").GetArrayLength());
    }

    [Fact]
    public async Task A_solo_base_snapshot_lists_all_its_images()
    {
        var output = await server.CallAsync("get_snapshot", new { organizationSlug = "acme", snapshotId = DemoIds.BaseSnapshotId });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Type**: solo", output.Text);
        Assert.Contains("**Snapshot Images:**", output.Text);
        Assert.Contains("feed_long_scroll.png — Feed Long Scroll — Home", output.Text);
        var images = output.Raw.StructuredContent!.Value.GetProperty("images").EnumerateArray().ToList();
        Assert.Equal(7, images.Count);
        Assert.All(images, i => Assert.Equal(JsonValueKind.Null, i.GetProperty("status").ValueKind));
    }

    [Theory]
    [InlineData("""{"organizationSlug":"acme","snapshotId":"99999"}""", "HTTP 404")]
    [InlineData("""{"organizationSlug":"acme-labs","snapshotId":"5101"}""", "HTTP 404")]
    [InlineData("""{"organizationSlug":"acme","snapshotId":"../5101"}""", "is not a snapshot ID")]
    [InlineData("""{"organizationSlug":"acme","snapshotId":"login-screen"}""", "snapshot artifact IDs are numbers")]
    [InlineData("""{"organizationSlug":"acme","snapshotId":""}""", "'snapshotId' parameter is required")]
    public async Task Bad_input_is_an_input_error_that_says_what_to_fix(string arguments, string expected)
    {
        var output = await server.CallAsync("get_snapshot", JsonSerializer.Deserialize<JsonElement>(arguments));

        Assert.True(output.IsError, output.Text);
        Assert.Contains("**Input Error**", output.Text);
        Assert.Contains(expected, output.Text);
    }

    [Fact]
    public async Task The_snapshot_is_read_with_compact_metadata()
    {
        await server.CallAsync("get_snapshot", new { organizationSlug = "acme", snapshotId = DemoIds.SnapshotId });

        var request = (await server.RequestsAsync()).Last(r => r.Path == $"/api/0/organizations/acme/preprodartifacts/snapshots/{DemoIds.SnapshotId}/");
        Assert.Contains("compact_metadata=true", request.Query);
    }
}
