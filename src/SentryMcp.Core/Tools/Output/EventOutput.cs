using System.ComponentModel;

namespace SentryMcp.Core.Tools.Output;

/// <summary>An exception of an event, with its frames oldest call first (the crash is last).</summary>
public sealed record ExceptionOutput(string? Type, string? Value, string? Mechanism, bool? Handled, IReadOnlyList<FrameOutput> Frames);

public sealed record TagOutput(string Key, string? Value);

/// <summary>An event as tools return it in <c>structuredContent</c>.</summary>
public sealed record EventOutput(
    string Id,
    string? Title,
    string? Message,
    string? Platform,
    string? DateCreated,
    string? Release,
    string? TraceId,
    [property: Description("Outermost (reported) exception first, causes after it.")] IReadOnlyList<ExceptionOutput> Exceptions,
    IReadOnlyList<TagOutput> Tags);

public sealed record IssueTagValueOutput(string? Value, long Count);

/// <summary>How an issue's events spread over one tag's most common values.</summary>
public sealed record IssueTagSummaryOutput(
    string Key,
    string? Name,
    [property: Description("Events that carry this tag.")] long? TotalValues,
    [property: Description("The most common values, most frequent first (at most 5).")] IReadOnlyList<IssueTagValueOutput> TopValues);

/// <summary>get_issue_details: the issue, the event shown and Seer's summary when a run exists.</summary>
public sealed record IssueDetailsOutput(
    IssueOutput Issue,
    EventOutput? Event,
    SeerAnalysisOutput? Seer,
    [property: Description("The issue's tag summary (at most 10 tags) when Sentry returned one; null otherwise.")] IReadOnlyList<IssueTagSummaryOutput>? Tags = null);
