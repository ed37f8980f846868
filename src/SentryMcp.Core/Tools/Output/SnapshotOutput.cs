using System.ComponentModel;

namespace SentryMcp.Core.Tools.Output;

/// <summary>One image of a preprod snapshot.</summary>
public sealed record SnapshotImageOutput(
    [property: Description("Pass as imageIdentifier to get_snapshot_image.")] string ImageFileName,
    string? DisplayName,
    string? Group,
    string? Description,
    int? Width,
    int? Height,
    [property: Description("changed, added, removed, renamed, errored, unchanged or skipped; null in a snapshot without a comparison.")] string? Status,
    [property: Description("Share of changed pixels, 0 to 100.")] double? DiffPercent,
    string? PreviousImageFileName);

/// <summary>How many images fall in each comparison state.</summary>
public sealed record SnapshotCountsOutput(int Total, int Changed, int Added, int Removed, int Renamed, int Unchanged, int Errored, int Skipped);

/// <summary>A preprod snapshot and how its images compare with the base build.</summary>
public sealed record SnapshotOutput(
    string SnapshotId,
    string OrganizationSlug,
    string Url,
    [property: Description("diff (compared with a base build) or solo.")] string? ComparisonType,
    string? State,
    string? ProjectId,
    string? HeadRef,
    string? HeadSha,
    string? BaseRef,
    string? BaseSha,
    string? PrNumber,
    string? RepoName,
    string? ApprovalStatus,
    SnapshotCountsOutput Counts,
    [property: Description("Changed, added, removed, renamed and errored images; unchanged and skipped ones too when showUnmodified was true.")] IReadOnlyList<SnapshotImageOutput> Images);

/// <summary>The newest base (main-branch) snapshot of an app.</summary>
public sealed record LatestBaseSnapshotOutput(
    string SnapshotId,
    string OrganizationSlug,
    string AppId,
    string Url,
    string? AppName,
    string? Platform,
    string? Branch,
    string? HeadSha,
    string? ProjectId,
    IReadOnlyList<SnapshotImageOutput> Images);
