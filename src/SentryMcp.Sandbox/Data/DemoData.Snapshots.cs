using System.IO.Compression;

namespace SentryMcp.Sandbox;

/// <summary>A generated PNG: a coloured band over a solid background, or over deterministic noise (incompressible, for size limits).</summary>
public sealed record SandboxPng(string Key, int Width, int Height, (byte R, byte G, byte B) Background, (byte R, byte G, byte B) Band, int BandTop, int BandHeight, bool Noise = false);

/// <summary>One image of a snapshot and how it compares with the base build.</summary>
public sealed record SandboxSnapshotImage(
    string FileName, string DisplayName, string Group, string Description, string Status,
    SandboxPng? Head, SandboxPng? Base, SandboxPng? DiffMask = null, double? Diff = null, string? PreviousFileName = null);

public sealed class SandboxSnapshot
{
    public required string Id { get; init; }
    public required string OrganizationSlug { get; init; }
    public required string ProjectSlug { get; init; }
    public required string AppId { get; init; }
    public required string Branch { get; init; }
    public required string HeadSha { get; init; }
    public required DateTimeOffset DateCreated { get; init; }
    /// <summary><c>solo</c> (a base build on its own) or <c>diff</c> (compared with <see cref="BaseBranch"/>).</summary>
    public string ComparisonType { get; init; } = "solo";
    public string? BaseBranch { get; init; }
    public string? BaseSha { get; init; }
    public string? PrNumber { get; init; }
    public string ApprovalStatus { get; init; } = "approved";
    public List<SandboxSnapshotImage> Images { get; init; } = [];
}

public sealed partial class DemoData
{
    private List<SandboxSnapshot>? _snapshots;

    /// <summary>Seeded on first use, so the constructor shared by every area stays as it is.</summary>
    public List<SandboxSnapshot> Snapshots => _snapshots ??= SeedSnapshots();

    public SandboxSnapshot? Snapshot(string organizationSlug, string id) =>
        Snapshots.FirstOrDefault(s => s.OrganizationSlug == organizationSlug && s.Id == id);

    private List<SandboxSnapshot> SeedSnapshots()
    {
        (byte, byte, byte) white = (0xF7, 0xF7, 0xF8), purple = (0x6C, 0x5F, 0xC7), green = (0x2B, 0xA1, 0x85), red = (0xE0, 0x3E, 0x3E), grey = (0x80, 0x80, 0x80);
        SandboxPng Png(string key, (byte, byte, byte) band, int top = 8, int height = 10) => new(key, 48, 96, white, band, top, height);
        var home = Png("home-v1", purple);
        var settings = Png("settings-v1", grey, 20, 6);
        var checkoutOld = Png("checkout-v1", purple, 70, 12);
        var checkoutNew = Png("checkout-v2", green, 64, 18);
        var badgeOld = Png("badge-v1", red, 4, 4);
        var badgeNew = Png("badge-v2", red, 4, 5);
        var welcome = Png("welcome-v1", purple, 40, 16);
        var banner = Png("banner-v1", red, 0, 24);
        var applePay = Png("applepay-v1", (0x11, 0x11, 0x11), 60, 36);
        // 1400×1300: a red header over RGB noise, stored without compression, so the original is larger
        // than any image a tool returns and only a downscaled preview can be shown.
        var feed = new SandboxPng("feed-v1", 1400, 1300, white, red, 0, 100, Noise: true);
        SandboxSnapshotImage Same(string file, string name, string group, string description, SandboxPng png) => new(file, name, group, description, "unchanged", png, png);

        var baseImages = new List<SandboxSnapshotImage>
        {
            Same("home/home_screen.png", "Home Screen", "Home", "Feed with promotions", home),
            Same("home/feed_long_scroll.png", "Feed Long Scroll", "Home", "Full-length feed capture", feed),
            Same("settings/settings_page.png", "Settings", "Settings", "Account and notification settings", settings),
            Same("checkout/checkout_screen.png", "Checkout", "Checkout", "Cart summary and pay button", checkoutOld),
            Same("checkout/cart_badge.png", "Cart Badge", "Checkout", "Item count badge", badgeOld),
            Same("onboarding/welcome.png", "Welcome", "Onboarding", "First-run welcome screen", welcome),
            Same("legacy/promo_banner.png", "Promo Banner", "Legacy", "Summer promotion banner", banner),
        };
        return
        [
            new SandboxSnapshot
            {
                Id = "5099", OrganizationSlug = OrganizationSlug, ProjectSlug = "mobile-app", AppId = DemoIds.SnapshotAppId, Branch = "main",
                HeadSha = "0f9e8d7c6b5a49382716a5b4c3d2e1f009182736", DateCreated = Now.AddDays(-6), Images = [.. baseImages.Take(3)],
            },
            new SandboxSnapshot
            {
                Id = DemoIds.BaseSnapshotId, OrganizationSlug = OrganizationSlug, ProjectSlug = "mobile-app", AppId = DemoIds.SnapshotAppId, Branch = "main",
                HeadSha = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678", DateCreated = Now.AddDays(-1), Images = baseImages,
            },
            new SandboxSnapshot
            {
                Id = "5102", OrganizationSlug = OrganizationSlug, ProjectSlug = "mobile-app", AppId = DemoIds.SnapshotAppId, Branch = "release/5.1",
                HeadSha = "5151515151515151515151515151515151515151", DateCreated = Now.AddDays(-3), Images = [baseImages[0], baseImages[2]],
            },
            new SandboxSnapshot
            {
                Id = DemoIds.SnapshotId, OrganizationSlug = OrganizationSlug, ProjectSlug = "mobile-app", AppId = DemoIds.SnapshotAppId,
                Branch = "feature/checkout-redesign", HeadSha = "c0ffee1234567890abcdef1234567890abcdef12", DateCreated = Now.AddHours(-4),
                ComparisonType = "diff", BaseBranch = "main", BaseSha = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678", PrNumber = "412",
                ApprovalStatus = "requires_approval",
                Images =
                [
                    new("checkout/checkout_screen.png", "Checkout", "Checkout", "Cart summary and pay button", "changed", checkoutNew, checkoutOld,
                        Png("checkout-diff", red, 64, 18), Diff: 0.1875),
                    new("checkout/cart_badge.png", "Cart Badge", "Checkout", "Item count badge", "changed", badgeNew, badgeOld, Png("badge-diff", red, 8, 1), Diff: 0.0104),
                    new("checkout/apple_pay_sheet.png", "Apple Pay Sheet", "Checkout", "Apple Pay payment sheet", "added", applePay, null),
                    new("legacy/promo_banner.png", "Promo Banner", "Legacy", "Summer promotion banner", "removed", null, banner),
                    baseImages[0], baseImages[1], baseImages[2],
                    new("onboarding/welcome.png", "Welcome", "Onboarding", "First-run welcome screen", "skipped", welcome, welcome),
                ],
            },
        ];
    }

    /// <summary>The PNG bytes of a generated image: real, decodable files (RGB, 8 bits per channel).</summary>
    public static byte[] RenderPng(SandboxPng png)
    {
        var stride = 1 + png.Width * 3;
        var raw = new byte[png.Height * stride];
        var noise = 0x2545F491u;
        for (var y = 0; y < png.Height; y++)
        {
            for (var x = 0; x < png.Width; x++)
            {
                var offset = y * stride + 1 + x * 3;
                var inBand = y >= png.BandTop && y < png.BandTop + png.BandHeight;
                if (png.Noise && !inBand)
                {
                    noise ^= noise << 13;
                    noise ^= noise >> 17;
                    noise ^= noise << 5;
                    (raw[offset], raw[offset + 1], raw[offset + 2]) = ((byte)noise, (byte)(noise >> 8), (byte)(noise >> 16));
                    continue;
                }
                var (r, g, b) = inBand ? png.Band : png.Background;
                (raw[offset], raw[offset + 1], raw[offset + 2]) = (r, g, b);
            }
        }
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(output, "IHDR", [.. BigEndian((uint)png.Width), .. BigEndian((uint)png.Height), 8, 2, 0, 0, 0]);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, png.Noise ? CompressionLevel.NoCompression : CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(raw);
            }
            WriteChunk(output, "IDAT", compressed.ToArray());
        }
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    private static byte[] BigEndian(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];
}
