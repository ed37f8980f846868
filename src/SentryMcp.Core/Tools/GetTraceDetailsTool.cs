using System.ComponentModel;
using System.Net;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class GetTraceDetailsTool
{
    /// <summary>Spans fetched for the overview; larger traces are summarised from this many.</summary>
    private const int FetchLimit = 1000;

    [McpServerTool(Name = "get_trace_details", Title = "Get trace details", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(TraceOutput))]
    [Description("Get an overview of a Sentry trace by its ID: span count, projects, duration, errors with their issues, the slowest spans, a breakdown by operation, a compact span tree and a link to the trace in Sentry.\n\nUse this tool when you need to:\n- Show or explain a trace the user gives by ID (32 hexadecimal characters, e.g. 'a4d1aae7216b47ff8117cf4e09ce9d0a')\n- Find out why a request was slow or which services it touched\n- Focus on one span of the trace and its subtree (pass spanId)\n\nDo not use it to search for traces (use search_events).\n\n<examples>\nget_trace_details(organizationSlug='my-organization', traceId='a4d1aae7216b47ff8117cf4e09ce9d0a')\nget_trace_details(organizationSlug='my-organization', traceId='a4d1aae7216b47ff8117cf4e09ce9d0a', spanId='aa8e7f3384ef4ff5')\n</examples>\n\n<hints>\n- The overview shows the most significant spans, not every span; search_events lists them all.\n- With spanId the answer is the span's details, as get_span_details gives them.\n</hints>")]
    [SentryTool(PermissionGroup.Read, "event:read", Skills = [Skill.Inspect])]
    public static Task<CallToolResult> GetTraceDetails(
        SentryToolContext context,
        [Description("The organization's slug. Use find_organizations to list them.")] string organizationSlug,
        [Description("The trace ID: 32 hexadecimal characters.")] string traceId,
        [Description("The organization's region URL from find_organizations, e.g. https://us.sentry.io. Optional.")] string? regionUrl = null,
        [Description("A span ID within the trace (16 hexadecimal characters): focus the answer on that span and its subtree.")] string? spanId = null,
        CancellationToken cancellationToken = default) =>
        RenderResultAsync(context, organizationSlug, traceId, spanId, regionUrl, cancellationToken);

    /// <summary>Fetches and renders a trace overview; get_sentry_resource calls this for trace URLs.</summary>
    internal static async Task<string> RenderAsync(SentryToolContext context, string? organizationSlug, string? traceId, string? regionUrl, CancellationToken cancellationToken)
    {
        var (org, id) = Validate(organizationSlug, traceId);
        var (meta, trace) = await FetchAsync(context, org, id, regionUrl, cancellationToken).ConfigureAwait(false);
        return TraceFormatter.Format(org, id, meta, trace, context.Host).Markdown;
    }

    /// <summary>The trace overview, or with a span ID that span's details, as text and structured data.</summary>
    internal static async Task<CallToolResult> RenderResultAsync(SentryToolContext context, string? organizationSlug, string? traceId, string? spanId, string? regionUrl, CancellationToken cancellationToken)
    {
        var (org, id) = Validate(organizationSlug, traceId);
        var focus = ValidateSpanId(spanId, required: false);
        var (meta, trace) = await FetchAsync(context, org, id, regionUrl, cancellationToken).ConfigureAwait(false);
        var (markdown, overview) = TraceFormatter.Format(org, id, meta, trace, context.Host);
        if (focus is null)
        {
            return ToolResults.Structured(markdown, overview);
        }
        var (spanMarkdown, span) = FormatSpan(org, id, focus, meta, trace, context.Host);
        return ToolResults.Structured(spanMarkdown, overview with { FocusedSpan = span });
    }

    /// <summary>One span's details; get_span_details and get_trace_details(spanId) share it.</summary>
    internal static async Task<(string Markdown, SpanDetailsOutput Data)> RenderSpanAsync(SentryToolContext context, string? organizationSlug, string? traceId, string? spanId, string? regionUrl, CancellationToken cancellationToken)
    {
        var (org, id) = Validate(organizationSlug, traceId);
        var focus = ValidateSpanId(spanId, required: true)!;
        var (meta, trace) = await FetchAsync(context, org, id, regionUrl, cancellationToken).ConfigureAwait(false);
        return FormatSpan(org, id, focus, meta, trace, context.Host);
    }

    private static (string Markdown, SpanDetailsOutput Data) FormatSpan(string org, string traceId, string spanId, TraceMeta meta, List<TraceNode> trace, SentryHost host)
    {
        var span = SpanFormatter.Find(trace, spanId);
        if (span is null)
        {
            var fetched = TraceFormatter.Flatten(trace.Where(n => n.IsSpan)).Count();
            var partial = meta.SpanCountValue > fetched ? $" Only {fetched} of its {meta.SpanCountValue} spans could be fetched." : "";
            throw new UserInputException($"Span {spanId} was not found in trace {traceId}.{partial} Span IDs are listed by get_trace_details(organizationSlug='{org}', traceId='{traceId}') or search_events(dataset='spans', query='trace:{traceId}').");
        }
        return SpanFormatter.Format(org, traceId, span, Math.Max(meta.SpanCountValue, TraceFormatter.Flatten(trace.Where(n => n.IsSpan)).Count()), host);
    }

    private static (string Org, string TraceId) Validate(string? organizationSlug, string? traceId)
    {
        var org = SentryToolContext.Require(organizationSlug, "organizationSlug");
        var id = SentryToolContext.Require(traceId, "traceId");
        if (id.Length != 32 || !id.All(char.IsAsciiHexDigit))
        {
            throw new UserInputException($"'{id}' is not a trace ID. A trace ID is 32 hexadecimal characters, e.g. 'a4d1aae7216b47ff8117cf4e09ce9d0a'.");
        }
        return (org, id.ToLowerInvariant());
    }

    private static string? ValidateSpanId(string? spanId, bool required)
    {
        if (string.IsNullOrWhiteSpace(spanId))
        {
            return required ? SentryToolContext.Require(spanId, "spanId") : null;
        }
        var id = spanId.Trim();
        if (id.Length != 16 || !id.All(char.IsAsciiHexDigit))
        {
            throw new UserInputException($"'{Markdown.Truncate(id, 40)}' is not a span ID. A span ID is 16 hexadecimal characters, e.g. 'aa8e7f3384ef4ff5'.");
        }
        return id.ToLowerInvariant();
    }

    private static async Task<(TraceMeta Meta, List<TraceNode> Trace)> FetchAsync(SentryToolContext context, string org, string id, string? regionUrl, CancellationToken cancellationToken)
    {
        try
        {
            var meta = await context.Api.GetTraceMetaAsync(org, id, regionUrl, cancellationToken).ConfigureAwait(false);
            var trace = await context.Api.GetTraceAsync(org, id, FetchLimit, regionUrl, cancellationToken).ConfigureAwait(false);
            if (trace.Count == 0 && meta.SpanCountValue == 0)
            {
                throw NotFound(org, id);
            }
            return (meta, trace);
        }
        catch (SentryApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            throw NotFound(org, id);
        }
    }

    private static UserInputException NotFound(string org, string traceId) =>
        new($"No trace {traceId} was found in organization '{org}' (HTTP 404). Check the trace ID and the organization slug; Sentry only keeps traces for its retention period. To find traces, use search_events.");
}
