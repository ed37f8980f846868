using System.Globalization;
using System.Text.Json;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Formatting;

/// <summary>
/// Turns a replay's recording (rrweb events) into what a person would tell about the session: pages,
/// navigations, clicks, rage and dead clicks, slow or failed requests and console warnings/errors.
/// DOM snapshots and mouse moves are left out: they are most of a recording and say nothing here.
/// </summary>
public static class ReplayTimeline
{
    /// <summary>rrweb event types: 4 is page meta (href), 5 is a custom event (breadcrumbs, spans).</summary>
    private const int MetaEvent = 4, CustomEvent = 5;

    public static List<ReplayEventOutput> Build(IEnumerable<IEnumerable<JsonElement>> segments, DateTimeOffset? startedAt)
    {
        var events = new List<(double At, ReplayEventOutput Event)>();
        foreach (var e in segments.SelectMany(s => s))
        {
            var at = Millis(e.Prop("timestamp"));
            if (Summarize(e) is not { } summary)
            {
                continue;
            }
            var offset = at is null || startedAt is null ? (double?)null : Math.Max(0, Math.Round((at.Value - startedAt.Value.ToUnixTimeMilliseconds()) / 1000.0, 1));
            events.Add((at ?? double.MaxValue, new ReplayEventOutput(offset, summary.Kind, summary.Text)));
        }
        // A navigation span right after the meta event of the same page says the same thing: keep one.
        var ordered = events.OrderBy(e => e.At).Select(e => e.Event).ToList();
        var result = new List<ReplayEventOutput>(ordered.Count);
        foreach (var e in ordered)
        {
            if (e.Kind == "navigation" && result.Count > 0 && result[^1] is { Kind: "page.view" } previous && SamePage(previous.Description, e.Description))
            {
                continue;
            }
            result.Add(e);
        }
        return result;
    }

    private static bool SamePage(string a, string b) => a.Split(' ')[0] == b.Split(' ')[0];

    private static (string Kind, string Text)? Summarize(JsonElement e)
    {
        var type = e.Prop("type").ValueKind == JsonValueKind.Number ? e.Prop("type").GetInt32() : -1;
        var data = e.Prop("data");
        if (type == MetaEvent && data.Str("href") is { } href)
        {
            return ("page.view", href);
        }
        if (type != CustomEvent)
        {
            return null;
        }
        var payload = data.Prop("payload");
        return data.Str("tag") switch
        {
            "breadcrumb" => Breadcrumb(payload),
            "performanceSpan" => Span(payload),
            "ui.click" => ("click", payload.Str("message") ?? payload.Str("description") ?? "(element)"),
            { } tag when payload.Str("message") is { } message => (tag, message),
            _ => null,
        };
    }

    private static (string Kind, string Text)? Breadcrumb(JsonElement payload)
    {
        var message = payload.Str("message") ?? "";
        return payload.Str("category") switch
        {
            "ui.click" => ("click", message),
            "ui.multiClick" => ("rage.click", $"{message} ({payload.Prop("data").Str("clickCount") ?? "several"} clicks)"),
            "ui.slowClickDetected" => ("dead.click", message),
            "navigation" => ("navigation", payload.Prop("data").Str("to") ?? message),
            "console" => (payload.Str("level") is "error" or "warning" or "warn" ? $"console.{payload.Str("level")}" : "console", message),
            "ui.input" => ("input", message),
            null or "" => message.Length == 0 ? null : ("breadcrumb", message),
            var category => (category, message),
        };
    }

    private static (string Kind, string Text)? Span(JsonElement payload)
    {
        var op = payload.Str("op") ?? "";
        var description = payload.Str("description") ?? "";
        var duration = payload.Prop("data").Prop("duration") is { ValueKind: JsonValueKind.Number } d ? d.GetDouble() : (double?)null;
        var status = payload.Prop("data").Str("statusCode");
        var timing = duration is null ? "" : $" · {duration.Value.ToString("#,0", CultureInfo.InvariantCulture)}ms";
        if (op.StartsWith("navigation.", StringComparison.Ordinal))
        {
            return ("navigation", description + timing);
        }
        if (op is "resource.fetch" or "resource.xhr")
        {
            return ("request", description + (status is null ? "" : $" → {status}") + timing);
        }
        // Scripts, images and paints are many and rarely matter to what the user went through.
        return null;
    }

    private static double? Millis(JsonElement value) => value.ValueKind == JsonValueKind.Number
        ? (value.GetDouble() is var v && v > 1e12 ? v : v * 1000)
        : null;
}
