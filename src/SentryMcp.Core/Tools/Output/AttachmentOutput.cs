using System.ComponentModel;

namespace SentryMcp.Core.Tools.Output;

/// <summary>An attachment of an event (metadata only: content travels as image or text content).</summary>
public sealed record AttachmentOutput(string Id, string? Name, string? Type, string? MimeType, long? Size, string? DateCreated);

/// <summary>get_event_attachment: the event's attachments, or the one downloaded.</summary>
public sealed record AttachmentsOutput(
    string EventId,
    IReadOnlyList<AttachmentOutput> Attachments,
    [property: Description("How the downloaded attachment's content is included: image, text or none (binary, too large, or no download).")] string Content);
