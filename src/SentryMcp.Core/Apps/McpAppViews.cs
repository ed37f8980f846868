using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace SentryMcp.Core.Apps;

/// <summary>One MCP Apps UI resource: a view of the web UI and the tools whose results it draws.</summary>
public sealed record McpAppView(string Key, string Title, string Description, IReadOnlyList<string> Tools)
{
    public string Uri => McpApps.UriPrefix + Key;
}

/// <summary>
/// The views this server publishes as <c>ui://sentry/...</c> resources (MCP Apps, SEP-1865). Each tool
/// names at most one (<c>_meta.ui.resourceUri</c>); the page draws the tool's <c>structuredContent</c>
/// with the chat's own component for that tool (web/src/views/registry.ts) and its text otherwise.
/// </summary>
public static class McpAppViews
{
    public static IReadOnlyList<McpAppView> All { get; } =
    [
        new("issue", "Sentry issue", "An issue's title, culprit, level and status, first and last seen, events and users, event-volume sparkline and tags.",
            ["get_issue_details"]),
        new("issue-list", "Sentry issues", "A sortable list of issues with level and status badges and event-volume sparklines.",
            ["search_issues"]),
        new("stacktrace", "Sentry stack trace", "An event's stack trace: in-app frames emphasised, source context with the error line highlighted, library frames collapsed.",
            ["get_event_stacktrace"]),
        new("trace", "Sentry trace", "A trace's spans as a waterfall on a shared time axis, errors marked.",
            ["get_trace_details"]),
        new("events", "Sentry events search", "Events, spans or logs as a table of the requested fields, with a time-series chart for aggregates over time.",
            ["search_events"]),
        new("replay", "Sentry replay", "A session replay as a timeline of clicks, navigations and errors.",
            ["get_replay_details"]),
        new("releases", "Sentry releases", "Releases with adoption and crash-free figures where Sentry gives them.",
            ["find_releases", "get_release_details"]),
        new("monitors", "Sentry monitors", "Cron and uptime monitors with their check-in strips.",
            ["find_monitors", "get_monitor_details", "find_uptime_monitors", "get_uptime_monitor_details", "create_uptime_monitor", "update_uptime_monitor"]),
    ];

    /// <summary>The view that draws a tool's results, by tool name.</summary>
    public static IReadOnlyDictionary<string, McpAppView> ByTool { get; } =
        All.SelectMany(v => v.Tools.Select(t => (Tool: t, View: v))).ToFrozenDictionary(p => p.Tool, p => p.View, StringComparer.Ordinal);

    /// <summary>
    /// <c>_meta.ui</c> of a UI resource: no external origin of any kind (the page is self-contained and
    /// gets its data from the host), so the host's strictest policy fits; a border from the host, as the
    /// page draws none around itself.
    /// </summary>
    public static JsonObject ResourceMeta() => new()
    {
        ["ui"] = new JsonObject
        {
            ["csp"] = new JsonObject
            {
                ["connectDomains"] = new JsonArray(),
                ["resourceDomains"] = new JsonArray(),
            },
            ["prefersBorder"] = true,
        },
    };
}
