using System.Text.Json;
using System.Text.Json.Nodes;

namespace SentryMcp.Sandbox;

/// <summary>Small builders for Sentry's event JSON (entries, frames, breadcrumbs), so the seeds read like data.</summary>
public sealed partial class DemoData
{
    private void AddEvent(string issueId, string eventId, DateTimeOffset at, object payload) =>
        Events.Add(new SandboxEvent
        {
            EventId = eventId,
            IssueId = issueId,
            DateCreated = at,
            Payload = JsonSerializer.SerializeToNode(payload)!.AsObject(),
        });

    /// <summary>A stack frame; the middle line of <paramref name="code"/> is the line that ran.</summary>
    private static object Frame(string filename, string function, int lineNo, bool inApp, string? module = null, int? colNo = null,
        string[]? code = null, object? vars = null)
    {
        var first = lineNo - ((code?.Length ?? 0) / 2);
        return new
        {
            filename,
            absPath = filename,
            module,
            function,
            lineNo,
            colNo,
            inApp,
            context = code?.Select((line, i) => new object[] { first + i, line }).ToArray() ?? [],
            vars,
        };
    }

    private static object Exception(string type, string value, string mechanism, bool handled, string? module, params object[] frames) => new
    {
        type,
        value,
        module,
        mechanism = new { type = mechanism, handled },
        stacktrace = new { frames, hasSystemFrames = frames.Length > 1 },
    };

    private static object ExceptionEntry(params object[] values) => new { type = "exception", data = new { values, excOmitted = (object?)null } };

    private static object Crumb(DateTimeOffset at, string category, string message, string level = "info", string type = "default", object? data = null) =>
        new { timestamp = at, type, category, level, message, data };

    private static object BreadcrumbsEntry(params object[] values) => new { type = "breadcrumbs", data = new { values } };

    private static object RequestEntry(string method, string url, string[][]? query = null, string[][]? headers = null, object? data = null) => new
    {
        type = "request",
        data = new { method, url, query = query ?? [], headers = headers ?? [], data, inferredContentType = data is null ? null : "application/json" },
    };

    private static object MessageEntry(string formatted) => new { type = "message", data = new { formatted } };

    private static object[] Tags(params (string Key, string Value)[] tags) => [.. tags.Select(t => new { key = t.Key, value = t.Value })];

    private static object TraceContext(string traceId, string spanId, string op) => new { trace_id = traceId, span_id = spanId, op, status = "internal_error", type = "trace" };

    /// <summary>A trace id derived from the event id, so that events outside the checkout trace still have one.</summary>
    private static string OwnTrace(string eventId) => string.Concat(eventId.Reverse());

    internal static JsonObject Clone(JsonObject node) => JsonNode.Parse(node.ToJsonString())!.AsObject();
}
