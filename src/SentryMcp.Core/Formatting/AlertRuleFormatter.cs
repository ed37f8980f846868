using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Formatting;

/// <summary>
/// Alert rule parts (workflow triggers and action filters, classic conditions and actions, metric
/// triggers) as one readable line each. Their shapes differ by type and Sentry version, so they are
/// read generically: a type or name, then the remaining settings.
/// </summary>
internal static partial class AlertRuleFormatter
{
    private const int MaxPerSection = 10;
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
        { "id", "type", "conditions", "actions", "logicType", "conditionResult", "data", "status", "integrationId", "alertRuleTriggerId", "alertRuleId", "dateCreated", "inputChannelId", "sentryAppId", "desc" };

    public static List<AlertComponentOutput> Components(SentryIssueAlertRule rule)
    {
        var parts = new List<AlertComponentOutput>();
        Add(parts, "Conditions", rule.Conditions, Describe);
        Add(parts, "Filters", rule.Filters, Describe);
        Add(parts, "Actions", rule.Actions, Action);
        if (rule.Triggers is { ValueKind: JsonValueKind.Object } triggers)
        {
            Add(parts, "Triggers", [triggers], Group);
        }
        Add(parts, "Action Filters", rule.ActionFilters, Group);
        return parts;
    }

    public static List<AlertComponentOutput> Components(SentryMetricAlertRule rule)
    {
        var parts = new List<AlertComponentOutput>();
        Add(parts, "Triggers", rule.Triggers, MetricTrigger);
        return parts;
    }

    /// <summary>An owner as Sentry sends it (<c>"team:12"</c> or <c>{type, id, name}</c>) as <c>team:12</c>.</summary>
    public static string? Actor(JsonElement? owner) => owner switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Object } o when o.Str("type") is { } type && o.Str("id") is { } id => $"{type}:{id}",
        _ => null,
    };

    /// <summary>The owner with its name when Sentry gave one: <c>backend (team:12)</c>.</summary>
    public static string? ActorDisplay(JsonElement? owner) =>
        Actor(owner) is not { } actor ? null
        : owner is { ValueKind: JsonValueKind.Object } o && o.Str("name") is { Length: > 0 } name ? $"{name} ({actor})" : actor;

    private static void Add(List<AlertComponentOutput> parts, string section, IReadOnlyList<JsonElement>? items, Func<JsonElement, string> describe)
    {
        foreach (var item in (items ?? []).Where(i => i.ValueKind == JsonValueKind.Object).Take(MaxPerSection))
        {
            parts.Add(new AlertComponentOutput(section, Markdown.Truncate(describe(item), 400)));
        }
        if (items is { Count: > MaxPerSection })
        {
            parts.Add(new AlertComponentOutput(section, $"…and {items.Count - MaxPerSection} more"));
        }
    }

    /// <summary>A workflow group: its logic, conditions and actions in one line.</summary>
    private static string Group(JsonElement group)
    {
        var conditions = group.Prop("conditions").Items().Select(Describe).ToList();
        var actions = group.Prop("actions").Items().Select(Action).ToList();
        var logic = group.Str("logicType") switch { "any-short" or "any" => "any of", "all" => "all of", "none" => "none of", var other => other };
        var text = conditions.Count == 0 ? "always" : $"{logic ?? "all of"}: {string.Join("; ", conditions)}";
        return actions.Count == 0 ? text : $"{text} → {string.Join("; ", actions)}";
    }

    private static string Describe(JsonElement component)
    {
        var label = component.Str("name") ?? Humanize(component.Str("type") ?? component.Str("id") ?? "condition");
        var details = Details(component);
        return details.Length == 0 ? label : $"{label} ({details})";
    }

    private static string Action(JsonElement action)
    {
        var config = action.Prop("config");
        var target = config.Str("targetDisplay") ?? action.Str("targetDisplay") ?? config.Str("targetIdentifier") ?? action.Str("targetIdentifier");
        var kind = action.Str("name") ?? Humanize(action.Str("type") ?? "action");
        var targetType = config.Str("targetType") ?? action.Str("targetType");
        return target is null ? kind : $"{kind} → {target}" + (targetType is null or "specific" ? "" : $" ({targetType})");
    }

    private static string MetricTrigger(JsonElement trigger)
    {
        var label = Humanize(trigger.Str("label") ?? "trigger");
        var below = trigger.Str("thresholdType") == "1";
        var text = $"{label}: alert when {(below ? "below" : "above")} {trigger.Str("alertThreshold") ?? "?"}";
        if (trigger.Str("resolveThreshold") is { } resolve)
        {
            text += $", resolve when {(below ? "above" : "below")} {resolve}";
        }
        var actions = trigger.Prop("actions").Items().Select(Action).ToList();
        return actions.Count == 0 ? text : $"{text} → {string.Join("; ", actions)}";
    }

    /// <summary>The settings besides type and id: <c>comparison</c> values and <c>config</c> flattened.</summary>
    private static string Details(JsonElement component)
    {
        var details = new List<string>();
        foreach (var property in component.Properties())
        {
            if (Skipped.Contains(property.Name) || property.Name == "name" || property.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            {
                continue;
            }
            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                details.AddRange(property.Value.Properties().Where(p => !Skipped.Contains(p.Name) && p.Value.ValueKind != JsonValueKind.Null)
                    .Select(p => $"{Humanize(p.Name).ToLowerInvariant()}: {p.Value.Text(80)}"));
            }
            else if (property.Name == "comparison")
            {
                // A plain "true" comparison only says the condition is on.
                if (property.Value.ValueKind != JsonValueKind.True)
                {
                    details.Add(property.Value.Text(80));
                }
            }
            else
            {
                details.Add($"{Humanize(property.Name).ToLowerInvariant()}: {property.Value.Text(80)}");
            }
        }
        return string.Join(", ", details);
    }

    /// <summary><c>first_seen_event</c> or <c>targetIdentifier</c> → <c>First seen event</c>, <c>Target identifier</c>.</summary>
    public static string Humanize(string value)
    {
        var words = CamelBoundary().Replace(value, "$1 $2").Replace('_', ' ').Replace('-', ' ').Trim().ToLowerInvariant();
        return words.Length == 0 ? value : char.ToUpper(words[0], CultureInfo.InvariantCulture) + words[1..];
    }

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex CamelBoundary();
}
