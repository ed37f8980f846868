using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SentryMcp.Core.Api;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Search;

/// <summary>Markdown for search_events: what was asked and sent, then rows as sections or aggregates as a table.</summary>
internal static class SearchEventsOutput
{
    public static string Format(SentryHost host, string org, string input, EventsQuery request, EventQueryTranslation translation,
        bool includeExplanation, bool translatorConfigured, EventsResponse response, string? fallbackNote = null, TimeSeriesOutput? series = null)
    {
        var rows = response.Data ?? [];
        var aggregate = request.Fields.Any(EventFields.IsAggregate);
        var md = new Markdown().Title(input.Length > 0 ? $"Search Results for \"{Markdown.Truncate(input, 120)}\"" : $"Search Results: {request.Dataset}");
        md.Field("Dataset", request.Dataset);
        if (translation.Translated)
        {
            md.Field("Translated query", $"{Code(request.Query)} (natural language translated into Sentry search syntax)");
        }
        else
        {
            md.Field("Query", Code(request.Query));
            if (fallbackNote is not null)
            {
                md.Line($"*{fallbackNote}*");
            }
            else if (input.Length > 0 && !translatorConfigured && !SentrySearchSyntax.LooksLikeSentrySyntax(input))
            {
                md.Line("*No language model is configured (OPENAI_API_KEY / OPENAI_BASE_URL), so the text was used as Sentry search syntax.*");
            }
        }
        md.Field("Fields", string.Join(", ", request.Fields.Select(Markdown.Code)))
            .Field("Sort", request.Sort is null ? null : Markdown.Code(request.Sort))
            .Field("Period", $"last {request.StatsPeriod}");
        if (includeExplanation && translation.Explanation is not null)
        {
            md.Field("Explanation", translation.Explanation);
        }
        if (request.Dataset is "errors" or "spans" or "logs")
        {
            md.Field("View in Sentry", Markdown.Link(request.Dataset == "errors" ? "Open in Discover" : "Open in Explore", ExploreLink(host, org, request, aggregate)));
        }
        md.Line();

        if (rows.Count == 0)
        {
            md.Paragraph($"No events found for {Code(request.Query)} in the {request.Dataset} dataset over the last {request.StatsPeriod}.")
                .Paragraph("Try a wider period (e.g. 30d or 90d), fewer filters, or another dataset.");
        }
        else if (aggregate)
        {
            md.Paragraph($"{rows.Count} aggregate row{(rows.Count == 1 ? "" : "s")}" +
                (request.Fields.Any(f => !EventFields.IsAggregate(f)) ? $", grouped by {string.Join(", ", request.Fields.Where(f => !EventFields.IsAggregate(f)).Select(Markdown.Code))}:" : ":"));
            Table(md, request.Fields, rows, response.Meta);
            if (series is not null && request.StatsPeriod is { } period)
            {
                md.Line().Paragraph(EventTimeSeries.Summary(series, EventTimeSeries.IntervalFor(period).Name));
            }
        }
        else
        {
            md.Paragraph($"Found {rows.Count} event{(rows.Count == 1 ? "" : "s")}:");
            foreach (var row in rows)
            {
                md.Heading(RowHeading(request.Dataset, row));
                foreach (var field in request.Fields)
                {
                    md.Field(field, Cell(host, org, field, row, response.Meta, link: true));
                }
                md.Line();
            }
        }
        md.MoreAvailable(rows.Count >= request.Limit, $"Only the first {request.Limit} rows are shown; raise `limit` (max 100) or narrow the query.");
        return md.UsingThisInformation(NextSteps(request.Dataset)).ToString();
    }

    private static void Table(Markdown md, IReadOnlyList<string> fields, List<Dictionary<string, JsonElement>> rows, EventsMeta? meta)
    {
        md.Line("| " + string.Join(" | ", fields.Select(Escape)) + " |");
        md.Line("|" + string.Concat(fields.Select(_ => " --- |")));
        foreach (var row in rows)
        {
            md.Line("| " + string.Join(" | ", fields.Select(f => Escape(Cell(null, null, f, row, meta, link: false) ?? ""))) + " |");
        }
        md.Line();
    }

    private static string RowHeading(string dataset, Dictionary<string, JsonElement> row)
    {
        string? Get(string key) => row.TryGetValue(key, out var v) && v.ValueKind != JsonValueKind.Null ? Text(v) : null;
        var heading = dataset switch
        {
            "spans" => string.Join(" · ", new[] { Get("span.op"), Get("span.description") ?? Get("transaction") }.Where(s => s is not null)),
            "logs" => (Get("severity") is { } severity ? $"[{severity.ToUpperInvariant()}] " : "") + Get("message"),
            "profiles" => string.Join(" · ", new[] { Get("transaction"), Get("profile.id") ?? Get("profiler.id") }.Where(s => s is not null)),
            "tracemetrics" => string.Join(" · ", new[] { Get("metric.name"), Get("value") }.Where(s => s is not null)),
            _ => Get("title") ?? Get("message") ?? Get("issue"),
        };
        return Markdown.Truncate(string.IsNullOrWhiteSpace(heading) ? Get("id") ?? "Event" : heading, 150);
    }

    private static string? Cell(SentryHost? host, string? org, string field, Dictionary<string, JsonElement> row, EventsMeta? meta, bool link)
    {
        if (!row.TryGetValue(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return link ? null : "";
        }
        var text = Text(value);
        var unit = meta?.Units?.GetValueOrDefault(field);
        if (value.ValueKind == JsonValueKind.Number && unit == "millisecond")
        {
            text += " ms";
        }
        if (link && host is not null && org is not null)
        {
            if (field == "issue")
            {
                return $"{text} ({Markdown.Link("open issue", host.IssueUrl(org, text))})";
            }
            if (field == "trace" && text.Length == 32)
            {
                return $"{text} ({Markdown.Link("open trace", host.TraceUrl(org, text))})";
            }
        }
        return Markdown.Truncate(text, 300);
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.TryGetInt64(out var l) ? l.ToString(CultureInfo.InvariantCulture) : Math.Round(value.GetDouble(), 2).ToString(CultureInfo.InvariantCulture),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };

    private static string Code(string query) => query.Length == 0 ? "(empty: all events)" : Markdown.Code(query);

    private static string Escape(string cell) => cell.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>Discover for errors, the Traces explorer for spans, the Logs explorer for logs, in Sentry's own URL formats.</summary>
    private static string ExploreLink(SentryHost host, string org, EventsQuery request, bool aggregate)
    {
        var q = new List<(string, string)>();
        var groupBy = request.Fields.Where(f => !EventFields.IsAggregate(f)).ToList();
        var yAxes = request.Fields.Where(EventFields.IsAggregate).ToList();
        string page;
        switch (request.Dataset)
        {
            case "errors":
                page = "explore/discover/homepage/";
                q.AddRange([("dataset", "errors"), ("queryDataset", "error-events"), ("query", request.Query)]);
                q.AddRange(request.Fields.Select(f => ("field", f)));
                q.Add(("yAxis", aggregate ? yAxes[0] : "count()"));
                if (aggregate)
                {
                    q.Add(("mode", "aggregate"));
                }
                break;
            case "logs":
                page = "explore/logs/";
                q.AddRange([("logsQuery", request.Query), ("project", "-1"), ("mode", aggregate ? "aggregate" : "samples")]);
                q.AddRange(aggregate ? AggregateFields(groupBy, yAxes) : request.Fields.Select(f => ("logsFields", f)));
                break;
            default:
                page = "explore/traces/";
                q.Add(("query", request.Query));
                q.AddRange(aggregate ? [.. AggregateFields(groupBy, yAxes), ("mode", "aggregate")] : request.Fields.Select(f => ("field", f)));
                q.Add(("table", "span"));
                break;
        }
        if (request.Sort is not null)
        {
            q.Add((request.Dataset == "logs" ? (aggregate ? "logsAggregateSortBys" : "logsSortBys") : "sort", request.Sort));
        }
        q.Add(("statsPeriod", request.StatsPeriod ?? "14d"));
        var sb = new StringBuilder(host.OrganizationUrl(org)).Append(page);
        for (var i = 0; i < q.Count; i++)
        {
            sb.Append(i == 0 ? '?' : '&').Append(q[i].Item1).Append('=').Append(Uri.EscapeDataString(q[i].Item2));
        }
        return sb.ToString();
    }

    private static IEnumerable<(string, string)> AggregateFields(List<string> groupBy, List<string> yAxes) =>
        groupBy.Select(g => ("aggregateField", new JsonObject { ["groupBy"] = g }.ToJsonString()))
            .Append(("aggregateField", new JsonObject { ["yAxes"] = new JsonArray([.. yAxes.Select(y => (JsonNode?)y)]) }.ToJsonString()));

    private static string[] NextSteps(string dataset) => dataset switch
    {
        "errors" =>
        [
            "Pass an `issue` short id to `get_issue_details(organizationSlug, issueId)` for the stack trace and context.",
            "Pass a `trace` id to `get_trace_details(organizationSlug, traceId)` to see what else happened in that request.",
            "Aggregate with `fields=['issue', 'count()']` and `sort='-count()'` to find the noisiest errors; `search_issues` lists grouped issues.",
        ],
        "spans" =>
        [
            "Pass a `trace` id to `get_trace_details(organizationSlug, traceId)` for the whole request.",
            "Aggregate with `fields=['span.op', 'avg(span.duration)', 'p95(span.duration)']` to compare operations.",
        ],
        "profiles" =>
        [
            "Pass a `profile.id` with its project to `get_profile_details(organizationSlug, projectSlugOrId, profileId)` for its top frames.",
            "Analyze every profile of a transaction: `get_profile(organizationSlug, projectSlugOrId, transactionName)`.",
        ],
        "tracemetrics" =>
        [
            "Aggregate a metric with `fields=['metric.name', 'avg(value)', 'p95(value)']` and a `metric.name:<name>` query.",
            "Pass a `trace` id to `get_trace_details(organizationSlug, traceId)` to see the request that emitted a sample.",
        ],
        _ =>
        [
            "Pass a `trace` id to `get_trace_details(organizationSlug, traceId)` to see the request the log line belongs to.",
            "Filter by severity with `severity:error`, or aggregate with `fields=['message', 'count()']`.",
        ],
    };
}

/// <summary>Sentry's rule: a field with a function call is an aggregate; plain fields beside it are the group-by.</summary>
internal static class EventFields
{
    public static bool IsAggregate(string field) => field.EndsWith(')') && field.Contains('(');
}
