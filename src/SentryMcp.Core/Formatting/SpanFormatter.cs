using System.Globalization;
using System.Text.Json;
using SentryMcp.Core.Api;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Tools;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Formatting;

/// <summary>
/// Renders one span of a trace in depth: timing, status, parent, errors, its attributes and a snapshot
/// of its subtree. Shared by get_span_details and get_trace_details(spanId).
/// </summary>
public static class SpanFormatter
{
    /// <summary>Lines in the child snapshot; a span can have hundreds of descendants.</summary>
    private const int MaxSnapshotNodes = 12;

    /// <summary>Attributes shown; span data can carry large payloads.</summary>
    private const int MaxAttributes = 40;

    public static TraceNode? Find(IEnumerable<TraceNode> trace, string spanId) =>
        TraceFormatter.Flatten(trace.Where(n => n.IsSpan))
            .FirstOrDefault(s => string.Equals(s.SpanId, spanId, StringComparison.OrdinalIgnoreCase));

    public static (string Markdown, SpanDetailsOutput Data) Format(string organizationSlug, string traceId, TraceNode span, int traceSpanCount, SentryHost host)
    {
        var spanId = span.SpanId ?? "";
        var url = $"{host.TraceUrl(organizationSlug, traceId)}?node=span-{Uri.EscapeDataString(spanId)}";
        var children = span.ChildSpans.OrderBy(c => c.StartTimestamp ?? 0).ToList();
        var descendants = TraceFormatter.Flatten(children).Count();
        var attributes = Attributes(span);
        var errors = (span.Errors ?? []).Select(e => TraceFormatter.ErrorOutput(e, span)).ToList();

        var md = new Markdown().Title($"Span {Markdown.Code(spanId)} in Trace {Markdown.Code(traceId)} in **{organizationSlug}**")
            .Heading("Summary")
            .Field("Project", span.ProjectSlug ?? "unknown")
            .Field("Operation", span.Op ?? "unknown")
            .Field("Description", TraceFormatter.Label(span))
            .Field("Transaction", span.Transaction)
            .Field("Duration", TraceFormatter.Ms(span.DurationMs))
            .Field("Own Time", TraceFormatter.Ms(span.ExclusiveTime ?? TraceFormatter.SelfTime(span)))
            .Field("Status", span.Status ?? (span.IsTransaction == true ? "transaction" : "unknown"))
            .Field("Transaction Root", span.IsTransaction == true ? "yes (this span starts a transaction)" : null)
            .Field("Parent Span ID", span.ParentSpanId ?? "none (root span)")
            .Field("Child Spans", children.Count.ToString(CultureInfo.InvariantCulture))
            .Field("Descendant Spans", descendants.ToString(CultureInfo.InvariantCulture))
            .Field("SDK", span.SdkName)
            .Field("Profile", string.IsNullOrEmpty(span.ProfileId) ? null : Markdown.Code(span.ProfileId))
            .Field("Trace Total Spans", traceSpanCount.ToString(CultureInfo.InvariantCulture))
            .Field("Sentry URL", url)
            .Line();

        md.Heading("Errors");
        if (errors.Count == 0)
        {
            md.Paragraph("No errors in this span.");
        }
        foreach (var error in errors)
        {
            md.Bullet($"**{error.Issue ?? "Unknown issue"}**: {error.Title ?? "(no title)"}" + (error.EventId is null ? "" : $", event {Markdown.Code(error.EventId)}"));
        }
        md.Line().Heading("Attributes");
        if (attributes.Count == 0)
        {
            md.Paragraph("This span carries no data or tags.");
        }
        foreach (var (key, value) in attributes.Take(MaxAttributes))
        {
            md.Bullet($"{Markdown.Code(key)}: {Markdown.Truncate(value, 300)}");
        }
        if (attributes.Count > MaxAttributes)
        {
            md.Line().Paragraph($"*{attributes.Count - MaxAttributes} more attributes are in Sentry.*");
        }
        md.Line().Heading("Child Snapshot");
        if (children.Count == 0)
        {
            md.Paragraph("This span has no child spans.");
        }
        else
        {
            var shown = TraceFormatter.RenderTree(md, [span], MaxSnapshotNodes) - 1;
            md.Line().Paragraph($"*Child snapshot shows {shown} of {descendants} descendant spans.*");
        }

        var hints = new List<string>
        {
            $"The whole trace: `get_trace_details(organizationSlug='{organizationSlug}', traceId='{traceId}')`.",
        };
        if (span.ParentSpanId is { } parent)
        {
            hints.Add($"Its parent: `get_span_details(organizationSlug='{organizationSlug}', traceId='{traceId}', spanId='{parent}')`.");
        }
        hints.AddRange(errors.Select(e => e.Issue).OfType<string>().Distinct().Take(2)
            .Select(issue => $"Inspect error {issue}: `get_issue_details(organizationSlug='{organizationSlug}', issueId='{issue}')`."));
        if (!string.IsNullOrEmpty(span.ProfileId) && span.ProjectSlug is { } project)
        {
            hints.Add($"CPU profile of this transaction: `get_profile_details(organizationSlug='{organizationSlug}', projectSlugOrId='{project}', profileId='{span.ProfileId}')`.");
        }
        var data = new SpanDetailsOutput(traceId, TraceFormatter.SpanOutputOf(span), attributes, errors,
            [.. children.Select(TraceFormatter.SpanOutputOf)], descendants, string.IsNullOrEmpty(span.ProfileId) ? null : span.ProfileId, url);
        return (md.UsingThisInformation([.. hints]).ToString(), data);
    }

    /// <summary>Data first (what the SDK recorded), then tags and measurements; every value as text.</summary>
    private static Dictionary<string, string> Attributes(TraceNode span)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        void AddAll(Dictionary<string, JsonElement>? values, string prefix)
        {
            foreach (var (key, value) in values ?? [])
            {
                result.TryAdd(prefix + key, value.Text(1000));
            }
        }
        AddAll(span.Data, "");
        AddAll(span.Tags, "tags.");
        AddAll(span.Measurements, "measurements.");
        return result;
    }
}
