namespace SentryMcp.Sandbox;

/// <summary>Sentry's JSON for preprod snapshots (snake_case, as the snapshot endpoints answer).</summary>
public static class SnapshotShapes
{
    public static Dictionary<string, object?> Details(DemoData data, SandboxSnapshot snapshot)
    {
        var images = snapshot.Images;
        List<Dictionary<string, object?>> Entries(string status) =>
            [.. images.Where(i => i.Status == status).Select(i => Image(i, i.Head ?? i.Base, snapshot, withUrl: false))];
        var diff = snapshot.ComparisonType == "diff";
        var changed = diff
            ? images.Where(i => i.Status == "changed").Select(i => new Dictionary<string, object?>
            {
                ["head_image"] = Image(i, i.Head, snapshot, withUrl: false),
                ["base_image"] = Image(i, i.Base, snapshot, withUrl: false),
                ["diff"] = i.Diff,
            }).ToList()
            : [];
        var result = new Dictionary<string, object?>
        {
            ["id"] = snapshot.Id,
            ["project_id"] = data.Project(snapshot.OrganizationSlug, snapshot.ProjectSlug)?.Id,
            ["comparison_type"] = snapshot.ComparisonType,
            ["state"] = "processed",
            ["app_info"] = new Dictionary<string, object?> { ["app_id"] = snapshot.AppId, ["name"] = "Acme Shop", ["platform"] = "ios" },
            ["vcs_info"] = new Dictionary<string, object?>
            {
                ["head_sha"] = snapshot.HeadSha, ["base_sha"] = snapshot.BaseSha, ["head_ref"] = snapshot.Branch, ["base_ref"] = snapshot.BaseBranch,
                ["pr_number"] = snapshot.PrNumber, ["repo_name"] = "acme/shop-mobile",
            },
            ["approval_info"] = new Dictionary<string, object?> { ["status"] = snapshot.ApprovalStatus, ["is_auto_approved"] = false },
            ["images"] = images.Where(i => i.Head is not null).Select(i => Image(i, i.Head, snapshot, withUrl: false)).ToList(),
            ["changed"] = changed,
            ["added"] = diff ? Entries("added") : [],
            ["removed"] = diff ? Entries("removed") : [],
            ["renamed"] = new List<object>(),
            ["errored"] = new List<object>(),
            ["unchanged"] = diff ? Entries("unchanged") : [],
            ["skipped"] = diff ? Entries("skipped") : [],
            ["total_count"] = images.Count,
        };
        foreach (var status in new[] { "changed", "added", "removed", "renamed", "unchanged", "errored", "skipped" })
        {
            result[status + "_count"] = diff ? images.Count(i => i.Status == status) : 0;
        }
        return result;
    }

    public static Dictionary<string, object?> ImageDetail(DemoData data, SandboxSnapshot snapshot, SandboxSnapshotImage image)
    {
        var diff = snapshot.ComparisonType == "diff";
        return new Dictionary<string, object?>
        {
            ["image_file_name"] = image.FileName,
            ["comparison_status"] = diff ? image.Status : null,
            ["head_image"] = image.Head is null ? null : Image(image, image.Head, snapshot, withUrl: true),
            ["base_image"] = !diff || image.Base is null ? null : Image(image, image.Base, snapshot, withUrl: true),
            ["diff_image_url"] = image.DiffMask is null ? null : DownloadUrl(snapshot, image.DiffMask),
            ["diff_percentage"] = image.Diff,
            ["previous_image_file_name"] = image.PreviousFileName,
        };
    }

    private static Dictionary<string, object?> Image(SandboxSnapshotImage image, SandboxPng? png, SandboxSnapshot snapshot, bool withUrl)
    {
        var json = new Dictionary<string, object?>
        {
            ["display_name"] = image.DisplayName,
            ["group"] = image.Group,
            ["image_file_name"] = image.FileName,
            ["description"] = image.Description,
            ["width"] = png?.Width,
            ["height"] = png?.Height,
            ["content_hash"] = png?.Key,
        };
        if (withUrl && png is not null)
        {
            json["image_url"] = DownloadUrl(snapshot, png);
            json["context"] = new Dictionary<string, object?> { ["simulator"] = new Dictionary<string, object?> { ["device_name"] = "iPhone 16" } };
        }
        return json;
    }

    private static string DownloadUrl(SandboxSnapshot snapshot, SandboxPng png) =>
        $"/api/0/organizations/{snapshot.OrganizationSlug}/preprodartifacts/snapshots/{snapshot.Id}/images/{png.Key}.png/download/";
}
