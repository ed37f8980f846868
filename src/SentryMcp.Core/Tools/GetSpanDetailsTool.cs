using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class GetSpanDetailsTool
{
    [McpServerTool(Name = "get_span_details", Title = "Get span details", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(SpanDetailsOutput))]
    [Description("Get one span of a Sentry trace in detail: operation, description, duration and own time, status, parent, errors, its attributes (data and tags) and a snapshot of its child spans.\n\nUse this tool when you need to:\n- Inspect a span when you already know its trace ID and span ID\n- Focus a trace investigation on one operation (a slow query, a failing HTTP call)\n- Review a span's attributes, timing, errors and child spans\n\n<examples>\nget_span_details(organizationSlug='my-organization', traceId='a4d1aae7216b47ff8117cf4e09ce9d0a', spanId='aa8e7f3384ef4ff5')\n</examples>\n\n<hints>\n- Pass traceId and spanId as separate parameters.\n- Use get_trace_details for a trace overview when no span is selected; it lists span IDs.\n- Use get_sentry_resource when starting from a Sentry trace URL.\n</hints>")]
    [SentryTool(PermissionGroup.Read, "event:read", Skills = [Skill.Inspect])]
    public static async Task<CallToolResult> GetSpanDetails(
        SentryToolContext context,
        [Description("The organization's slug. Use find_organizations to list them.")] string organizationSlug,
        [Description("The trace ID: 32 hexadecimal characters.")] string traceId,
        [Description("The span ID within the trace: 16 hexadecimal characters.")] string spanId,
        [Description("The organization's region URL from find_organizations, e.g. https://us.sentry.io. Optional.")] string? regionUrl = null,
        CancellationToken cancellationToken = default)
    {
        var (markdown, data) = await GetTraceDetailsTool.RenderSpanAsync(context, organizationSlug, traceId, spanId, regionUrl, cancellationToken).ConfigureAwait(false);
        return ToolResults.Structured(markdown, data);
    }
}
