using System.Globalization;
using SentryMcp.Core.Api;

namespace SentryMcp.Core.Tools;

/// <summary>
/// How an ignored issue comes back, as Sentry's PUT takes it: a substatus plus at most one condition
/// (a duration, an occurrence count with an optional window, or a user count with an optional window).
/// </summary>
internal sealed record IssueIgnoreRule(string Substatus, string Behavior, IReadOnlyDictionary<string, object> Fields)
{
    public static readonly string[] Modes = ["untilEscalating", "forever", "forDuration", "untilOccurrenceCount", "untilUserCount"];

    /// <summary>Sentry caps count windows at one week.</summary>
    public const int MaxWindowMinutes = 10_080;

    /// <summary>
    /// The rule for this call, or null when nothing about ignoring was asked. The mode may be left out
    /// when the numbers say it (ignoreCount means untilOccurrenceCount); contradictions are refused.
    /// </summary>
    public static IssueIgnoreRule? From(string? status, string? mode, int? durationMinutes, int? count, int? windowMinutes, int? userCount, int? userWindowMinutes)
    {
        var anyOption = mode is not null || durationMinutes is not null || count is not null || windowMinutes is not null || userCount is not null || userWindowMinutes is not null;
        if (!anyOption)
        {
            return status == "ignored" ? UntilEscalating : null;
        }
        if (status != "ignored")
        {
            throw new UserInputException("ignoreMode and the ignore* options only apply with status='ignored'. Add status='ignored', or drop them.");
        }
        if (mode is not null && !Modes.Contains(mode))
        {
            throw new UserInputException($"Invalid ignoreMode '{mode}'. Use one of: {string.Join(", ", Modes)}.");
        }
        Positive(durationMinutes, "ignoreDurationMinutes", int.MaxValue);
        Positive(count, "ignoreCount", int.MaxValue);
        Positive(windowMinutes, "ignoreWindowMinutes", MaxWindowMinutes);
        Positive(userCount, "ignoreUserCount", int.MaxValue);
        Positive(userWindowMinutes, "ignoreUserWindowMinutes", MaxWindowMinutes);
        if (windowMinutes is not null && count is null)
        {
            throw new UserInputException("ignoreWindowMinutes needs ignoreCount (ignore until it occurs ignoreCount times within ignoreWindowMinutes).");
        }
        if (userWindowMinutes is not null && userCount is null)
        {
            throw new UserInputException("ignoreUserWindowMinutes needs ignoreUserCount (ignore until it affects ignoreUserCount users within ignoreUserWindowMinutes).");
        }
        var families = new[] { durationMinutes is not null, count is not null, userCount is not null }.Count(x => x);
        if (families > 1)
        {
            throw new UserInputException("Choose one ignore condition: ignoreDurationMinutes, or ignoreCount (+ ignoreWindowMinutes), or ignoreUserCount (+ ignoreUserWindowMinutes).");
        }
        var resolved = mode ?? (durationMinutes is not null ? "forDuration" : count is not null ? "untilOccurrenceCount" : userCount is not null ? "untilUserCount" : "untilEscalating");
        return resolved switch
        {
            "untilEscalating" or "forever" when families > 0 =>
                throw new UserInputException($"ignoreMode '{resolved}' takes no duration or count; drop them, or use forDuration, untilOccurrenceCount or untilUserCount."),
            "untilEscalating" => UntilEscalating,
            "forever" => new("archived_forever", "Forever", Empty),
            "forDuration" => durationMinutes is { } minutes
                ? new("archived_until_condition_met", $"For {Plural(minutes, "minute")}", new Dictionary<string, object> { ["ignoreDuration"] = minutes })
                : throw Needs("forDuration", "ignoreDurationMinutes"),
            "untilOccurrenceCount" => count is { } times
                ? new("archived_until_condition_met",
                    windowMinutes is { } window ? $"Until it occurs {Plural(times, "time")} in {Plural(window, "minute")}" : $"Until it occurs {Plural(times, "more time")}",
                    WithOptional("ignoreCount", times, "ignoreWindow", windowMinutes))
                : throw Needs("untilOccurrenceCount", "ignoreCount"),
            _ => userCount is { } users
                ? new("archived_until_condition_met",
                    userWindowMinutes is { } userWindow ? $"Until it affects {Plural(users, "user")} in {Plural(userWindow, "minute")}" : $"Until it affects {Plural(users, "more user")}",
                    WithOptional("ignoreUserCount", users, "ignoreUserWindow", userWindowMinutes))
                : throw Needs("untilUserCount", "ignoreUserCount"),
        };
    }

    private static readonly Dictionary<string, object> Empty = [];

    private static IssueIgnoreRule UntilEscalating => new("archived_until_escalating", "Until escalating", Empty);

    private static void Positive(int? value, string name, int max)
    {
        if (value is { } v && (v < 1 || v > max))
        {
            throw new UserInputException($"{name} must be between 1 and {max.ToString("N0", CultureInfo.InvariantCulture)} (got {v}).");
        }
    }

    private static UserInputException Needs(string mode, string parameter) => new($"ignoreMode '{mode}' needs {parameter}.");

    private static Dictionary<string, object> WithOptional(string key, int value, string optionalKey, int? optional)
    {
        var fields = new Dictionary<string, object> { [key] = value };
        if (optional is { } o)
        {
            fields[optionalKey] = o;
        }
        return fields;
    }

    private static string Plural(int n, string noun) => $"{n.ToString(CultureInfo.InvariantCulture)} {noun}{(n == 1 ? "" : "s")}";
}
