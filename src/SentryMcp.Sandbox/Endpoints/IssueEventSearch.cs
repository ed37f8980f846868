using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SentryMcp.Sandbox;

/// <summary>
/// The events list of one issue with the part of Sentry's event search the demo needs: tag filters
/// (<c>environment:</c>, <c>release:</c>, any event tag), <c>user.email</c>/<c>user.id</c>, <c>trace</c>,
/// <c>!</c> negation, free text over title and message; <c>statsPeriod</c> and <c>sort</c> by timestamp.
/// </summary>
public static partial class IssueEventSearch
{
    public static IResult List(HttpContext http, SandboxState state, string org, string issueId)
    {
        var q = http.Request.Query;
        var sort = q["sort"].FirstOrDefault();
        if (sort is not (null or "" or "-timestamp" or "timestamp"))
        {
            return SentryErrors.BadRequest($"Invalid sort field: {sort}");
        }
        var period = q["statsPeriod"].FirstOrDefault();
        if (!string.IsNullOrEmpty(period) && SandboxRequests.ParsePeriod(period) is null)
        {
            return SentryErrors.BadRequest($"Invalid statsPeriod: {period}");
        }
        var query = q["query"].FirstOrDefault() ?? "";
        if (query.Count(c => c == '"') % 2 == 1)
        {
            return SentryErrors.BadRequest("Parse error at '\"' (column 1). This is commonly caused by unmatched parentheses or quotes.");
        }
        var full = q["full"].FirstOrDefault() is "true" or "1";
        lock (state.Gate)
        {
            if (IssueEndpoints.Find(state.Data, org, issueId, out var issue) is { } notFound)
            {
                return notFound;
            }
            var data = state.Data;
            var since = SandboxRequests.ParsePeriod(period) is { } span ? data.Now - span : DateTimeOffset.MinValue;
            var filters = Tokens().Matches(query).Select(m => Filter(m.Value)).ToList();
            var events = data.EventsOf(issue!.Id)
                .Where(e => e.DateCreated >= since)
                .Select(e => (Event: e, Json: IssueJson.Event(data, issue, e, full: true)))
                .Where(x => filters.All(f => f(x.Json)));
            var ordered = sort == "timestamp" ? events.OrderBy(x => x.Event.DateCreated) : events.OrderByDescending(x => x.Event.DateCreated);
            return Paging.Page(http, ordered.Select(x => full ? x.Json : IssueJson.Event(data, issue, x.Event, full: false)).ToList());
        }
    }

    private static Func<JsonObject, bool> Filter(string token)
    {
        var negate = token.StartsWith('!');
        var body = negate ? token[1..] : token;
        var colon = body.IndexOf(':', StringComparison.Ordinal);
        Func<JsonObject, bool> match = colon > 0 ? Field(body[..colon], body[(colon + 1)..].Trim('"')) : FreeText(body.Trim('"'));
        return negate ? e => !match(e) : match;
    }

    private static Func<JsonObject, bool> Field(string key, string value)
    {
        bool Is(string? actual) => actual is not null && (value.EndsWith('*')
            ? actual.StartsWith(value[..^1], StringComparison.OrdinalIgnoreCase)
            : string.Equals(actual, value, StringComparison.OrdinalIgnoreCase));
        return key switch
        {
            "user.email" => e => Is((string?)e["user"]?["email"]),
            "user.id" => e => Is((string?)e["user"]?["id"]),
            "user.ip" => e => Is((string?)e["user"]?["ip_address"]),
            "trace" => e => Is((string?)e["contexts"]?["trace"]?["trace_id"]),
            "id" or "event.id" => e => Is((string?)e["eventID"]),
            "message" => FreeText(value),
            "has" => e => Tag(e, value) is not null,
            "release" => e => Is(Tag(e, "release") ?? (string?)e["release"]?["version"]),
            _ => e => Is(Tag(e, key)),
        };
    }

    private static Func<JsonObject, bool> FreeText(string text) => e =>
        ((string?)e["title"])?.Contains(text, StringComparison.OrdinalIgnoreCase) == true
        || ((string?)e["message"])?.Contains(text, StringComparison.OrdinalIgnoreCase) == true;

    private static string? Tag(JsonObject e, string key) =>
        e["tags"] is JsonArray tags ? tags.OfType<JsonObject>().FirstOrDefault(t => (string?)t["key"] == key)?["value"]?.GetValue<string>() : null;

    [GeneratedRegex(@"!?[^\s:""]+:(""[^""]*""|\S+)|""[^""]*""|\S+")]
    private static partial Regex Tokens();
}
