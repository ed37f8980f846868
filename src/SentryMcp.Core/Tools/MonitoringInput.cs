using System.Globalization;
using System.Text.RegularExpressions;
using SentryMcp.Core.Api;

namespace SentryMcp.Core.Tools;

/// <summary>
/// Input rules shared by the alert and monitor tools. The SDK does not enforce schema ranges and
/// enums, so each tool checks them here and says what to pass instead.
/// </summary>
internal static partial class MonitoringInput
{
    /// <summary>A project slug, or null for exact lowercase <c>all</c> or nothing; honours a project-scoped session.</summary>
    public static string? ProjectOrAll(SentryToolContext context, string? projectSlug, string parameterName = "projectSlug")
    {
        var requested = string.IsNullOrWhiteSpace(projectSlug) || projectSlug.Trim() == "all" ? null : projectSlug.Trim();
        var pinned = context.Constraints.ProjectSlug;
        if (pinned is not null && requested is not null && requested != pinned)
        {
            throw new UserInputException($"This session is limited to project {Formatting.Markdown.Code(pinned)}; '{parameterName}' cannot name another project.");
        }
        return pinned ?? requested;
    }

    /// <summary>One project, required: uptime monitors live under a project path.</summary>
    public static string Project(SentryToolContext context, string? projectSlug)
    {
        var slug = SentryToolContext.Require(projectSlug, "projectSlug");
        return slug == "all"
            ? throw new UserInputException("'projectSlug' must name one project here, not `all`; find_projects lists them.")
            : ProjectOrAll(context, slug)!;
    }

    public static int Limit(int value, int max, string parameterName) =>
        value is >= 1 && value <= max ? value
        : throw new UserInputException($"'{parameterName}' must be between 1 and {max} (got {value.ToString(CultureInfo.InvariantCulture)}).");

    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>
    /// <c>period</c> (<c>24h</c>, <c>7d</c>, <c>2w</c>) or <c>start</c>+<c>end</c> (ISO 8601 UTC); the last
    /// 24 hours when neither is given.
    /// </summary>
    public static MonitorTimeWindow Window(string? period, string? start, string? end)
    {
        var from = Optional(start);
        var to = Optional(end);
        var relative = Optional(period);
        if ((from is null) != (to is null))
        {
            throw new UserInputException("`start` and `end` must be provided together (ISO 8601, e.g. start='2025-04-14T00:00:00Z', end='2025-04-15T00:00:00Z').");
        }
        if (from is not null)
        {
            if (relative is not null)
            {
                throw new UserInputException("`period` cannot be combined with `start` and `end`: pass one or the other.");
            }
            var startAt = Timestamp(from, "start");
            var endAt = Timestamp(to!, "end");
            if (startAt >= endAt)
            {
                throw new UserInputException("`start` must be before `end`.");
            }
            return new MonitorTimeWindow(null, from, to);
        }
        if (relative is not null && !PeriodPattern().IsMatch(relative))
        {
            throw new UserInputException($"'period' must be a number followed by h, d or w, e.g. '24h', '7d' or '2w' (got '{relative}').");
        }
        return new MonitorTimeWindow(relative ?? "24h", null, null);
    }

    public static string Describe(MonitorTimeWindow window) =>
        window.Period is { } period ? $"last {period}" : $"{Formatting.Markdown.Date(window.Start)} to {Formatting.Markdown.Date(window.End)}";

    private static DateTimeOffset Timestamp(string value, string parameterName) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && value.Contains('T', StringComparison.Ordinal)
            ? at
            : throw new UserInputException($"'{parameterName}' must be an ISO 8601 date-time such as '2025-04-14T00:00:00Z' (got '{value}').");

    [GeneratedRegex("^[1-9][0-9]{0,4}[hdw]$")]
    private static partial Regex PeriodPattern();
}
