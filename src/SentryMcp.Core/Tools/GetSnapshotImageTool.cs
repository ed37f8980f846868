using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Formatting;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class GetSnapshotImageTool
{
    /// <summary>An image that cannot be previewed (not a PNG this server decodes) is still sent by default up to this size.</summary>
    internal const int UnpreviewableMaxBytes = 1024 * 1024;

    /// <summary>Largest image returned at all (the per-image limit of the common model APIs is about 5 MB).</summary>
    internal const int FullMaxBytes = 5 * 1024 * 1024;

    [McpServerTool(Name = "get_snapshot_image", Title = "Get snapshot image", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Get metadata and image content for one image of a preprod snapshot: the current (head) image, the base image and the diff mask.\n\n" +
        "Use this tool when you need to:\n- See what a changed screenshot looks like now and before\n- Inspect the metadata and context of one snapshot image\n" +
        "- Fetch the original full-resolution bytes when the default is not enough (larger answers)\n\n" +
        "By default images come as previews, at most 1024 pixels on the long side; imageResolution='full' returns the original bytes, up to 5 MB per image.\n\n" +
        "<examples>\nget_snapshot_image(organizationSlug='my-org', snapshotId='231949', imageIdentifier='login_screen.png')\n" +
        "get_snapshot_image(organizationSlug='my-org', snapshotId='231949', imageIdentifier='ios/login_screen.png', imageResolution='full')\n</examples>\n\n" +
        "<hints>\n- get_snapshot lists the image file names of a snapshot.\n- imageIdentifier may contain slashes: pass the image_file_name exactly as get_snapshot shows it.\n</hints>")]
    [SentryTool(PermissionGroup.Read, "project:read", Skills = [Skill.Inspect])]
    public static async Task<CallToolResult> GetSnapshotImage(
        SentryToolContext context,
        [Description("The organization's slug. find_organizations lists the organizations you can access.")] string organizationSlug,
        [Description("The numeric snapshot artifact ID.")] string snapshotId,
        [Description("The image's file name (image_file_name) as get_snapshot lists it.")] string imageIdentifier,
        [Description("preview (default): images scaled to at most 1024 pixels on the long side; full: the original bytes, up to 5 MB per image (larger answers).")][AllowedValues("preview", "full")] string imageResolution = "preview",
        [Description("The organization's region URL, if known (from find_organizations). Leave empty for self-hosted Sentry.")] string? regionUrl = null,
        CancellationToken cancellationToken = default)
    {
        var org = SentryToolContext.Require(organizationSlug, nameof(organizationSlug));
        var id = GetSnapshotTool.RequireSnapshotId(snapshotId);
        var identifier = SentryToolContext.Require(imageIdentifier, nameof(imageIdentifier));
        var resolution = (imageResolution ?? "preview").Trim();
        if (resolution is not ("preview" or "full"))
        {
            throw new UserInputException($"Invalid imageResolution '{imageResolution}'. Use 'preview' or 'full'.");
        }
        var detail = await context.Api.GetSnapshotImageAsync(org, id, identifier, regionUrl, cancellationToken).ConfigureAwait(false);
        if (detail.HeadImage?.ImageUrl is null && detail.BaseImage?.ImageUrl is null)
        {
            throw new UserInputException($"Sentry returned no image data for '{identifier}' in snapshot {id}. get_snapshot lists the images it has.");
        }
        var url = $"{SnapshotFormatting.SnapshotUrl(context, org, id)}?selectedSnapshot={Uri.EscapeDataString(identifier)}";
        var primary = detail.HeadImage ?? detail.BaseImage!;
        var md = new Markdown().Title($"Snapshot image {identifier}")
            .Field("URL", url)
            .Field("Status", detail.ComparisonStatus)
            .Field("Diff", detail.DiffPercentage is { } diff ? SnapshotFormatting.Percent(diff) : null)
            .Field("Previous File", detail.PreviousImageFileName is { } previous ? Markdown.Code(previous) : null)
            .Field("Display Name", primary.DisplayName)
            .Field("Group", primary.Group)
            .Field("Dimensions", primary.Width is { } w && primary.Height is { } h ? $"{w}×{h}" : null)
            .Field("Description", primary.Description)
            .Field("Image Resolution", resolution);
        if (primary.Context is { ValueKind: JsonValueKind.Object } imageContext)
        {
            md.Line().Line("**Context**:");
            foreach (var line in ContextLines(imageContext, 0))
            {
                md.Line(line);
            }
        }

        var images = new List<(string Label, string Url)>();
        if (detail.HeadImage?.ImageUrl is { } head)
        {
            images.Add(("Head (current)", head));
        }
        if (detail.BaseImage?.ImageUrl is { } baseUrl && baseUrl != detail.HeadImage?.ImageUrl)
        {
            images.Add(("Base (previous)", baseUrl));
        }
        if (detail.DiffImageUrl is { } diffUrl)
        {
            images.Add(("Diff Mask", diffUrl));
        }
        var downloads = await Task.WhenAll(images.Select(i => context.Api.DownloadSnapshotImageAsync(i.Url, regionUrl, cancellationToken))).ConfigureAwait(false);
        var parts = new List<ContentBlock>();
        var notes = new List<string>();
        for (var i = 0; i < images.Count; i++)
        {
            var (bytes, contentType) = downloads[i];
            var mime = contentType is { } ct && ct.StartsWith("image/", StringComparison.Ordinal) ? ct : Sniff(bytes);
            var (label, size) = (images[i].Label, bytes.Length.ToString("N0", CultureInfo.InvariantCulture));
            if (mime is null)
            {
                notes.Add($"{label}: Sentry sent {contentType ?? "an unknown type"}, not an image; it is not included.");
                continue;
            }
            var (send, description) = (bytes, $"original, {size} bytes");
            if (resolution == "preview")
            {
                if (Sniff(bytes) == "image/png" && PngPreview.Create(bytes) is { } preview)
                {
                    (send, mime, description) = (preview.Png, "image/png",
                        ReferenceEquals(preview.Png, bytes) ? $"original, {preview.Width}×{preview.Height}, {size} bytes" : $"preview, {preview.Width}×{preview.Height}");
                }
                else if (bytes.Length > UnpreviewableMaxBytes)
                {
                    notes.Add($"{label}: no preview can be made of this {mime} ({size} bytes); call again with imageResolution='full'" +
                        (bytes.Length > FullMaxBytes ? " (it is too large for that too; open it in Sentry)." : "."));
                    continue;
                }
            }
            if (send.Length > FullMaxBytes)
            {
                notes.Add($"{label}: {send.Length.ToString("N0", CultureInfo.InvariantCulture)} bytes, more than the {FullMaxBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes " +
                    "this server returns per image; " + (resolution == "full" ? "call again without imageResolution for a preview, or open it in Sentry." : "open it in Sentry."));
                continue;
            }
            parts.Add(new TextContentBlock { Text = $"### {label} — {mime}, {description}" });
            parts.Add(ImageContentBlock.FromBytes(send, mime));
        }
        if (parts.Count == 0 && notes.Count > 0)
        {
            throw new UserInputException($"No image of '{identifier}' could be returned. " + string.Join(" ", notes));
        }
        md.Line();
        foreach (var note in notes)
        {
            md.Bullet(note);
        }
        var text = md.UsingThisInformation(
            $"Other images of this snapshot: `get_snapshot(organizationSlug='{org}', snapshotId='{id}')`.",
            resolution == "preview" ? $"Original bytes: `get_snapshot_image(organizationSlug='{org}', snapshotId='{id}', imageIdentifier='{identifier}', imageResolution='full')`." : "These are the original bytes.").ToString();
        return new CallToolResult { Content = [new TextContentBlock { Text = text }, .. parts] };
    }

    /// <summary>Simple context values (device, test name…) as nested bullets.</summary>
    private static IEnumerable<string> ContextLines(JsonElement obj, int depth)
    {
        foreach (var property in obj.EnumerateObject())
        {
            var indent = new string(' ', depth * 2);
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Object when depth < 3:
                    yield return $"{indent}- **{property.Name}**:";
                    foreach (var line in ContextLines(property.Value, depth + 1))
                    {
                        yield return line;
                    }
                    break;
                case JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                    yield return $"{indent}- **{property.Name}**: {Markdown.Truncate(property.Value.ToString().ReplaceLineEndings(" "), 200)}";
                    break;
            }
        }
    }

    private static string? Sniff(byte[] bytes) => bytes switch
    {
        [0x89, 0x50, 0x4E, 0x47, ..] => "image/png",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x47, 0x49, 0x46, 0x38, ..] => "image/gif",
        [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..] => "image/webp",
        _ => null,
    };
}
