using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class GetEventStacktraceTool
{
    private const int MaxFrames = 200;

    [McpServerTool(Name = "get_event_stacktrace", Title = "Get event stacktrace", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(EventStacktraceOutput))]
    [Description("Get the full stack trace of one thread of a Sentry event, and the list of the event's threads.\n\n" +
        "Use this tool when you need to:\n- Read the whole stack trace of the crashed thread, beyond what get_issue_details shows\n- Inspect a thread that did not crash (a deadlock, a blocked main thread)\n- Get the thread Sentry selects by default when none is named\n\n" +
        "<examples>\nget_event_stacktrace(organizationSlug='my-org', issueId='PROJECT-123')\nget_event_stacktrace(organizationSlug='my-org', issueId='PROJECT-123', eventId='c49541c747cb4d8aa3efb70ca5aba243', thread=259)\nget_event_stacktrace(organizationSlug='my-org', issueId='PROJECT-123', thread='main')\n</examples>\n\n" +
        "<hints>\n- Without thread, the answer is the thread Sentry selects: the first crashed thread, else the first with a stack trace, else the first.\n" +
        "- thread is a numeric thread ID or an exact thread name, as the answer's thread list shows them.\n- An event without threads answers with its exception's stack trace.\n</hints>")]
    [SentryTool(PermissionGroup.Read, "event:read", Skills = [Skill.Inspect, Skill.Triage, Skill.Seer])]
    public static async Task<CallToolResult> GetEventStacktrace(
        SentryToolContext context,
        [Description("The organization's slug. find_organizations lists the organizations you can access.")] string organizationSlug,
        [Description("The issue ID, e.g. 'PROJECT-123' (short ID) or a numeric ID.")] string issueId,
        [Description("The organization's region URL, if known (from find_organizations). Leave empty for self-hosted Sentry.")] string? regionUrl = null,
        [Description("The event ID (32 hexadecimal characters), or 'latest' (the default).")] string? eventId = null,
        [Description("Which thread: a numeric thread ID (e.g. 259) or an exact thread name (e.g. 'main'). Omit for Sentry's default selection.")] JsonElement? thread = null,
        CancellationToken cancellationToken = default)
    {
        var selector = Selector(thread);
        var wanted = IssueScope.EventIdOrLatest(eventId);
        var (org, issue) = await IssueScope.ResolveAsync(context, SentryToolContext.Require(organizationSlug, nameof(organizationSlug)),
            SentryToolContext.Require(issueId, nameof(issueId)), null, regionUrl, cancellationToken).ConfigureAwait(false);
        var ev = await IssueScope.EventAsync(context, org, issue, wanted, regionUrl, cancellationToken).ConfigureAwait(false);
        var id = ev.EventId ?? ev.Id ?? wanted;
        var entries = ev.Entries ?? [];
        var exceptions = entries.Where(e => e.Type == "exception").SelectMany(e => e.Data.Prop("values").Items()).ToList();
        var threads = entries.Where(e => e.Type == "threads").SelectMany(e => e.Data.Prop("values").Items())
            .Select(t => (Json: t, Frames: FramesOf(t, exceptions))).ToList();
        var summaries = threads.Select(t => Summary(t.Json, t.Frames.Count)).ToList();

        var md = new Markdown().Title($"Stacktrace of Issue {issue.DisplayId} in **{org}**")
            .Field("Event ID", id)
            .Field("Error", ev.Title)
            .Line();
        ThreadStacktraceOutput? shown;
        string? reason;
        if (threads.Count == 0)
        {
            if (selector is not null)
            {
                throw new UserInputException($"Event {id} has no thread list, so thread '{selector}' cannot be selected. Omit thread to get the exception's stack trace.");
            }
            // Most platforms report a single stack trace on the exception, not a thread list.
            var trace = exceptions.LastOrDefault(e => e.Prop("stacktrace").Prop("frames").Items().Any());
            shown = trace.ValueKind == JsonValueKind.Undefined ? null
                : new ThreadStacktraceOutput(null, null, Crashed: true, Current: true, IssueOutputs.Frames([.. trace.Prop("stacktrace").Prop("frames").Items()], Frame));
            reason = shown is null ? null : "The event has no thread list; this is the stack trace of its exception.";
            md.Paragraph(shown is null ? "This event has no stack trace: neither a thread list nor an exception with frames." : reason!);
        }
        else
        {
            var index = Select(summaries, selector, out reason);
            var (json, frames) = threads[index];
            var summary = summaries[index];
            shown = new ThreadStacktraceOutput(summary.Id, summary.Name, summary.Crashed, summary.Current, IssueOutputs.Frames(frames, Frame));
            md.Field("Thread", $"{summary.Name ?? "(unnamed)"} (ID {summary.Id ?? "?"})" + (summary.Crashed ? ", crashed" : "") + (summary.Current ? ", current" : ""))
                .Field("State", json.Str("state"))
                .Field("Selected Because", reason)
                .Line();
        }
        if (shown is not null)
        {
            AppendFrames(md, shown.Frames);
        }
        if (summaries.Count > 0)
        {
            md.Heading("Threads");
            foreach (var t in summaries)
            {
                var marker = shown is not null && t.Id == shown.Id && t.Name == shown.Name ? " ← shown" : "";
                md.Bullet($"{Markdown.Code(t.Id ?? "?")} {t.Name ?? "(unnamed)"}: {(t.FrameCount == 0 ? "no stack trace" : Frames(t.FrameCount))}"
                    + (t.Crashed ? ", crashed" : "") + (t.Current ? ", current" : "") + marker);
            }
            md.Line();
        }
        var other = summaries.FirstOrDefault(t => t.FrameCount > 0 && (shown is null || t.Id != shown.Id));
        var hints = new List<string> { $"The error, request and breadcrumbs: `get_issue_details(organizationSlug='{org}', issueId='{issue.DisplayId}', eventId='{id}')`." };
        if (other is not null)
        {
            hints.Add($"Another thread: `get_event_stacktrace(organizationSlug='{org}', issueId='{issue.DisplayId}', eventId='{id}', thread={ThreadArgument(other)})`.");
        }
        return ToolResults.Structured(md.UsingThisInformation([.. hints]).ToString(), new EventStacktraceOutput(issue.DisplayId, id, shown, reason, summaries));
    }

    /// <summary>A thread's frames; a thread that crashed with an exception often carries its trace on the exception instead.</summary>
    private static List<JsonElement> FramesOf(JsonElement thread, List<JsonElement> exceptions)
    {
        var frames = thread.Prop("stacktrace").Prop("frames").Items().ToList();
        if (frames.Count > 0 || thread.Str("id") is not { } threadId)
        {
            return frames;
        }
        var owned = exceptions.LastOrDefault(e => e.Str("threadId") == threadId);
        return owned.Prop("stacktrace").Prop("frames").Items().ToList();
    }

    private static string? Selector(JsonElement? thread) => thread switch
    {
        null or { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt64(out var number) => number.ToString(CultureInfo.InvariantCulture),
        { ValueKind: JsonValueKind.String } s when !string.IsNullOrWhiteSpace(s.GetString()) => s.GetString()!.Trim(),
        { ValueKind: JsonValueKind.String } => null,
        _ => throw new UserInputException("thread must be a numeric thread ID (e.g. 259) or a thread name (e.g. 'main')."),
    };

    /// <summary>Sentry's UI rule without a selector; with one, an exact name first, then a numeric id, and never a guess.</summary>
    private static int Select(List<ThreadSummaryOutput> summaries, string? selector, out string reason)
    {
        if (selector is null)
        {
            reason = "Sentry's default selection: the first crashed thread, else the first with a stack trace, else the first.";
            var crashed = summaries.FindIndex(t => t.Crashed);
            var withFrames = summaries.FindIndex(t => t.FrameCount > 0);
            return crashed >= 0 ? crashed : withFrames >= 0 ? withFrames : 0;
        }
        var byName = summaries.Select((t, i) => (t, i)).Where(x => x.t.Name == selector).ToList();
        var matches = byName.Count > 0 ? byName : summaries.Select((t, i) => (t, i)).Where(x => x.t.Id == selector).ToList();
        if (matches.Count == 1)
        {
            reason = byName.Count == 1 ? $"Thread named '{selector}'." : $"Thread with ID {selector}.";
            return matches[0].i;
        }
        var list = string.Join("; ", summaries.Select(t => $"{t.Id ?? "?"} '{t.Name ?? ""}'"));
        throw new UserInputException(matches.Count == 0
            ? $"No thread has the name or ID '{selector}'. This event's threads (ID 'name'): {list}."
            : $"{matches.Count} threads are named '{selector}'; pass the numeric thread ID instead. Threads (ID 'name'): {list}.");
    }

    private static ThreadSummaryOutput Summary(JsonElement thread, int frames) =>
        new(thread.Str("id"), thread.Str("name"), thread.Bool("crashed") == true, thread.Bool("current") == true, frames);

    private static string ThreadArgument(ThreadSummaryOutput t) =>
        long.TryParse(t.Id, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? t.Id! : $"'{t.Name}'";

    private static FrameOutput Frame(JsonElement frame, bool withContext) => new(
        frame.Str("filename") ?? frame.Str("absPath"),
        frame.Str("function"),
        frame.Str("module") ?? frame.Str("package"),
        Int(frame.Str("lineNo")),
        Int(frame.Str("colNo")),
        frame.Bool("inApp") == true,
        withContext ? IssueOutputs.SourceContext(frame) : null);

    private static void AppendFrames(Markdown md, IReadOnlyList<FrameOutput> frames)
    {
        if (frames.Count == 0)
        {
            md.Paragraph("This thread has no stack trace.");
            return;
        }
        var first = Math.Max(0, frames.Count - MaxFrames);
        var sb = new StringBuilder();
        if (first > 0)
        {
            sb.Append("  … ").Append(first).AppendLine(" older frames omitted");
        }
        foreach (var f in frames.Skip(first))
        {
            var where = f.Filename ?? f.Module ?? "<unknown>";
            if (f.LineNo is > 0)
            {
                where += f.ColNo is > 0 ? $":{f.LineNo}:{f.ColNo}" : $":{f.LineNo}";
            }
            sb.Append(f.Function is null ? where : $"{where} in {f.Function}").AppendLine(f.InApp ? "  [in-app]" : "");
        }
        md.Line($"**Stacktrace** ({Frames(frames.Count)}, most recent call last):").CodeBlock(sb.ToString());
    }

    private static string Frames(int count) => count == 1 ? "1 frame" : $"{count} frames";

    private static int? Int(string? value) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
