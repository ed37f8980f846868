using System.ComponentModel;

namespace SentryMcp.Core.Tools.Output;

/// <summary>One breadcrumb: what the app or user did shortly before the event.</summary>
public sealed record BreadcrumbOutput(
    string? Timestamp,
    string? Type,
    string? Category,
    string? Level,
    string? Message,
    [property: Description("The breadcrumb's data as compact JSON, when it has any.")] string? Data);

/// <summary>The breadcrumb trail of one event of an issue, oldest first.</summary>
public sealed record BreadcrumbListOutput(
    string IssueId,
    string EventId,
    IReadOnlyList<BreadcrumbOutput> Breadcrumbs,
    [property: Description("How many breadcrumbs the event has; more than listed when the trail was cut to the newest.")] int Total);

/// <summary>One value of a tag within an issue.</summary>
public sealed record TagValueOutput(string? Value, long Count, string? FirstSeen, string? LastSeen);

/// <summary>How an issue's events spread over one tag's values.</summary>
public sealed record TagDistributionOutput(
    string Key,
    string Name,
    [property: Description("Events of the issue that carry this tag.")] long TotalValues,
    IReadOnlyList<TagValueOutput> TopValues);

/// <summary>The answer of get_issue_tag_values (the official server's shape).</summary>
public sealed record IssueTagValuesOutput(TagDistributionOutput Tag);

/// <summary>An entry of an issue's activity feed or one of its comments.</summary>
public sealed record ActivityOutput(
    string? Id,
    [property: Description("Sentry's activity type: note, set_resolved, set_ignored, assigned, first_seen…")] string? Type,
    [property: Description("Who did it; null when Sentry itself did.")] string? User,
    [property: Description("The comment text, or the activity's own words (reason, message) when it has them.")] string? Text,
    string? DateCreated);

/// <summary>An issue's activity feed and comments, newest first.</summary>
public sealed record IssueActivityOutput(
    string IssueId,
    IReadOnlyList<ActivityOutput> Activity,
    [property: Description("The issue's comments; null when includeComments was false.")] IReadOnlyList<ActivityOutput>? Comments,
    [property: Description("The feed has more entries than limit allowed.")] bool HasMore);

/// <summary>What one user said about an error (a crash report or legacy user feedback).</summary>
public sealed record UserReportOutput(string? Id, string? EventId, string Reporter, string? Email, string? Comments, string? DateCreated);

/// <summary>A page of an issue's user reports.</summary>
public sealed record UserReportListOutput(
    string IssueId,
    IReadOnlyList<UserReportOutput> Reports,
    bool HasMore,
    [property: Description("Pass as cursor, with the same issue, for the next page.")] string? NextCursor);
