using System.Globalization;
using System.Text.Json;
using SentryMcp.Core.Api;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Formatting;

namespace SentryMcp.Core.Tools.Output;

/// <summary>Issues, events and Seer runs from Sentry's JSON to their <c>structuredContent</c> records.</summary>
internal static class IssueOutputs
{
    private const int MaxFrames = 25;
    private const int MaxTags = 30;

    public static IssueOutput Issue(SentryIssue issue, string organizationSlug, SentryHost host) => new(
        issue.Id,
        issue.DisplayId,
        issue.Title,
        issue.Culprit,
        issue.Project?.Slug,
        issue.Status,
        issue.Substatus,
        issue.Level,
        issue.Priority,
        long.TryParse(issue.Count, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : null,
        issue.UserCount,
        issue.FirstSeen,
        issue.LastSeen,
        issue.AssignedTo is { Type: { } type, Id: { } id } ? $"{type}:{id}" : null,
        IssueFormatter.Link(issue, organizationSlug, host),
        Stats(issue.Stats));

    /// <summary>Sentry's <c>stats</c>: one period (<c>24h</c>, <c>14d</c>…) of <c>[timestamp, count]</c> pairs.</summary>
    private static List<IssueStatPoint>? Stats(JsonElement stats)
    {
        var series = stats.Properties().Select(p => p.Value).FirstOrDefault(v => v.ValueKind == JsonValueKind.Array);
        if (series.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        var points = new List<IssueStatPoint>();
        foreach (var pair in series.EnumerateArray())
        {
            if (pair.ValueKind == JsonValueKind.Array && pair.GetArrayLength() == 2
                && pair[0].TryGetInt64(out var timestamp) && pair[1].TryGetInt64(out var value))
            {
                points.Add(new IssueStatPoint(timestamp, value));
            }
        }
        return points;
    }

    public static EventOutput Event(SentryEvent ev)
    {
        var exceptions = new List<ExceptionOutput>();
        foreach (var entry in (ev.Entries ?? []).Where(e => e.Type == "exception"))
        {
            // Sentry lists chained exceptions innermost first; the reported (outermost) one comes first here.
            foreach (var exception in entry.Data.Prop("values").Items().Reverse())
            {
                var mechanism = exception.Prop("mechanism");
                var frames = exception.Prop("stacktrace").Prop("frames").Items().ToList();
                exceptions.Add(new ExceptionOutput(
                    exception.Str("type"),
                    exception.Str("value") is { } value ? Markdown.Truncate(value, 2000) : null,
                    mechanism.Str("type"),
                    mechanism.Bool("handled"),
                    Frames([.. frames.Skip(Math.Max(0, frames.Count - MaxFrames))])));
            }
        }
        return new EventOutput(
            ev.EventId ?? ev.Id ?? "",
            ev.Title,
            ev.Message is { Length: > 0 } message ? Markdown.Truncate(message, 2000) : null,
            ev.Platform,
            ev.DateCreated,
            ev.Release.Scalar() ?? ev.Release.Str("version"),
            EventFormatter.TraceId(ev),
            exceptions,
            [.. (ev.Tags ?? []).Where(t => t.Key is not null).Take(MaxTags).Select(t => new TagOutput(t.Key!, t.Value))]);
    }

    private static FrameOutput Frame(JsonElement frame, bool withContext) => new(
        frame.Str("filename") ?? frame.Str("module") ?? frame.Str("absPath"),
        frame.Str("function"),
        frame.Str("module"),
        Int(frame.Prop("lineNo")),
        Int(frame.Prop("colNo")),
        frame.Bool("inApp") == true,
        withContext ? SourceContext(frame) : null);

    /// <summary>Frames (oldest first) with their source context for the newest <see cref="MaxContextFrames"/> of them.</summary>
    public static List<FrameOutput> Frames(IReadOnlyList<JsonElement> frames, Func<JsonElement, bool, FrameOutput>? frame = null)
    {
        frame ??= Frame;
        var withContextFrom = frames.Count - MaxContextFrames;
        return [.. frames.Select((f, i) => frame(f, i >= withContextFrom))];
    }

    private const int MaxContextFrames = 50;
    private const int MaxContextLines = 11;
    private const int MaxContextLineChars = 240;

    /// <summary>Sentry's <c>context</c>: <c>[[lineNo, "source"], …]</c>; the lines nearest <c>lineNo</c> are kept.</summary>
    public static List<SourceLineOutput>? SourceContext(JsonElement frame)
    {
        var lines = new List<SourceLineOutput>();
        foreach (var pair in frame.Prop("context").Items())
        {
            if (pair.ValueKind == JsonValueKind.Array && pair.GetArrayLength() == 2 && pair[0].TryGetInt32(out var number)
                && pair[1].ValueKind == JsonValueKind.String)
            {
                var line = pair[1].GetString() ?? "";
                lines.Add(new SourceLineOutput(number, line.Length > MaxContextLineChars ? line[..MaxContextLineChars] + "…" : line));
            }
        }
        if (lines.Count == 0)
        {
            return null;
        }
        if (lines.Count > MaxContextLines)
        {
            var at = Int(frame.Prop("lineNo")) is { } lineNo ? Math.Max(0, lines.FindIndex(l => l.LineNo == lineNo)) : lines.Count / 2;
            var start = Math.Clamp(at - (MaxContextLines / 2), 0, lines.Count - MaxContextLines);
            lines = lines.GetRange(start, MaxContextLines);
        }
        return lines;
    }

    private const int MaxTagSummaries = 10;
    private const int MaxTagValues = 5;

    /// <summary>The tag summary of Sentry's issue details (<c>tags</c> with <c>topValues</c>).</summary>
    public static List<IssueTagSummaryOutput>? TagSummary(SentryIssue issue) => issue.Tags is not { Count: > 0 } tags ? null :
        [.. tags.Where(t => t.Key is not null && t.TopValues is { Count: > 0 }).Take(MaxTagSummaries).Select(t => new IssueTagSummaryOutput(
            t.Key!,
            t.Name,
            t.TotalValues,
            [.. t.TopValues!.OrderByDescending(v => v.Count ?? 0).Take(MaxTagValues).Select(v => new IssueTagValueOutput(v.Value ?? v.Name, v.Count ?? 0))]))];

    private static int? Int(JsonElement value) => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n : null;

    public static SeerAnalysisOutput Seer(string issueId, AutofixRun? run, string? runId = null) => new(
        issueId,
        run?.RunId ?? runId,
        run is null ? "processing" : Status(run.NormalizedStatus),
        run is null ? null : SeerFormatter.RootCauseSummary(run),
        run is null ? null : SeerFormatter.SolutionSummary(run),
        [.. (run?.RepoPrStates ?? []).Select(p => p.Value.PrUrl).OfType<string>().Where(u => u.Length > 0)]);

    public static string Status(SeerStatus status) => status switch
    {
        SeerStatus.Completed => "completed",
        SeerStatus.Error => "error",
        SeerStatus.AwaitingUserInput => "awaiting_user_input",
        _ => "processing",
    };
}
