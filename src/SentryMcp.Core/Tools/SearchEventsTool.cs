using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Search;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed partial class SearchEventsTool
{
    private static readonly Dictionary<string, string[]> DefaultFields = new(StringComparer.Ordinal)
    {
        ["errors"] = ["issue", "title", "project", "timestamp", "level", "message", "culprit", "error.type", "user.email", "trace"],
        ["spans"] = ["id", "span.op", "span.description", "span.duration", "transaction", "timestamp", "project", "trace"],
        ["logs"] = ["timestamp", "project", "message", "severity", "trace"],
        ["metrics"] = ["metric.name", "metric.type", "metric.unit", "value", "timestamp", "project", "trace"],
        ["profiles"] = ["profile.id", "profiler.id", "transaction", "profile.duration", "release", "timestamp", "project", "trace"],
    };

    [McpServerTool(Name = "search_events", Title = "Search events", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(EventSearchOutput))]
    [Description("""
        Search Sentry events (errors, spans, logs, metrics, profiles) and replays, and compute statistics over events (Discover / Explore).

        Use this tool when you need to:
        - Count or aggregate events: "how many errors today", "slowest database spans", "most common log messages"
        - List individual events with timestamps: "error logs from the last hour", "spans slower than 1s"
        - Find session replays: "replays with rage clicks", "replays of jane@example.com"

        Not for grouped issue lists: use search_issues.

        `query` takes plain language or Sentry search syntax. Plain language is translated into Sentry syntax when a
        language model is configured (the translation is shown); input made only of filters such as
        `level:error span.op:db` is sent as is, and if translation is unavailable or fails the text is used as Sentry syntax (with a note).

        Datasets: errors (exceptions and crashes), spans (traces and performance: span.op, span.duration in ms),
        logs (log lines with severity), metrics (metric samples: metric.name, metric.type, value), profiles (captured
        profiles: profile.id, transaction, profile.duration), replays (session replays: count_errors, count_rage_clicks,
        count_dead_clicks, user.email, url; lists only, no aggregates). Aggregates go in `fields`: count(), count_unique(field),
        avg/sum/min/max/p50/p95/p99(field); plain fields beside them become the group-by columns.

        <examples>
        search_events(organizationSlug='my-org', query='database spans slower than 100ms', dataset='spans')
        search_events(organizationSlug='my-org', query='level:error', dataset='errors')
        search_events(organizationSlug='my-org', dataset='errors', fields=['issue', 'count()'], sort='-count()')
        search_events(organizationSlug='my-org', dataset='spans', query='span.op:db', fields=['span.description', 'avg(span.duration)'], sort='-avg(span.duration)')
        search_events(organizationSlug='my-org', dataset='replays', query='count_errors:>0', sort='-count_errors', environment=['production'])
        </examples>

        <hints>
        - A parameter in the form name/otherName is likely <organizationSlug>/<projectSlug>.
        - Sort by -count() for the most common groups, -timestamp for the newest rows, -started_at for the newest replays.
        </hints>
        """)]
    [SentryTool(PermissionGroup.Read, "event:read", Skills = [Skill.Inspect, Skill.Triage, Skill.Seer])]
    public static async Task<CallToolResult> SearchEvents(
        SentryToolContext context,
        SearchQueryTranslator translator,
        IProgress<ProgressNotificationValue> progress,
        [Description("The organization's slug. find_organizations lists them.")] string organizationSlug,
        [Description("Natural language or Sentry event search syntax, e.g. 'slowest checkout requests' or 'level:error !environment:staging'.")] string? query = null,
        [Description("Dataset: errors (default), spans, logs, metrics, profiles or replays.")][AllowedValues("spans", "errors", "logs", "metrics", "profiles", "replays")] string? dataset = null,
        [Description("Fields to return. Plain fields for rows, or aggregates such as 'count()', 'count_unique(user)', 'avg(span.duration)', 'p95(span.duration)' (plain fields beside them are grouped by). Defaults depend on the dataset. Leave empty for replays.")] string[]? fields = null,
        [Description("Sort field, '-' prefix for descending: '-timestamp' (default for rows), '-count()' for the most frequent groups; for replays '-started_at' (default), '-count_errors', '-duration'.")] string? sort = null,
        [Description("Only events of this project (slug).")] string? projectSlug = null,
        [Description("For dataset='replays': only replays of this environment ('production') or these environments (['production', 'staging']). For other datasets put environment:<name> in the query.")] JsonElement? environment = null,
        [Description("The organization's region URL from find_organizations (SaaS only).")] string? regionUrl = null,
        [Description("Maximum number of rows to return (1-100, default 10).")][Range(1, 100)] int limit = 10,
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
        var environments = Environments(environment);
        if (environments.Count > 0 && set != "replays")
        {
            throw new UserInputException($"environment applies to dataset='replays'. For the {set} dataset put the environment in the query, e.g. query='environment:{environments[0]}'.");
        }
        var input = (query ?? string.Empty).Trim();
        var explicitFields = fields?.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim()).Distinct().ToList() is { Count: > 0 } list ? list : null;

        var (translation, note) = await TranslateAsync(context, translator, progress, org, input, set, window, regionUrl, cancellationToken).ConfigureAwait(false);
        if (set == "replays")
        {
            return await SearchReplaysAsync(context, org, input, translation, note, sort, projectSlug, environments, limit, window, regionUrl, cancellationToken).ConfigureAwait(false);
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

        var request = new EventsQuery(ApiDataset(set), sentryQuery, selected, sortBy, limit, window);
        // An aggregate also gets its series over time (for a chart), fetched beside the table.
        var seriesTask = isAggregate
            ? EventTimeSeries.FetchAsync(context.Api, org, ApiDataset(set), sentryQuery, selected, window, regionUrl, cancellationToken)
            : Task.FromResult<TimeSeriesOutput?>(null);
        var response = await context.Api.SearchEventsAsync(org, request, regionUrl, cancellationToken).ConfigureAwait(false);
        var series = await seriesTask.ConfigureAwait(false);
        var markdown = SearchEventsOutput.Format(context.Host, org, input, request, translation, includeExplanation, translator.IsConfigured, response, note, series);
        var rows = response.Data ?? [];
        return ToolResults.Structured(markdown, new EventSearchOutput(set, sentryQuery, translation.Translated, selected, sortBy, window,
            [.. rows.Select(r => (IReadOnlyDictionary<string, JsonElement>)r)], rows.Count >= limit, note, series));
    }

    /// <summary>
    /// Plain language through the model when one is configured. A failing or rate-limited model never
    /// fails the call: the text is used as Sentry syntax and the answer says so.
    /// </summary>
    private static async Task<(EventQueryTranslation Translation, string? Note)> TranslateAsync(SentryToolContext context, SearchQueryTranslator translator,
        IProgress<ProgressNotificationValue> progress, string org, string input, string set, string window, string? regionUrl, CancellationToken ct)
    {
        var untranslated = new EventQueryTranslation(input, null, null, null, Translated: false);
        if (input.Length == 0 || !translator.IsConfigured || SentrySearchSyntax.LooksLikeSentrySyntax(input))
        {
            return (untranslated, null);
        }
        // The language model can take seconds: say so to a client that asked for progress.
        progress.Report(new ProgressNotificationValue { Progress = 0, Total = 2, Message = "Translating the query into Sentry search syntax." });
        try
        {
            var attributes = await AttributesAsync(context.Api, org, set, window, regionUrl, ct).ConfigureAwait(false);
            var translation = await translator.TranslateEventQueryAsync(input, set, attributes, context.User, ct).ConfigureAwait(false);
            progress.Report(new ProgressNotificationValue { Progress = 1, Total = 2, Message = "Searching Sentry." });
            return (translation, null);
        }
        catch (SearchTranslationBudgetException)
        {
            return (untranslated, "The per-user limit of natural-language translations was reached, so the text was used as Sentry search syntax; retry in a minute for a translation.");
        }
        catch (SearchTranslationException)
        {
            return (untranslated, "The language model could not translate the query, so the text was used as Sentry search syntax. Rephrase it as filters (e.g. `level:error`) if the results miss the point.");
        }
        catch (SentryApiException ex) when (ex.IsClientError)
        {
            return (untranslated, "The dataset's fields could not be listed for the translation, so the text was used as Sentry search syntax.");
        }
    }

    private static async Task<CallToolResult> SearchReplaysAsync(SentryToolContext context, string org, string input, EventQueryTranslation translation, string? note,
        string? sort, string? projectSlug, List<string> environments, int limit, string window, string? regionUrl, CancellationToken ct)
    {
        var sortBy = NullIfEmpty(sort) ?? translation.Sort ?? "-started_at";
        if (!ReplaySearchOutput.SortFields.Contains(sortBy.TrimStart('-')))
        {
            throw new UserInputException($"Invalid replay sort '{sortBy}'. Use a replay field such as -started_at, -count_errors, -count_rage_clicks, -count_dead_clicks or -duration.");
        }
        string? projectId = null;
        if (!string.IsNullOrWhiteSpace(projectSlug))
        {
            try
            {
                projectId = await context.Api.ResolveProjectIdAsync(org, projectSlug.Trim(), regionUrl, ct).ConfigureAwait(false);
            }
            catch (SentryApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                throw new UserInputException($"No project '{projectSlug.Trim()}' was found in organization '{org}'. find_projects lists them.");
            }
        }
        var replays = await context.Api.SearchReplaysAsync(org, translation.Query, sortBy, limit, window, environments, projectId, regionUrl, ct).ConfigureAwait(false);
        var markdown = ReplaySearchOutput.Format(context.Host, org, input, translation.Query, sortBy, window, environments, replays, limit, translation.Translated, note);
        var rows = replays.Select(r => (IReadOnlyDictionary<string, JsonElement>)JsonSerializer.SerializeToElement(r, SentryJson.TypeInfo<SentryReplay>(SentryJson.Options))
            .EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone())).ToList();
        return ToolResults.Structured(markdown, new EventSearchOutput("replays", translation.Query, translation.Translated, [], sortBy, window, rows, replays.Count >= limit, note));
    }

    /// <summary>The official schema takes one environment or a list; anything else is an input error.</summary>
    private static List<string> Environments(JsonElement? environment)
    {
        IEnumerable<JsonElement> values = environment switch
        {
            null or { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => [],
            { ValueKind: JsonValueKind.String } one => [one],
            { ValueKind: JsonValueKind.Array } many => many.EnumerateArray(),
            _ => throw new UserInputException("environment must be a string ('production') or a list of strings (['production', 'staging'])."),
        };
        return [.. values.Select(v => v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())
                ? v.GetString()!.Trim()
                : throw new UserInputException("environment must be a string ('production') or a list of non-empty strings."))
            .Distinct(StringComparer.Ordinal)];
    }

    private static string NormalizeDataset(string? dataset) => (dataset?.Trim().ToLowerInvariant()) switch
    {
        null or "" or "errors" or "discover" or "events" => "errors",
        "spans" or "transactions" => "spans",
        "logs" or "ourlogs" => "logs",
        "metrics" or "tracemetrics" => "metrics",
        "profiles" => "profiles",
        "replays" => "replays",
        var other => throw new UserInputException($"Unknown dataset '{other}'. Use errors, spans, logs, metrics, profiles or replays."),
    };

    /// <summary>Our dataset names are the official server's; Sentry calls the metrics dataset <c>tracemetrics</c>.</summary>
    private static string ApiDataset(string set) => set == "metrics" ? "tracemetrics" : set;

    /// <summary>The fields the model may use: built-in columns plus the org's tags or trace-item attributes.</summary>
    private static async Task<IReadOnlyList<SearchAttribute>> AttributesAsync(SentryApiClient api, string org, string dataset, string period, string? regionUrl, CancellationToken ct)
    {
        var result = new List<SearchAttribute>();
        if (dataset == "errors")
        {
            var tags = await api.ListEventTagsAsync(org, period, regionUrl, ct).ConfigureAwait(false);
            result.AddRange(tags.Select(t => new SearchAttribute(t.Key, "string")));
        }
        else if (dataset is "spans" or "logs" or "metrics")
        {
            var strings = api.ListTraceItemAttributesAsync(org, ApiDataset(dataset), "string", period, regionUrl, ct);
            var numbers = api.ListTraceItemAttributesAsync(org, ApiDataset(dataset), "number", period, regionUrl, ct);
            result.AddRange((await strings.ConfigureAwait(false)).Select(a => new SearchAttribute(a.Key, "string")));
            result.AddRange((await numbers.ConfigureAwait(false)).Select(a => new SearchAttribute(a.Key, "number")));
        }
        if (dataset == "replays")
        {
            result.AddRange(ReplaySearchOutput.SortFields.Select(f => new SearchAttribute(f, f.StartsWith("count_", StringComparison.Ordinal) || f == "duration" ? "number" : "string")));
            result.Add(new SearchAttribute("url", "string"));
        }
        else
        {
            result.AddRange(DefaultFields[dataset].Select(f => new SearchAttribute(f, f is "span.duration" or "profile.duration" ? "duration (ms)" : f is "timestamp" ? "date" : f is "value" ? "number" : "string")));
        }
        return [.. result.DistinctBy(a => a.Key)];
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^[0-9]{1,4}[mhdw]$")]
    private static partial Regex PeriodPattern();
}
