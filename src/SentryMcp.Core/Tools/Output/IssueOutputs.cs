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
                    [.. frames.Skip(Math.Max(0, frames.Count - MaxFrames)).Select(Frame)]));
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

    private static FrameOutput Frame(JsonElement frame) => new(
        frame.Str("filename") ?? frame.Str("module") ?? frame.Str("absPath"),
        frame.Str("function"),
        frame.Str("module"),
        Int(frame.Prop("lineNo")),
        Int(frame.Prop("colNo")),
        frame.Bool("inApp") == true);

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
