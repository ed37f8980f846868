using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class GetSnapshotTool
{
    [McpServerTool(Name = "get_snapshot", Title = "Get snapshot", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(SnapshotOutput))]
    [Description("Get a preprod snapshot comparison summary: metadata, counts and the changed, added and removed images.\n\n" +
        "Use this tool when you need to:\n- Investigate a failed snapshot (screenshot) test from CI\n- Review what changed in a specific preprod snapshot\n" +
        "- Browse snapshot image file names before viewing a specific image\n\n" +
        "Compact output by default; set showUnmodified=true to list unchanged and skipped images too.\n\n" +
        "<examples>\nget_snapshot(organizationSlug='my-org', snapshotId='231949')\nget_snapshot(organizationSlug='my-org', snapshotId='231949', showUnmodified=true)\n</examples>\n\n" +
        "<hints>\n- get_snapshot_image shows one image (head, base and diff mask) by its file name.\n- The diff percent is the share of pixels that changed (0-100).\n" +
        "- showUnmodified=true can make the answer much longer for large snapshots.\n</hints>")]
    [SentryTool(PermissionGroup.Read, "project:read", Skills = [Skill.Inspect])]
    public static Task<CallToolResult> GetSnapshot(
        SentryToolContext context,
        [Description("The organization's slug. find_organizations lists the organizations you can access.")] string organizationSlug,
        [Description("The numeric snapshot artifact ID.")] string snapshotId,
        [Description("When true, also list unchanged and skipped images (longer answers for large snapshots).")] bool showUnmodified = false,
        [Description("The organization's region URL, if known (from find_organizations). Leave empty for self-hosted Sentry.")] string? regionUrl = null,
        CancellationToken cancellationToken = default) =>
        RenderAsync(context, organizationSlug, snapshotId, showUnmodified, regionUrl, cancellationToken);

    /// <summary>The compact summary of a snapshot (get_sentry_resource uses this for snapshot URLs).</summary>
    internal static Task<CallToolResult> RenderAsync(SentryToolContext context, string organizationSlug, string snapshotId, string? regionUrl, CancellationToken ct) =>
        RenderAsync(context, organizationSlug, snapshotId, false, regionUrl, ct);

    private static async Task<CallToolResult> RenderAsync(SentryToolContext context, string organizationSlug, string snapshotId, bool showUnmodified, string? regionUrl, CancellationToken ct)
    {
        var org = SentryToolContext.Require(organizationSlug, nameof(organizationSlug));
        var id = RequireSnapshotId(snapshotId);
        var snapshot = await context.Api.GetSnapshotAsync(org, id, regionUrl, ct).ConfigureAwait(false);
        var url = SnapshotFormatting.SnapshotUrl(context, org, id);
        var solo = snapshot.ComparisonType == "solo";
        IEnumerable<SnapshotImageOutput> Section(List<SnapshotImage>? entries, string? status) => (entries ?? []).Select(e => SnapshotFormatting.ToOutput(e, status));
        var changed = Section(snapshot.Changed, "changed").OrderByDescending(i => i.DiffPercent ?? -1).ToList();
        var added = Section(snapshot.Added, "added").ToList();
        var removed = Section(snapshot.Removed, "removed").ToList();
        var renamed = Section(snapshot.Renamed, "renamed").ToList();
        var errored = Section(snapshot.Errored, "errored").ToList();
        var unchanged = Section(snapshot.Unchanged, "unchanged").ToList();
        var skipped = Section(snapshot.Skipped, "skipped").ToList();
        var all = Section(snapshot.Images, null).ToList();
        var counts = new SnapshotCountsOutput(snapshot.TotalCount ?? all.Count, snapshot.ChangedCount ?? changed.Count, snapshot.AddedCount ?? added.Count,
            snapshot.RemovedCount ?? removed.Count, snapshot.RenamedCount ?? renamed.Count, snapshot.UnchangedCount ?? unchanged.Count,
            snapshot.ErroredCount ?? errored.Count, snapshot.SkippedCount ?? skipped.Count);
        var hasDiffs = changed.Count + added.Count + removed.Count + renamed.Count + errored.Count > 0;

        var vcs = snapshot.VcsInfo;
        var md = new Markdown().Title($"Snapshot {id} in **{org}**")
            .Field("URL", url)
            .Field("Type", snapshot.ComparisonType ?? "unknown")
            .Field("State", snapshot.State ?? "unknown")
            .Field("Project ID", snapshot.ProjectId)
            .Field("Images", $"{counts.Total} total ({counts.Changed} changed, {counts.Added} added, {counts.Removed} removed, {counts.Renamed} renamed, " +
                $"{counts.Unchanged} unchanged, {counts.Errored} errored, {counts.Skipped} skipped)")
            .Field("Repository", vcs?.RepoName)
            .Field("Head", vcs?.HeadRef is null ? null : $"{vcs.HeadRef} ({Markdown.Code(Short(vcs.HeadSha))})")
            .Field("Base", vcs?.BaseRef is null ? null : $"{vcs.BaseRef} ({Markdown.Code(Short(vcs.BaseSha))})")
            .Field("Pull Request", vcs?.PrNumber is null ? null : $"#{vcs.PrNumber}")
            .Field("Approval", snapshot.ApprovalInfo?.Status is { } approval ? approval + (snapshot.ApprovalInfo.IsAutoApproved == true ? " (auto-approved)" : "") : null)
            .Line();
        var listed = new List<SnapshotImageOutput>();
        if (hasDiffs)
        {
            md.Heading("Changes");
            Sections(md, ("Changed", changed), ("Added", added), ("Removed", removed), ("Renamed", renamed), ("Errored", errored));
            listed.AddRange([.. changed, .. added, .. removed, .. renamed, .. errored]);
        }
        else if (all.Count > 0 && (solo || !showUnmodified))
        {
            md.Heading("Images");
            Sections(md, ("Snapshot Images", all));
            listed.AddRange(all);
        }
        if (showUnmodified && !solo && unchanged.Count + skipped.Count > 0)
        {
            md.Heading("Unmodified");
            Sections(md, ("Unchanged", unchanged), ("Skipped", skipped));
            listed.AddRange([.. unchanged, .. skipped]);
        }
        else if (!solo && !showUnmodified && counts.Unchanged + counts.Skipped > 0)
        {
            md.Paragraph($"{counts.Unchanged} unchanged and {counts.Skipped} skipped images are not listed; pass showUnmodified=true to list them.");
        }
        var example = listed.FirstOrDefault()?.ImageFileName ?? "<image_file_name>";
        var text = md.UsingThisInformation(
            $"View one image (head, base and diff mask): `get_snapshot_image(organizationSlug='{org}', snapshotId='{id}', imageIdentifier='{example}')`.",
            $"Original full-resolution bytes: add `imageResolution='full'` to that call.",
            "Diff percentages are the share of pixels that changed.").ToString();
        var data = new SnapshotOutput(id, org, url, snapshot.ComparisonType, snapshot.State, snapshot.ProjectId, vcs?.HeadRef, vcs?.HeadSha, vcs?.BaseRef, vcs?.BaseSha,
            vcs?.PrNumber, vcs?.RepoName, snapshot.ApprovalInfo?.Status, counts, listed);
        return ToolResults.Structured(text, data);
    }

    internal static string RequireSnapshotId(string? snapshotId)
    {
        var id = SentryToolContext.Require(snapshotId, nameof(snapshotId));
        return id.Length <= 20 && id.All(char.IsAsciiDigit)
            ? id
            : throw new UserInputException($"'{id}' is not a snapshot ID: snapshot artifact IDs are numbers, such as 231949 in a .../preprod/snapshots/231949/ URL.");
    }

    private static void Sections(Markdown md, params (string Title, List<SnapshotImageOutput> Images)[] sections)
    {
        foreach (var (title, images) in sections)
        {
            var lines = SnapshotFormatting.Tree(title, images).ToList();
            if (lines.Count > 0)
            {
                md.Paragraph(string.Join("\n", lines));
            }
        }
    }

    private static string Short(string? sha) => sha is { Length: > 8 } ? sha[..8] : sha ?? "";
}
