using System.Text.Json;
using ModelContextProtocol.Protocol;
using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed class GetSnapshotImageToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => WarmSandbox.EnsureAsync(server);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_changed_image_comes_back_as_head_base_and_diff_png_image_content()
    {
        var output = await server.CallAsync("get_snapshot_image", new { organizationSlug = "acme", snapshotId = DemoIds.SnapshotId, imageIdentifier = "checkout/checkout_screen.png" });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith("# Snapshot image checkout/checkout_screen.png", output.Text);
        Assert.Contains("**Status**: changed", output.Text);
        Assert.Contains("**Diff**: 18.75%", output.Text);
        Assert.Contains("**Dimensions**: 48×96", output.Text);
        Assert.Contains("**device_name**: iPhone 16", output.Text);
        Assert.Contains("selectedSnapshot=checkout%2Fcheckout_screen.png", output.Text);
        Assert.Contains("### Head (current) — image/png", output.Text);
        Assert.Contains("### Base (previous) — image/png", output.Text);
        Assert.Contains("### Diff Mask — image/png", output.Text);
        var images = output.Raw.Content.OfType<ImageContentBlock>().ToList();
        Assert.Equal(3, images.Count);
        Assert.All(images, image =>
        {
            Assert.Equal("image/png", image.MimeType);
            var png = image.DecodedData.ToArray();
            Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
            Assert.Equal(48, ReadBigEndian(png, 16));
            Assert.Equal(96, ReadBigEndian(png, 20));
        });
        Assert.NotEqual(images[0].DecodedData.ToArray(), images[1].DecodedData.ToArray());
    }

    [Fact]
    public async Task An_added_image_has_only_its_head_and_an_unchanged_one_is_sent_once()
    {
        var added = await server.CallAsync("get_snapshot_image", new { organizationSlug = "acme", snapshotId = DemoIds.SnapshotId, imageIdentifier = "checkout/apple_pay_sheet.png" });
        var unchanged = await server.CallAsync("get_snapshot_image", new { organizationSlug = "acme", snapshotId = DemoIds.SnapshotId, imageIdentifier = "settings/settings_page.png", imageResolution = "full" });

        Assert.False(added.IsError, added.Text);
        Assert.Contains("**Status**: added", added.Text);
        Assert.Single(added.Raw.Content.OfType<ImageContentBlock>());
        Assert.DoesNotContain("Base (previous)", added.Text);
        Assert.False(unchanged.IsError, unchanged.Text);
        Assert.Contains("**Image Resolution**: full", unchanged.Text);
        Assert.Single(unchanged.Raw.Content.OfType<ImageContentBlock>());
    }

    [Fact]
    public async Task A_large_screenshot_comes_back_as_a_real_downscaled_preview()
    {
        var output = await server.CallAsync("get_snapshot_image", new { organizationSlug = "acme", snapshotId = DemoIds.SnapshotId, imageIdentifier = "home/feed_long_scroll.png" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Dimensions**: 1400×1300", output.Text);
        Assert.Contains("### Head (current) — image/png, preview, 1024×951", output.Text);
        var png = Assert.Single(output.Raw.Content.OfType<ImageContentBlock>()).DecodedData.ToArray();
        Assert.Equal(1024, ReadBigEndian(png, 16));
        Assert.Equal(951, ReadBigEndian(png, 20));
        Assert.True(png.Length < OriginalFeedBytes, $"{png.Length} bytes");
        // The sandbox draws a red header (rows 0-99) over noise: the preview keeps it at the top.
        var firstRow = FirstRow(png);
        Assert.Equal([0xE0, 0x3E, 0x3E], firstRow[1..4]);
        Assert.Equal([0xE0, 0x3E, 0x3E], firstRow[^3..]);
    }

    [Fact]
    public async Task An_original_over_the_size_limit_is_a_clear_error_without_image_content()
    {
        var output = await server.CallAsync("get_snapshot_image", new { organizationSlug = "acme", snapshotId = DemoIds.SnapshotId, imageIdentifier = "home/feed_long_scroll.png", imageResolution = "full" });

        Assert.True(output.IsError, output.Text);
        Assert.Contains("**Input Error**: No image of 'home/feed_long_scroll.png' could be returned.", output.Text);
        Assert.Contains("more than the 5,242,880 bytes this server returns per image; call again without imageResolution for a preview", output.Text);
        Assert.Empty(output.Raw.Content.OfType<ImageContentBlock>());
    }

    [Theory]
    [InlineData("""{"organizationSlug":"acme","snapshotId":"5101","imageIdentifier":"checkout/nope.png"}""", "HTTP 404")]
    [InlineData("""{"organizationSlug":"acme","snapshotId":"99999","imageIdentifier":"home/home_screen.png"}""", "HTTP 404")]
    [InlineData("""{"organizationSlug":"acme","snapshotId":"5101","imageIdentifier":".."}""", "Invalid identifier")]
    [InlineData("""{"organizationSlug":"acme","snapshotId":"5101","imageIdentifier":"home/home_screen.png","imageResolution":"huge"}""", "Use 'preview' or 'full'")]
    [InlineData("""{"organizationSlug":"acme","snapshotId":"abc","imageIdentifier":"home/home_screen.png"}""", "is not a snapshot ID")]
    public async Task Bad_input_is_an_input_error_that_says_what_to_fix(string arguments, string expected)
    {
        var output = await server.CallAsync("get_snapshot_image", JsonSerializer.Deserialize<JsonElement>(arguments));

        Assert.True(output.IsError, output.Text);
        Assert.Contains("**Input Error**", output.Text);
        Assert.Contains(expected, output.Text);
    }

    [Fact]
    public async Task A_failing_image_download_is_reported_as_a_sentry_error()
    {
        await server.AddFaultAsync(new FaultRule(FaultKind.Status, PathPrefix: "/api/0/organizations/acme/preprodartifacts/snapshots/5101/images/checkout-v2.png/download/", Count: -1, Status: 500));
        try
        {
            var output = await server.CallAsync("get_snapshot_image", new { organizationSlug = "acme", snapshotId = DemoIds.SnapshotId, imageIdentifier = "checkout/checkout_screen.png" });

            Assert.True(output.IsError);
            Assert.Contains("**Sentry API Error** (HTTP 500)", output.Text);
        }
        finally
        {
            await server.ResetAsync();
        }
    }

    [Fact]
    public async Task Through_the_gateway_the_image_content_arrives_unchanged()
    {
        await using var client = await server.StartClientAsync([], SandboxOptions.ReadOnlyToken);
        var listed = await client.ListToolsAsync();
        Assert.DoesNotContain(listed, t => t.Name == "get_snapshot_image");

        var output = await server.CallAsync("execute_sentry_tool", new
        {
            name = "get_snapshot_image",
            arguments = new { organizationSlug = "acme", snapshotId = DemoIds.SnapshotId, imageIdentifier = "checkout/apple_pay_sheet.png" },
        }, client);

        Assert.False(output.IsError, output.Text);
        var image = Assert.Single(output.Raw.Content.OfType<ImageContentBlock>());
        Assert.Equal("image/png", image.MimeType);
    }

    /// <summary>Size of the sandbox's 1400×1300 original (header, 100 red rows and stored noise).</summary>
    private const int OriginalFeedBytes = 5_000_000;

    /// <summary>The first scanline (filter byte, then RGB) of a PNG whose IDAT data is one zlib stream.</summary>
    private static byte[] FirstRow(byte[] png)
    {
        using var idat = new MemoryStream();
        for (var offset = 8; offset < png.Length;)
        {
            var length = ReadBigEndian(png, offset);
            if (System.Text.Encoding.ASCII.GetString(png, offset + 4, 4) == "IDAT")
            {
                idat.Write(png, offset + 8, length);
            }
            offset += 12 + length;
        }
        idat.Position = 0;
        using var zlib = new System.IO.Compression.ZLibStream(idat, System.IO.Compression.CompressionMode.Decompress);
        var row = new byte[1 + ReadBigEndian(png, 16) * 3];
        zlib.ReadExactly(row);
        return row;
    }

    private static int ReadBigEndian(byte[] bytes, int offset) => bytes[offset] << 24 | bytes[offset + 1] << 16 | bytes[offset + 2] << 8 | bytes[offset + 3];
}
