using System.ComponentModel;

namespace SentryMcp.Core.Tools.Output;

/// <summary>One line of a frame's source context.</summary>
public sealed record SourceLineOutput(int LineNo, string Line);

/// <summary>One stack frame.</summary>
public sealed record FrameOutput(
    string? Filename,
    string? Function,
    string? Module,
    int? LineNo,
    int? ColNo,
    bool InApp,
    [property: Description("Source lines around lineNo as Sentry sent them (at most 11, lines cut at 240 characters), for the frames nearest the crash; null when there are none.")]
    IReadOnlyList<SourceLineOutput>? Context = null);

/// <summary>A thread of an event, without its frames.</summary>
public sealed record ThreadSummaryOutput(string? Id, string? Name, bool Crashed, bool Current, int FrameCount);

/// <summary>The selected thread with its frames, oldest call first (as Sentry lists them).</summary>
public sealed record ThreadStacktraceOutput(string? Id, string? Name, bool Crashed, bool Current, IReadOnlyList<FrameOutput> Frames);

/// <summary>The answer of get_event_stacktrace.</summary>
public sealed record EventStacktraceOutput(
    string IssueId,
    string EventId,
    [property: Description("The stack trace shown; null when the event has no stack trace at all.")] ThreadStacktraceOutput? Thread,
    [property: Description("Why this thread was shown: the caller's selector, Sentry's default selection, or the exception's own trace.")] string? SelectionReason,
    [property: Description("Every thread of the event, to choose another with the thread parameter.")] IReadOnlyList<ThreadSummaryOutput> Threads);

/// <summary>One event of an issue, as search_issue_events lists it.</summary>
public sealed record IssueEventOutput(
    string EventId,
    string? Title,
    string? DateCreated,
    string? Environment,
    string? Release,
    [property: Description("The user the event was reported for (email, username or id).")] string? User,
    string? TraceId,
    string Url);

/// <summary>The answer of search_issue_events.</summary>
public sealed record IssueEventListOutput(
    string IssueId,
    [property: Description("The Sentry search query that was run, after any translation.")] string Query,
    [property: Description("The query was translated from natural language by the language model.")] bool Translated,
    IReadOnlyList<IssueEventOutput> Events,
    bool HasMore,
    [property: Description("Sentry's cursor for the next page of events.")] string? NextCursor);
