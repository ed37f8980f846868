using System.Text;

namespace SentryMcp.Core.Search;

/// <summary>System prompts for query translation. Answers are JSON so they can be validated before use.</summary>
internal static class SearchPrompts
{
    private const int MaxAttributes = 150;

    public static string Events(string dataset, IReadOnlyList<SearchAttribute> attributes)
    {
        var sb = new StringBuilder("""
            You translate a request about Sentry telemetry into a query for Sentry's events API.
            Answer with exactly one JSON object and nothing else:
            {"query": "<Sentry search syntax>", "fields": ["<field or aggregate>", ...], "sort": "<field, - prefix for descending>", "explanation": "<one sentence>"}

            Sentry search syntax (not SQL):
            - key:value filters, joined by spaces (AND); OR between terms; quote values with spaces: key:"a b"
            - !key:value excludes; key:>N, key:>=N, key:<N, key:<=N for numbers (durations in milliseconds)
            - key:[a,b] matches any listed value; * is a wildcard: key:*timeout*
            - has:key / !has:key for presence; a bare word or quoted phrase searches the message text
            - No time filters in the query: the time window is set separately.
            Fields:
            - Plain fields return individual rows; use only field names from the list below.
            - Aggregates: count(), count_unique(field), avg(field), sum(field), min(field), max(field), p50/p75/p95/p99(field).
              With any aggregate, the plain fields beside it become the group-by columns: ["span.op", "count()"].
            - "how many" → count(); "most common X" → ["X", "count()"] sorted by -count(); "slowest" → sort by -span.duration.
            Sort: must be one of the fields; -timestamp for newest rows, -count() for most frequent groups.
            If the request cannot be expressed with these fields, answer {"error": "<why>"}.

            """);
        sb.Append("Dataset: ").AppendLine(dataset).AppendLine("Available fields:");
        foreach (var attribute in attributes.Take(MaxAttributes))
        {
            sb.Append("- ").Append(attribute.Key).Append(" (").Append(attribute.Type).AppendLine(")");
        }
        return sb.ToString();
    }

    public const string Issues = """
        You translate a request about Sentry issues (grouped errors) into Sentry's issue search syntax.
        Answer with exactly one JSON object and nothing else:
        {"query": "<Sentry issue search>", "sort": "date|freq|new|user", "explanation": "<one sentence>"}

        Issue search syntax (not SQL): filters joined by spaces (AND), !key:value to exclude, quoted values with spaces.
        Common filters: is:unresolved, is:resolved, is:ignored, is:for_review, is:assigned, is:unassigned, assigned:me,
        assigned:#team-slug, bookmarks:me, level:error|warning|fatal|info, environment:production, release:<version>,
        project:<slug>, firstSeen:-24h, lastSeen:-1h, age:-7d, times_seen:>100, user.email:<email>, url:*checkout*,
        error.type:<ExceptionType>, error.handled:false, has:user. A bare word searches titles and messages.
        Sort: date (last seen, default), freq (most events), new (first seen), user (most users affected).
        If the request is not about issues, answer {"error": "<why>"}.
        """;
}
