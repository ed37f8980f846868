using System.Globalization;

namespace SentryMcp.Sandbox;

/// <summary>
/// The replay list's search: <c>key:value</c>, <c>key:&gt;n</c>, <c>key:&lt;n</c> and free text, sorted by a
/// replay field, within <c>statsPeriod</c>, <c>environment</c> and <c>project</c>, as <c>{"data": [...]}</c>.
/// </summary>
public static class ReplaySearch
{
    private static readonly Dictionary<string, Func<SandboxReplay, IComparable>> Fields = new(StringComparer.Ordinal)
    {
        ["started_at"] = r => r.StartedAt,
        ["finished_at"] = r => r.StartedAt.AddSeconds(r.DurationSeconds),
        ["duration"] = r => r.DurationSeconds,
        ["count_errors"] = r => r.ErrorIds.Count,
        ["count_warnings"] = r => r.Warnings,
        ["count_infos"] = r => r.Infos,
        ["count_rage_clicks"] = r => r.RageClicks,
        ["count_dead_clicks"] = r => r.DeadClicks,
        ["count_urls"] = r => r.Urls.Count,
        ["user.email"] = r => r.User.Email,
        ["user.id"] = r => r.User.Id,
        ["browser.name"] = r => r.Browser.Name,
        ["os.name"] = r => r.Os.Name,
        ["release"] = r => r.Release,
        ["environment"] = r => r.Environment,
    };

    public static IResult List(HttpContext http, DemoData data, string org)
    {
        var query = http.Request.Query;
        var sort = query["sort"].FirstOrDefault() ?? "-started_at";
        if (!Fields.TryGetValue(sort.TrimStart('-'), out var sortKey))
        {
            return SentryErrors.BadRequest($"Invalid sort field: {sort}");
        }
        var since = SentryPeriod(query["statsPeriod"].FirstOrDefault() ?? "14d", data.Now);
        if (since is null)
        {
            return SentryErrors.BadRequest("Invalid statsPeriod.");
        }
        var perPage = int.TryParse(query["per_page"].FirstOrDefault() ?? "50", NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
        if (perPage is < 1 or > 100)
        {
            return SentryErrors.BadRequest("Invalid per_page value: must be between 1 and 100.");
        }
        var environments = query["environment"].Where(e => !string.IsNullOrEmpty(e)).ToHashSet(StringComparer.Ordinal);
        var projects = query["project"].Where(p => !string.IsNullOrEmpty(p) && p != "-1").ToHashSet(StringComparer.Ordinal);
        var replays = data.Replays.Where(r => r.OrganizationSlug == org && r.StartedAt >= since
            && (environments.Count == 0 || environments.Contains(r.Environment))
            && (projects.Count == 0 || projects.Contains(data.Project(org, r.ProjectSlug)!.Id)));
        foreach (var token in (query["query"].FirstOrDefault() ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Filter(token) is not { } filter)
            {
                return SentryErrors.BadRequest($"Invalid search query: unknown replay field in '{token}'.");
            }
            replays = replays.Where(filter);
        }
        var ordered = sort.StartsWith('-') ? replays.OrderByDescending(sortKey) : replays.OrderBy(sortKey);
        return Results.Json(new { data = ordered.Take(perPage).Select(r => ReplayEndpoints.Json(data, r)).ToList() });
    }

    private static Func<SandboxReplay, bool>? Filter(string token)
    {
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return r => r.User.Email.Contains(token, StringComparison.OrdinalIgnoreCase) || r.Urls.Any(u => u.Contains(token, StringComparison.OrdinalIgnoreCase));
        }
        var key = token[..colon];
        var value = token[(colon + 1)..].Trim('"');
        if (key == "url")
        {
            var needle = value.Trim('*');
            return r => r.Urls.Any(u => u.Contains(needle, StringComparison.OrdinalIgnoreCase));
        }
        if (!Fields.TryGetValue(key, out var field))
        {
            return null;
        }
        if ((value.StartsWith('>') || value.StartsWith('<')) && double.TryParse(value.TrimStart('>', '<', '='), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            var greater = value.StartsWith('>');
            var inclusive = value.Length > 1 && value[1] == '=';
            return r => field(r) is int v && (greater ? (inclusive ? v >= number : v > number) : (inclusive ? v <= number : v < number));
        }
        return r => string.Equals(Convert.ToString(field(r), CultureInfo.InvariantCulture), value, StringComparison.OrdinalIgnoreCase);
    }

    private static DateTimeOffset? SentryPeriod(string period, DateTimeOffset now)
    {
        if (period.Length < 2 || !int.TryParse(period[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }
        return period[^1] switch
        {
            'm' => now.AddMinutes(-amount),
            'h' => now.AddHours(-amount),
            'd' => now.AddDays(-amount),
            'w' => now.AddDays(-7 * amount),
            _ => null,
        };
    }
}
