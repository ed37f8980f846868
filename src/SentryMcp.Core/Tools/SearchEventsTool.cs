using System.ComponentModel;
using System.Text.RegularExpressions;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Search;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed partial class SearchEventsTool
{
    private static readonly Dictionary<string, string[]> DefaultFields = new(StringComparer.Ordinal)
    {
        ["errors"] = ["issue", "title", "project", "timestamp", "level", "message", "culprit", "error.type", "user.email", "trace"],
        ["spans"] = ["id", "span.op", "span.description", "span.duration", "transaction", "timestamp", "project", "trace"],
        ["logs"] = ["timestamp", "project", "message", "severity", "trace"],
    };

    [McpServerTool(Name = "search_events", Title = "Search events", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("""
        Search Sentry events (errors, spans, logs) and compute statistics over them (Discover / Explore).

        Use this tool when you need to:
        - Count or aggregate events: "how many errors today", "slowest database spans", "most common log messages"
        - List individual events with timestamps: "error logs from the last hour", "spans slower than 1s"

        Not for grouped issue lists: use search_issues.

        `query` takes plain language or Sentry search syntax. Plain language is translated into Sentry syntax when a
        language model is configured (the translation is shown); input made only of filters such as
        `level:error span.op:db` is sent as is.

        Datasets: errors (exceptions and crashes), spans (traces and performance: span.op, span.duration in ms),
        logs (log lines with severity). Aggregates go in `fields`: count(), count_unique(field), avg/sum/min/max/p50/p95/p99(field);
        plain fields beside them become the group-by columns.

        <examples>
        search_events(organizationSlug='my-org', query='database spans slower than 100ms', dataset='spans')
        search_events(organizationSlug='my-org', query='level:error', dataset='errors')
        search_events(organizationSlug='my-org', dataset='errors', fields=['issue', 'count()'], sort='-count()')
        search_events(organizationSlug='my-org', dataset='spans', query='span.op:db', fields=['span.description', 'avg(span.duration)'], sort='-avg(span.duration)')
        </examples>
        """)]
    [SentryTool(PermissionGroup.Read, "event:read")]
    public static async Task<string> SearchEvents(
        SentryToolContext context,
        SearchQueryTranslator translator,
        IProgress<ProgressNotificationValue> progress,
        [Description("The organization's slug. find_organizations lists them.")] string organizationSlug,
        [Description("Natural language or Sentry event search syntax, e.g. 'slowest checkout requests' or 'level:error !environment:staging'.")] string? query = null,
        [Description("Dataset: 'errors' (default), 'spans' or 'logs'.")] string? dataset = null,
        [Description("Fields to return. Plain fields for rows, or aggregates such as 'count()', 'count_unique(user)', 'avg(span.duration)', 'p95(span.duration)' (plain fields beside them are grouped by). Defaults depend on the dataset.")] string[]? fields = null,
        [Description("Sort field, '-' prefix for descending: '-timestamp' (default for rows), '-count()' for the most frequent groups.")] string? sort = null,
        [Description("Only events of this project (slug).")] string? projectSlug = null,
        [Description("The organization's region URL from find_organizations (SaaS only).")] string? regionUrl = null,
        [Description("Maximum number of rows to return (1-100, default 10).")] int limit = 10,
        [Description("Time window: e.g. '24h', '7d', '14d' (default), '30d', '90d'.")] string? period = null,
        [Description("Include the language model's explanation of the translation.")] bool includeExplanation = false,
        CancellationToken cancellationToken = default)
    {
        var org = SentryToolContext.Require(organizationSlug, nameof(organizationSlug));
        var set = NormalizeDataset(dataset);
        if (limit is < 1 or > 100)
        {
            throw new UserInputException("limit must be between 1 and 100.");
        }
        var window = string.IsNullOrWhiteSpace(period) ? "14d" : period.Trim();
        if (!PeriodPattern().IsMatch(window))
        {
            throw new UserInputException($"Invalid period '{period}'. Use a relative window such as 24h, 7d, 14d, 30d or 90d.");
        }
        var input = (query ?? string.Empty).Trim();
        var explicitFields = fields?.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim()).Distinct().ToList() is { Count: > 0 } list ? list : null;

        var translation = new EventQueryTranslation(input, null, null, null, Translated: false);
        if (input.Length > 0 && translator.IsConfigured && !SentrySearchSyntax.LooksLikeSentrySyntax(input))
        {
            // The language model can take seconds: say so to a client that asked for progress.
            progress.Report(new ProgressNotificationValue { Progress = 0, Total = 2, Message = "Translating the query into Sentry search syntax." });
            var attributes = await AttributesAsync(context.Api, org, set, window, regionUrl, cancellationToken).ConfigureAwait(false);
            translation = await translator.TranslateEventQueryAsync(input, set, attributes, context.User, cancellationToken).ConfigureAwait(false);
            progress.Report(new ProgressNotificationValue { Progress = 1, Total = 2, Message = "Searching Sentry." });
        }

        var sentryQuery = translation.Query;
        if (!string.IsNullOrWhiteSpace(projectSlug))
        {
            sentryQuery = $"{sentryQuery} project:{projectSlug.Trim()}".Trim();
        }
        var selected = explicitFields ?? translation.Fields?.ToList() ?? [.. DefaultFields[set]];
        var isAggregate = selected.Any(EventFields.IsAggregate);
        var sortBy = NullIfEmpty(sort) ?? translation.Sort
            ?? (isAggregate ? "-" + selected.First(EventFields.IsAggregate) : "-timestamp");
        var sortKey = sortBy.TrimStart('-');
        // A plain sort column added to an aggregate would change the grouping: let Sentry refuse it instead.
        if (!selected.Contains(sortKey) && (EventFields.IsAggregate(sortKey) || !isAggregate))
        {
            selected.Add(sortKey);
        }

        var request = new EventsQuery(set, sentryQuery, selected, sortBy, limit, window);
        var response = await context.Api.SearchEventsAsync(org, request, regionUrl, cancellationToken).ConfigureAwait(false);
        return SearchEventsOutput.Format(context.Host, org, input, request, translation, includeExplanation, translator.IsConfigured, response);
    }

    private static string NormalizeDataset(string? dataset) => (dataset?.Trim().ToLowerInvariant()) switch
    {
        null or "" or "errors" or "discover" or "events" => "errors",
        "spans" or "transactions" => "spans",
        "logs" or "ourlogs" => "logs",
        var other => throw new UserInputException($"Unknown dataset '{other}'. Use errors, spans or logs."),
    };

    /// <summary>The fields the model may use: built-in columns plus the org's tags or trace-item attributes.</summary>
    private static async Task<IReadOnlyList<SearchAttribute>> AttributesAsync(SentryApiClient api, string org, string dataset, string period, string? regionUrl, CancellationToken ct)
    {
        var result = new List<SearchAttribute>();
        if (dataset == "errors")
        {
            var tags = await api.ListEventTagsAsync(org, period, regionUrl, ct).ConfigureAwait(false);
            result.AddRange(tags.Select(t => new SearchAttribute(t.Key, "string")));
        }
        else
        {
            var strings = api.ListTraceItemAttributesAsync(org, dataset, "string", period, regionUrl, ct);
            var numbers = api.ListTraceItemAttributesAsync(org, dataset, "number", period, regionUrl, ct);
            result.AddRange((await strings.ConfigureAwait(false)).Select(a => new SearchAttribute(a.Key, "string")));
            result.AddRange((await numbers.ConfigureAwait(false)).Select(a => new SearchAttribute(a.Key, "number")));
        }
        result.AddRange(DefaultFields[dataset].Select(f => new SearchAttribute(f, f is "span.duration" ? "duration (ms)" : f is "timestamp" ? "date" : "string")));
        return [.. result.DistinctBy(a => a.Key)];
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^[0-9]{1,4}[mhdw]$")]
    private static partial Regex PeriodPattern();
}
