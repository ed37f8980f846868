using System.ComponentModel;
using System.Net;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Formatting;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class GetTraceDetailsTool
{
    /// <summary>Spans fetched for the overview; larger traces are summarised from this many.</summary>
    private const int FetchLimit = 1000;

    [McpServerTool(Name = "get_trace_details", Title = "Get trace details", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Get an overview of a Sentry trace by its ID: span count, projects, duration, errors with their issues, the slowest spans, a breakdown by operation, a compact span tree and a link to the trace in Sentry.\n\nUse this tool when the user:\n- Gives a trace ID (32 hexadecimal characters, e.g. 'a4d1aae7216b47ff8117cf4e09ce9d0a') or asks to show or explain a trace\n- Wants to know why a request was slow or which services it touched\n\nDo not use it to search for traces (use search_events).\n\n<examples>\nget_trace_details(organizationSlug='my-organization', traceId='a4d1aae7216b47ff8117cf4e09ce9d0a')\n</examples>")]
    [SentryTool(PermissionGroup.Read, "event:read")]
    public static Task<string> GetTraceDetails(
        SentryToolContext context,
        [Description("The organization's slug. Use find_organizations to list them.")] string organizationSlug,
        [Description("The trace ID: 32 hexadecimal characters.")] string traceId,
        [Description("The organization's region URL from find_organizations, e.g. https://us.sentry.io. Optional.")] string? regionUrl = null,
        CancellationToken cancellationToken = default) =>
        RenderAsync(context, organizationSlug, traceId, regionUrl, cancellationToken);

    /// <summary>Fetches and renders a trace overview; get_sentry_resource calls this for trace URLs.</summary>
    internal static async Task<string> RenderAsync(SentryToolContext context, string? organizationSlug, string? traceId, string? regionUrl, CancellationToken cancellationToken)
    {
        var org = SentryToolContext.Require(organizationSlug, "organizationSlug");
        var id = SentryToolContext.Require(traceId, "traceId");
        if (id.Length != 32 || !id.All(char.IsAsciiHexDigit))
        {
            throw new UserInputException($"'{id}' is not a trace ID. A trace ID is 32 hexadecimal characters, e.g. 'a4d1aae7216b47ff8117cf4e09ce9d0a'.");
        }
        id = id.ToLowerInvariant();
        try
        {
            var meta = await context.Api.GetTraceMetaAsync(org, id, regionUrl, cancellationToken).ConfigureAwait(false);
            var trace = await context.Api.GetTraceAsync(org, id, FetchLimit, regionUrl, cancellationToken).ConfigureAwait(false);
            if (trace.Count == 0 && meta.SpanCountValue == 0)
            {
                throw NotFound(org, id);
            }
            return TraceFormatter.Format(org, id, meta, trace, context.Host);
        }
        catch (SentryApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            throw NotFound(org, id);
        }
    }

    private static UserInputException NotFound(string org, string traceId) =>
        new($"No trace {traceId} was found in organization '{org}' (HTTP 404). Check the trace ID and the organization slug; Sentry only keeps traces for its retention period. To find traces, use search_events.");
}
