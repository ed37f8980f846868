using System.Globalization;
using System.Text;
using System.Text.Json;
using SentryMcp.Core.Api;
using SentryMcp.Core.Api.Models;

namespace SentryMcp.Core.Formatting;

/// <summary>
/// Renders an event for a reader who wants to fix the bug: the exception with a readable stack
/// trace (in-app frames marked, source around the crashing line), then request, breadcrumbs, tags
/// and contexts, each capped.
/// </summary>
public static class EventFormatter
{
    private const int MaxFrames = 25;
    private const int MaxBreadcrumbs = 10;
    private const int MaxTags = 30;

    public static void Append(Markdown md, SentryEvent ev, string organizationSlug, SentryHost host)
    {
        md.Heading("Event Details")
            .Field("Event ID", ev.EventId ?? ev.Id)
            .Field("Occurred At", Markdown.Date(ev.DateCreated))
            .Field("Release", ev.Release.Scalar() ?? ev.Release.Str("version"));
        if (TraceId(ev) is { } traceId)
        {
            md.Field("Trace ID", $"{traceId} ({Markdown.Link("view trace", host.TraceUrl(organizationSlug, traceId))})");
        }
        md.Line();
        var entries = ev.Entries ?? [];
        var hasError = false;
        foreach (var entry in entries.Where(e => e.Type == "exception"))
        {
            AppendExceptions(md, entry.Data);
            hasError = true;
        }
        AppendEvidence(md, ev.Occurrence);
        foreach (var entry in entries.Where(e => e.Type == "message"))
        {
            var text = entry.Data.Str("formatted") ?? entry.Data.Str("message");
            if (!string.IsNullOrWhiteSpace(text))
            {
                md.Heading("Message", 3).CodeBlock(Markdown.Truncate(text, 2000));
                hasError = true;
            }
        }
        if (!hasError && !string.IsNullOrWhiteSpace(ev.Message))
        {
            md.Heading("Message", 3).CodeBlock(Markdown.Truncate(ev.Message, 2000));
        }
        foreach (var entry in entries.Where(e => e.Type == "request"))
        {
            AppendRequest(md, entry.Data);
        }
        foreach (var entry in entries.Where(e => e.Type == "breadcrumbs"))
        {
            AppendBreadcrumbs(md, entry.Data);
        }
        AppendTags(md, ev.Tags);
        AppendContexts(md, ev.Contexts);
        AppendUser(md, ev.User);
    }

    public static string? TraceId(SentryEvent ev) =>
        ev.Contexts.Prop("trace").Str("trace_id") is { Length: > 0 } id ? id : null;

    private static void AppendExceptions(Markdown md, JsonElement data)
    {
        // Sentry lists chained exceptions innermost first; the outermost one is what was reported.
        var values = data.Prop("values").Items().Reverse().ToList();
        for (var i = 0; i < values.Count; i++)
        {
            var exception = values[i];
            var type = exception.Str("type");
            var value = exception.Str("value");
            md.Heading(i == 0 ? "Error" : "Caused By", 3)
                .CodeBlock(Markdown.Truncate(string.Join(": ", new[] { type, value }.Where(s => !string.IsNullOrEmpty(s))), 2000));
            var mechanism = exception.Prop("mechanism");
            if (mechanism.Str("type") is { } mechanismType)
            {
                var handled = mechanism.Bool("handled");
                md.Field("Mechanism", mechanismType + (handled is null ? "" : handled.Value ? " (handled)" : " (unhandled)")).Line();
            }
            AppendStacktrace(md, exception.Prop("stacktrace"));
        }
    }

    private static void AppendStacktrace(Markdown md, JsonElement stacktrace)
    {
        var frames = stacktrace.Prop("frames").Items().ToList();
        if (frames.Count == 0)
        {
            return;
        }
        var crashing = frames.FindLastIndex(f => f.Bool("inApp") == true);
        if (crashing < 0)
        {
            crashing = frames.Count - 1;
        }
        var first = Math.Max(0, frames.Count - MaxFrames);
        var sb = new StringBuilder();
        if (first > 0)
        {
            sb.Append("  … ").Append(first).AppendLine(" older frames omitted");
        }
        for (var i = first; i < frames.Count; i++)
        {
            var frame = frames[i];
            sb.Append(Location(frame));
            sb.AppendLine(frame.Bool("inApp") == true ? "  [in-app]" : "");
            if (i == crashing)
            {
                AppendContext(sb, frame);
            }
        }
        md.Line("**Stacktrace** (most recent call last):").CodeBlock(sb.ToString());
        var vars = frames[crashing].Prop("vars").Properties().Take(15).ToList();
        if (vars.Count > 0)
        {
            md.Line($"**Local variables** in {Markdown.Code(frames[crashing].Str("function") ?? "<unknown>")}:");
            foreach (var v in vars)
            {
                md.Bullet($"{Markdown.Code(v.Name)}: {Markdown.Code(v.Value.Text(120))}");
            }
            md.Line();
        }
    }

    private static string Location(JsonElement frame)
    {
        var file = frame.Str("filename") ?? frame.Str("module") ?? frame.Str("absPath") ?? "<unknown>";
        var line = frame.Str("lineNo");
        var col = frame.Str("colNo");
        var where = line is null or "0" ? file : col is null or "0" ? $"{file}:{line}" : $"{file}:{line}:{col}";
        return frame.Str("function") is { } function ? $"{where} in {function}" : where;
    }

    private static void AppendContext(StringBuilder sb, JsonElement frame)
    {
        var crashLine = frame.Str("lineNo");
        foreach (var pair in frame.Prop("context").Items())
        {
            var parts = pair.Items().ToList();
            if (parts.Count < 2)
            {
                continue;
            }
            var number = parts[0].Scalar() ?? "";
            var marker = number == crashLine ? ">" : " ";
            sb.Append("    ").Append(marker).Append(' ').Append(number.PadLeft(5)).Append(" | ").AppendLine(Markdown.Truncate(parts[1].Scalar(), 160));
        }
    }

    private static void AppendEvidence(Markdown md, JsonElement occurrence)
    {
        var evidence = occurrence.Prop("evidenceDisplay").Items().ToList();
        if (evidence.Count == 0)
        {
            return;
        }
        md.Heading("Evidence", 3);
        foreach (var item in evidence)
        {
            md.Bullet($"**{item.Str("name")}**: {Markdown.Truncate(item.Str("value"), 500)}");
        }
        md.Line();
    }

    private static void AppendRequest(Markdown md, JsonElement data)
    {
        md.Heading("HTTP Request", 3)
            .Field("Method", data.Str("method"))
            .Field("URL", data.Str("url"));
        var query = data.Prop("query");
        if (query.ValueKind is JsonValueKind.Array && query.GetArrayLength() > 0 || query.ValueKind is JsonValueKind.String)
        {
            md.Field("Query", query.Text(300));
        }
        if (data.Prop("data") is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } body)
        {
            md.Field("Body", Markdown.Code(body.Text(500)));
        }
        md.Line();
    }

    private static void AppendBreadcrumbs(Markdown md, JsonElement data)
    {
        var crumbs = data.Prop("values").Items().ToList();
        if (crumbs.Count == 0)
        {
            return;
        }
        var shown = crumbs.TakeLast(MaxBreadcrumbs).ToList();
        md.Heading(shown.Count < crumbs.Count ? $"Breadcrumbs (last {shown.Count} of {crumbs.Count})" : "Breadcrumbs", 3);
        foreach (var crumb in shown)
        {
            var time = DateTimeOffset.TryParse(crumb.Str("timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? at.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture) : crumb.Str("timestamp");
            var category = crumb.Str("category") ?? crumb.Str("type") ?? "default";
            var text = crumb.Str("message") ?? crumb.Prop("data").Text(200);
            md.Bullet($"{time} [{crumb.Str("level") ?? "info"}] {category}: {Markdown.Truncate(text, 300)}");
        }
        md.Line();
    }

    private static void AppendTags(Markdown md, IReadOnlyList<EventTag>? tags)
    {
        if (tags is not { Count: > 0 })
        {
            return;
        }
        md.Heading("Tags", 3);
        foreach (var tag in tags.Take(MaxTags))
        {
            md.Bullet($"**{tag.Key}**: {tag.Value}");
        }
        md.Line();
    }

    private static void AppendContexts(Markdown md, JsonElement contexts)
    {
        var sections = contexts.Properties().Where(p => p.Name != "trace" && p.Value.ValueKind == JsonValueKind.Object).ToList();
        if (sections.Count == 0)
        {
            return;
        }
        md.Heading("Contexts", 3);
        foreach (var section in sections.Take(15))
        {
            var fields = section.Value.Properties().Where(p => p.Name != "type" && p.Value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Object or JsonValueKind.Array))
                .Take(10).Select(p => $"{p.Name}={p.Value.Text(80)}");
            md.Bullet($"**{section.Name}**: {string.Join(", ", fields)}");
        }
        md.Line();
    }

    private static void AppendUser(Markdown md, JsonElement user)
    {
        if (user.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        var parts = new[] { ("ID", user.Str("id")), ("Email", user.Str("email")), ("Username", user.Str("username")), ("IP", user.Str("ip_address")), ("Country", user.Prop("geo").Str("country_code")) }
            .Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}: {p.Item2}").ToList();
        if (parts.Count > 0)
        {
            md.Heading("User", 3).Line(string.Join(", ", parts)).Line();
        }
    }
}
