using System.ComponentModel;

namespace SentryMcp.Core.Tools.Output;

/// <summary>One bucket of an issue's event counts over time (for a sparkline).</summary>
public sealed record IssueStatPoint(
    [property: Description("Start of the bucket, in Unix seconds.")] long Timestamp,
    long Count);

/// <summary>An issue (Sentry calls it a group) as tools return it in <c>structuredContent</c>.</summary>
public sealed record IssueOutput(
    string Id,
    [property: Description("The short ID, e.g. PROJECT-123: pass it as issueId to other tools.")] string ShortId,
    string? Title,
    string? Culprit,
    string? Project,
    string? Status,
    string? Substatus,
    string? Level,
    string? Priority,
    long? Count,
    long? UserCount,
    string? FirstSeen,
    string? LastSeen,
    [property: Description("user:<id> or team:<id>; null when unassigned.")] string? AssignedTo,
    string Url,
    [property: Description("Event counts over time, oldest first, when Sentry returned them; null otherwise.")] IReadOnlyList<IssueStatPoint>? Stats);

/// <summary>search_issues: a page of issues and the Sentry query that found them.</summary>
public sealed record IssueSearchOutput(
    [property: Description("The Sentry search query that ran (after translation from natural language, if any).")] string Query,
    string Sort,
    string Period,
    IReadOnlyList<IssueOutput> Issues,
    bool HasMore,
    [property: Description("Pass it as cursor to get the next page; null on the last page.")] string? NextCursor);
