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

/// <summary>get_issue_details: the issue, the event shown and Seer's summary when a run exists.</summary>
public sealed record IssueDetailsOutput(IssueOutput Issue, EventOutput? Event, SeerAnalysisOutput? Seer);
