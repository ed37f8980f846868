using ModelContextProtocol.Protocol;
using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed class GetEventAttachmentToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task Without_an_attachment_id_lists_the_event_attachments()
    {
        var output = await server.CallAsync("get_event_attachment", new { organizationSlug = "acme", projectSlug = "web-frontend", eventId = DemoIds.UndefinedMapEventId });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith("# Event Attachments", output.Text);
        Assert.Contains("Found 2 attachments", output.Text);
        Assert.Contains("## screenshot.png", output.Text);
        Assert.Contains($"**ID**: {DemoIds.ScreenshotAttachmentId}", output.Text);
        Assert.Contains("**MIME Type**: image/png", output.Text);
        Assert.Contains($"**Size**: {DemoData.ScreenshotPng().Length} bytes", output.Text);
        Assert.Contains("## console.log", output.Text);
        Assert.Contains($"attachmentId='{DemoIds.ScreenshotAttachmentId}'", output.Text);
    }

    [Fact]
    public async Task A_screenshot_comes_back_as_image_content_with_the_png_bytes()
    {
        var output = await server.CallAsync("get_event_attachment", new { organizationSlug = "acme", projectSlug = "web-frontend", eventId = DemoIds.UndefinedMapEventId, attachmentId = DemoIds.ScreenshotAttachmentId });

        Assert.False(output.IsError, output.Text);
        var image = Assert.Single(output.Raw.Content.OfType<ImageContentBlock>());
        Assert.Equal("image/png", image.MimeType);
        Assert.Equal(DemoData.ScreenshotPng(), image.DecodedData.ToArray());
        Assert.Contains("**Filename**: screenshot.png", output.Text);
    }

    [Fact]
    public async Task A_text_attachment_is_shown_inline()
    {
        var output = await server.CallAsync("get_event_attachment", new { organizationSlug = "acme", projectSlug = "web-frontend", eventId = DemoIds.UndefinedMapEventId, attachmentId = DemoData.ConsoleLogAttachmentId });

        Assert.False(output.IsError, output.Text);
        Assert.Empty(output.Raw.Content.OfType<ImageContentBlock>());
        Assert.Contains("## File Content", output.Text);
        Assert.Contains("useOrders: response has no 'orders' field", output.Text);
    }

    [Fact]
    public async Task An_event_without_attachments_says_so()
    {
        var output = await server.CallAsync("get_event_attachment", new { organizationSlug = "acme", projectSlug = "api-backend", eventId = DemoIds.NoneTypeEventId });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("No attachments found for this event.", output.Text);
    }

    [Fact]
    public async Task An_event_of_another_project_is_not_found()
    {
        var output = await server.CallAsync("get_event_attachment", new { organizationSlug = "acme", projectSlug = "api-backend", eventId = DemoIds.UndefinedMapEventId });

        Assert.True(output.IsError);
        Assert.Contains("HTTP 404", output.Text);
    }

    [Fact]
    public async Task An_unknown_attachment_is_not_found()
    {
        var output = await server.CallAsync("get_event_attachment", new { organizationSlug = "acme", projectSlug = "web-frontend", eventId = DemoIds.UndefinedMapEventId, attachmentId = "123456" });

        Assert.True(output.IsError);
        Assert.Contains("HTTP 404", output.Text);
        Assert.Contains("Attachment not found", output.Text);
    }

    [Fact]
    public async Task An_unknown_organization_is_not_found()
    {
        var output = await server.CallAsync("get_event_attachment", new { organizationSlug = "no-such-org", projectSlug = "web-frontend", eventId = DemoIds.UndefinedMapEventId });

        Assert.True(output.IsError);
        Assert.Contains("Organization not found", output.Text);
    }

    [Fact]
    public async Task A_malformed_event_id_is_an_input_error()
    {
        var output = await server.CallAsync("get_event_attachment", new { organizationSlug = "acme", projectSlug = "web-frontend", eventId = "12345" });

        Assert.True(output.IsError);
        Assert.Contains("not a valid event ID", output.Text);
    }
}
