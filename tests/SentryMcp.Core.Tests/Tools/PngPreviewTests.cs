using SentryMcp.Core.Api;
using SentryMcp.Core.Tools;
using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed class PngPreviewTests
{
    private static readonly SandboxPng Small = new("small", 48, 96, (0xF7, 0xF7, 0xF8), (0x2B, 0xA1, 0x85), 10, 20);

    [Fact]
    public void A_png_within_the_preview_size_is_returned_as_it_is()
    {
        var png = DemoData.RenderPng(Small);

        var preview = PngPreview.Create(png);

        Assert.NotNull(preview);
        Assert.Same(png, preview.Value.Png);
        Assert.Equal((48, 96), (preview.Value.Width, preview.Value.Height));
    }

    [Fact]
    public void A_wide_png_is_scaled_to_1024_pixels_keeping_its_aspect_ratio()
    {
        var png = DemoData.RenderPng(new SandboxPng("wide", 2048, 300, (0x10, 0x20, 0x30), (0xE0, 0x3E, 0x3E), 0, 150));

        var preview = PngPreview.Create(png)!.Value;

        Assert.Equal((1024, 150), (preview.Width, preview.Height));
        // The scaled image decodes again, at its own size.
        Assert.Equal((1024, 150), (PngPreview.Create(preview.Png)!.Value.Width, PngPreview.Create(preview.Png)!.Value.Height));
    }

    [Fact]
    public void Broken_or_unsupported_files_give_no_preview()
    {
        var png = DemoData.RenderPng(Small);
        var truncated = png[..(png.Length / 2)];
        var huge = (byte[])png.Clone();
        // IHDR width 100,000 × height 96: over the pixel limit, refused before inflating anything.
        huge[16] = 0; huge[17] = 0x01; huge[18] = 0x86; huge[19] = 0xA0;
        var sixteenBit = (byte[])png.Clone();
        sixteenBit[24] = 16;
        var interlaced = (byte[])png.Clone();
        interlaced[28] = 1;

        Assert.Null(PngPreview.Create(truncated));
        Assert.Null(PngPreview.Create(huge));
        Assert.Null(PngPreview.Create(sixteenBit));
        Assert.Null(PngPreview.Create(interlaced));
        Assert.Null(PngPreview.Create([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]));
        Assert.Null(PngPreview.Create([]));
    }

    [Theory]
    [InlineData("https://attacker.example/api/0/organizations/acme/x.png")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("/api/0/../../__sandbox/requests")]
    [InlineData("/api/0/organizations/%2e%2e/%2e%2e/__sandbox/requests")]
    [InlineData("//attacker.example/api/0/x.png")]
    public async Task Image_links_outside_this_sentrys_api_are_refused_without_a_request(string link)
    {
        using var handler = new RecordingHandler();
        using var http = new HttpClient(handler);
        var api = new SentryApiClient(http, new SentryHost(new Uri("https://sentry.example.com")), "token");

        var error = await Assert.ThrowsAsync<UserInputException>(() => api.DownloadSnapshotImageAsync(link, null, CancellationToken.None));

        Assert.Contains("does not point into this Sentry's API", error.Message);
        Assert.Equal(0, handler.Requests);
    }

    [Fact]
    public async Task An_absolute_link_on_the_same_sentry_api_is_fetched_there()
    {
        using var handler = new RecordingHandler();
        using var http = new HttpClient(handler);
        var api = new SentryApiClient(http, new SentryHost(new Uri("https://sentry.example.com")), "token");

        await api.DownloadSnapshotImageAsync("https://sentry.example.com/api/0/organizations/acme/preprodartifacts/snapshots/1/images/a.png/download/", null, CancellationToken.None);

        Assert.Equal("https://sentry.example.com/api/0/organizations/acme/preprodartifacts/snapshots/1/images/a.png/download/", handler.LastUri?.ToString());
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public int Requests { get; private set; }
        public Uri? LastUri { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests++;
            LastUri = request.RequestUri;
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new ByteArrayContent([0x89, 0x50, 0x4E, 0x47]) });
        }
    }
}
