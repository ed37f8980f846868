using System.ComponentModel;
using System.Text;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class GetEventAttachmentTool
{
    private const int MaxTextChars = 20_000;
    private const int MaxImageBytes = 5 * 1024 * 1024;

    [McpServerTool(Name = "get_event_attachment", Title = "Get event attachment", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(AttachmentsOutput))]
    [Description("List or download the attachments of a Sentry event (screenshots, log files, minidumps…).\n\n" +
        "Use this tool when you need to:\n- See which files an event carries\n- Look at a screenshot (returned as an image) or read an attached log file\n\n" +
        "<examples>\nget_event_attachment(organizationSlug='my-org', projectSlug='my-project', eventId='c49541c747cb4d8aa3efb70ca5aba243')\n" +
        "get_event_attachment(organizationSlug='my-org', projectSlug='my-project', eventId='c49541c747cb4d8aa3efb70ca5aba243', attachmentId='12345')\n</examples>\n\n" +
        "<hints>\n- Without attachmentId, the attachments are listed with their IDs.\n- With attachmentId, that attachment is downloaded: images as image content, text inline, other files as metadata.\n</hints>")]
    [SentryTool(PermissionGroup.Read, "event:read", Skills = [Skill.Inspect])]
    public static async Task<CallToolResult> GetEventAttachment(
        SentryToolContext context,
        [Description("The organization's slug. Find it with find_organizations.")] string organizationSlug,
        [Description("The project's slug. Find it with find_projects.")] string projectSlug,
        [Description("The event ID (32 hexadecimal characters).")] string eventId,
        [Description("The ID of the attachment to download; omit it to list the event's attachments.")] string? attachmentId = null,
        [Description("The region URL of the organization, as returned by find_organizations (optional).")] string? regionUrl = null,
        CancellationToken cancellationToken = default)
    {
        var org = SentryToolContext.Require(organizationSlug, "organizationSlug");
        var project = SentryToolContext.Require(projectSlug, "projectSlug");
        var ev = SentryToolContext.Require(eventId, "eventId");
        if (!SentryUrl.IsEventId(ev))
        {
            throw new UserInputException($"'{ev}' is not a valid event ID: expected 32 hexadecimal characters.");
        }
        if (string.IsNullOrWhiteSpace(attachmentId))
        {
            var attachments = await context.Api.ListEventAttachmentsAsync(org, project, ev, regionUrl, cancellationToken).ConfigureAwait(false);
            return ToolResults.Structured(List(org, project, ev, attachments), new AttachmentsOutput(ev, [.. attachments.Select(ToOutput)], "none"));
        }
        var id = attachmentId.Trim();
        var metadataTask = context.Api.GetEventAttachmentAsync(org, project, ev, id, regionUrl, cancellationToken);
        var downloadTask = context.Api.DownloadEventAttachmentAsync(org, project, ev, id, regionUrl, cancellationToken);
        await Task.WhenAll(metadataTask, downloadTask).ConfigureAwait(false);
        var metadata = await metadataTask.ConfigureAwait(false);
        var (bytes, contentType) = await downloadTask.ConfigureAwait(false);
        var mime = EffectiveMimeType(contentType, metadata.Mimetype, bytes);
        var attachment = ToOutput(metadata) with { MimeType = mime, Size = bytes.Length };

        var md = new Markdown().Title($"Attachment {metadata.Name ?? id}")
            .Field("Event ID", ev)
            .Field("Attachment ID", id)
            .Field("Filename", metadata.Name)
            .Field("Type", metadata.Type)
            .Field("MIME Type", mime)
            .Field("Size", $"{bytes.Length:N0} bytes")
            .Field("Created", Markdown.Date(metadata.DateCreated))
            .Field("SHA1", metadata.Sha1)
            .Line();
        if (mime.StartsWith("image/", StringComparison.Ordinal) && bytes.Length <= MaxImageBytes)
        {
            md.Paragraph("The image is included as image content in this result.");
            var result = ToolResults.Structured(Closing(md, org, project, ev), new AttachmentsOutput(ev, [attachment], "image"));
            result.Content.Insert(0, ImageContentBlock.FromBytes(bytes, mime));
            return result;
        }
        if (IsText(mime))
        {
            var text = Encoding.UTF8.GetString(bytes);
            md.Heading("File Content").CodeBlock(Markdown.Truncate(text, MaxTextChars));
            return ToolResults.Structured(Closing(md, org, project, ev), new AttachmentsOutput(ev, [attachment], "text"));
        }
        md.Paragraph(mime.StartsWith("image/", StringComparison.Ordinal)
            ? $"The image is larger than {MaxImageBytes:N0} bytes, so it is not included. Open it in Sentry."
            : "This is a binary file; its content is not shown. Open the event in Sentry to download it.");
        return ToolResults.Structured(Closing(md, org, project, ev), new AttachmentsOutput(ev, [attachment], "none"));
    }

    private static AttachmentOutput ToOutput(EventAttachment a) => new(a.Id, a.Name, a.Type, a.Mimetype, a.Size, a.DateCreated);

    private static string Closing(Markdown md, string org, string project, string eventId) => md.UsingThisInformation(
        $"Other attachments of the event: `get_event_attachment(organizationSlug='{org}', projectSlug='{project}', eventId='{eventId}')`.").ToString();

    private static string List(string org, string project, string eventId, IReadOnlyList<EventAttachment> attachments)
    {
        var md = new Markdown().Title("Event Attachments")
            .Field("Event ID", eventId)
            .Field("Project", project)
            .Line();
        if (attachments.Count == 0)
        {
            return md.Paragraph("No attachments found for this event.").ToString();
        }
        md.Paragraph($"Found {attachments.Count} attachment{(attachments.Count == 1 ? "" : "s")}:");
        foreach (var a in attachments)
        {
            md.Heading(a.Name ?? a.Id)
                .Field("ID", a.Id)
                .Field("Type", a.Type)
                .Field("MIME Type", a.Mimetype)
                .Field("Size", a.Size is { } size ? $"{size:N0} bytes" : null)
                .Field("Created", Markdown.Date(a.DateCreated))
                .Line();
        }
        return md.UsingThisInformation(
            $"Download one: `get_event_attachment(organizationSlug='{org}', projectSlug='{project}', eventId='{eventId}', attachmentId='{attachments[0].Id}')`.",
            "Images come back as image content; text files inline.").ToString();
    }

    private static bool IsText(string mime) =>
        mime.StartsWith("text/", StringComparison.Ordinal) || mime is "application/json" or "application/xml" or "application/x-ndjson";

    /// <summary>
    /// The download's content type wins over the stored metadata; when both are the generic
    /// octet-stream (some mobile SDKs upload screenshots that way), the file's magic bytes decide.
    /// </summary>
    private static string EffectiveMimeType(string? downloaded, string? declared, byte[] bytes)
    {
        foreach (var candidate in new[] { downloaded, declared })
        {
            if (!string.IsNullOrWhiteSpace(candidate) && candidate != "application/octet-stream")
            {
                return candidate.Split(';')[0].Trim().ToLowerInvariant();
            }
        }
        ReadOnlySpan<byte> b = bytes;
        return b switch
        {
            [0x89, 0x50, 0x4E, 0x47, ..] => "image/png",
            [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
            [0x47, 0x49, 0x46, 0x38, ..] => "image/gif",
            [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..] => "image/webp",
            _ => "application/octet-stream",
        };
    }
}
