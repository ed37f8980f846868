using System.Globalization;
using System.Text.RegularExpressions;

namespace SentryMcp.Sandbox;

/// <summary>
/// The part of Sentry's issue search syntax the demo needs: <c>is:</c>, <c>level:</c>, <c>assigned:</c>,
/// <c>project:</c>, <c>issue.category:</c>, relative <c>firstSeen</c>/<c>lastSeen</c>, count comparisons,
/// tag filters, <c>!</c> negation and free text (title, culprit, short id or an event id).
/// </summary>
public static partial class IssueSearch
{
    public static Func<SandboxIssue, bool> Parse(string? query, DemoData data, string currentUserId)
    {
        var filters = new List<Func<SandboxIssue, bool>>();
        foreach (var token in Tokens().Matches(query ?? string.Empty).Select(m => m.Value))
        {
            var negate = token.StartsWith('!');
            var body = negate ? token[1..] : token;
            var colon = body.IndexOf(':', StringComparison.Ordinal);
            Func<SandboxIssue, bool> filter = colon > 0
                ? Field(body[..colon], Unquote(body[(colon + 1)..]), data, currentUserId)
                : FreeText(Unquote(body), data);
            filters.Add(negate ? i => !filter(i) : filter);
        }
        return issue => filters.All(f => f(issue));
    }

    private static Func<SandboxIssue, bool> Field(string key, string value, DemoData data, string me)
    {
        var values = value.Trim('[', ']').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        bool Any(string? actual) => values.Any(v => string.Equals(v, actual, StringComparison.OrdinalIgnoreCase));
        return key.ToLowerInvariant() switch
        {
            "is" => i => values.Any(v => Is(i, v)),
            "level" => i => Any(i.Level),
            "project" => i => Any(i.ProjectSlug),
            "issue.category" => i => Any(i.IssueCategory),
            "issue.type" => i => Any(i.IssueType),
            "issue.priority" or "priority" => i => Any(i.Priority),
            "assigned" or "assigned_or_suggested" => i => values.Any(v => AssignedTo(i, v, data, me)),
            "firstseen" or "first_seen" => i => Relative(i.FirstSeen, value, data.Now),
            "lastseen" or "last_seen" => i => Relative(i.LastSeen, value, data.Now),
            "usercount" or "user_count" => i => Compare(i.UserCount, value),
            "times_seen" or "timesseen" => i => Compare(i.Count, value),
            _ => i => value == "latest" || i.Tags.Any(t => string.Equals(t.Key, key, StringComparison.OrdinalIgnoreCase)
                && t.TopValues.Any(v => Any(v.Value))),
        };
    }

    private static bool Is(SandboxIssue issue, string value) => value.ToLowerInvariant() switch
    {
        "unresolved" => issue.Status == "unresolved",
        "resolved" => issue.Status == "resolved",
        "ignored" or "archived" => issue.Status == "ignored",
        "assigned" => issue.AssignedTo is not null,
        "unassigned" => issue.AssignedTo is null,
        "for_review" => issue.Status == "unresolved" && issue.Substatus is "new" or "regressed" or "escalating",
        "new" or "regressed" or "escalating" or "ongoing" => issue.Substatus == value.ToLowerInvariant(),
        _ => false,
    };

    private static bool AssignedTo(SandboxIssue issue, string value, DemoData data, string me)
    {
        var assignee = issue.AssignedTo;
        if (value is "none")
        {
            return assignee is null;
        }
        if (assignee is null)
        {
            return false;
        }
        if (value is "me")
        {
            return assignee.Type == "user" && assignee.Id == me;
        }
        if (value.StartsWith('#'))
        {
            return assignee.Type == "team" && assignee.Id == value[1..];
        }
        var user = data.Users.FirstOrDefault(u => u.Email == value || u.Username == value || u.Id == value);
        return user is not null && assignee.Type == "user" && assignee.Id == user.Id;
    }

    private static Func<SandboxIssue, bool> FreeText(string text, DemoData data)
    {
        var eventIssue = data.Events.FirstOrDefault(e => e.EventId == text.Replace("-", "", StringComparison.Ordinal))?.IssueId;
        return i => i.Id == eventIssue
            || i.Title.Contains(text, StringComparison.OrdinalIgnoreCase)
            || i.Culprit.Contains(text, StringComparison.OrdinalIgnoreCase)
            || string.Equals(i.ShortId, text, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary><c>-24h</c> means "within the last 24 hours"; <c>+7d</c> "older than 7 days".</summary>
    private static bool Relative(DateTimeOffset at, string value, DateTimeOffset now)
    {
        if (value.Length < 2 || value[0] is not ('-' or '+') || SandboxRequests.ParsePeriod(value[1..]) is not { } span)
        {
            return true;
        }
        return value[0] == '-' ? at >= now - span : at < now - span;
    }

    private static bool Compare(int actual, string value)
    {
        var op = value.TakeWhile(c => c is '<' or '>' or '=').Count();
        if (!int.TryParse(value[op..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var expected))
        {
            return false;
        }
        return value[..op] switch
        {
            ">" => actual > expected,
            ">=" => actual >= expected,
            "<" => actual < expected,
            "<=" => actual <= expected,
            _ => actual == expected,
        };
    }

    private static string Unquote(string value) => value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;

    [GeneratedRegex("""!?[\w.]+:(?:"[^"]*"|\[[^\]]*\]|\S+)|"[^"]*"|\S+""")]
    private static partial Regex Tokens();
}
