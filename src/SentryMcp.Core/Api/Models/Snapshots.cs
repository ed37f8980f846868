using System.Text.Json;
using System.Text.Json.Serialization;

namespace SentryMcp.Core.Api.Models;

/// <summary>
/// An image of a preprod snapshot, or a head/base pair when Sentry compared two builds (then
/// <see cref="HeadImage"/>, <see cref="BaseImage"/> and <see cref="Diff"/> are set). Sentry lists
/// unchanged and skipped images in either form, so one lenient record reads both.
/// </summary>
public sealed record SnapshotImage
{
    [JsonPropertyName("display_name")] public string? DisplayName { get; init; }
    [JsonPropertyName("group")] public string? Group { get; init; }
    [JsonPropertyName("image_file_name")] public string? ImageFileName { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("width")] public int? Width { get; init; }
    [JsonPropertyName("height")] public int? Height { get; init; }
    [JsonPropertyName("image_url")] public string? ImageUrl { get; init; }
    [JsonPropertyName("content_hash")] public string? ContentHash { get; init; }
    [JsonPropertyName("context")] public JsonElement? Context { get; init; }
    [JsonPropertyName("head_image")] public SnapshotImage? HeadImage { get; init; }
    [JsonPropertyName("base_image")] public SnapshotImage? BaseImage { get; init; }
    /// <summary>Share of changed pixels, 0–1.</summary>
    [JsonPropertyName("diff")] public double? Diff { get; init; }

    /// <summary>The image itself: the head of a pair, else its base, else this entry.</summary>
    [JsonIgnore] public SnapshotImage Primary => HeadImage ?? BaseImage ?? this;
}

public sealed record SnapshotVcsInfo(
    [property: JsonPropertyName("head_sha")] string? HeadSha,
    [property: JsonPropertyName("base_sha")] string? BaseSha,
    [property: JsonPropertyName("head_ref")] string? HeadRef,
    [property: JsonPropertyName("base_ref")] string? BaseRef,
    [property: JsonPropertyName("pr_number")] string? PrNumber,
    [property: JsonPropertyName("repo_name")] string? RepoName);

public sealed record SnapshotApprovalInfo(
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("is_auto_approved")] bool? IsAutoApproved);

public sealed record SnapshotAppInfo(
    [property: JsonPropertyName("app_id")] string? AppId,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("platform")] string? Platform);

/// <summary><c>GET /organizations/{org}/preprodartifacts/snapshots/{id}/</c> and <c>…/snapshots/latest-base/</c>.</summary>
public sealed record SnapshotDetails
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("project_id")] public string? ProjectId { get; init; }
    [JsonPropertyName("comparison_type")] public string? ComparisonType { get; init; }
    [JsonPropertyName("state")] public string? State { get; init; }
    [JsonPropertyName("app_info")] public SnapshotAppInfo? AppInfo { get; init; }
    [JsonPropertyName("vcs_info")] public SnapshotVcsInfo? VcsInfo { get; init; }
    [JsonPropertyName("approval_info")] public SnapshotApprovalInfo? ApprovalInfo { get; init; }
    [JsonPropertyName("images")] public List<SnapshotImage>? Images { get; init; }
    [JsonPropertyName("changed")] public List<SnapshotImage>? Changed { get; init; }
    [JsonPropertyName("added")] public List<SnapshotImage>? Added { get; init; }
    [JsonPropertyName("removed")] public List<SnapshotImage>? Removed { get; init; }
    [JsonPropertyName("renamed")] public List<SnapshotImage>? Renamed { get; init; }
    [JsonPropertyName("errored")] public List<SnapshotImage>? Errored { get; init; }
    [JsonPropertyName("unchanged")] public List<SnapshotImage>? Unchanged { get; init; }
    [JsonPropertyName("skipped")] public List<SnapshotImage>? Skipped { get; init; }
    [JsonPropertyName("total_count")] public int? TotalCount { get; init; }
    [JsonPropertyName("changed_count")] public int? ChangedCount { get; init; }
    [JsonPropertyName("added_count")] public int? AddedCount { get; init; }
    [JsonPropertyName("removed_count")] public int? RemovedCount { get; init; }
    [JsonPropertyName("renamed_count")] public int? RenamedCount { get; init; }
    [JsonPropertyName("unchanged_count")] public int? UnchangedCount { get; init; }
    [JsonPropertyName("errored_count")] public int? ErroredCount { get; init; }
    [JsonPropertyName("skipped_count")] public int? SkippedCount { get; init; }
}

/// <summary><c>GET /organizations/{org}/preprodartifacts/snapshots/{id}/images/{identifier}/</c>.</summary>
public sealed record SnapshotImageDetail
{
    [JsonPropertyName("image_file_name")] public string? ImageFileName { get; init; }
    [JsonPropertyName("comparison_status")] public string? ComparisonStatus { get; init; }
    [JsonPropertyName("head_image")] public SnapshotImage? HeadImage { get; init; }
    [JsonPropertyName("base_image")] public SnapshotImage? BaseImage { get; init; }
    [JsonPropertyName("diff_image_url")] public string? DiffImageUrl { get; init; }
    [JsonPropertyName("diff_percentage")] public double? DiffPercentage { get; init; }
    [JsonPropertyName("previous_image_file_name")] public string? PreviousImageFileName { get; init; }
}
