using SentryMcp.Core.Api;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

/// <summary>What find_alert_rules and get_alert_rule share: the kind parameter, outputs and web links.</summary>
internal static class AlertRuleKind
{
    public static string Parse(string? kind)
    {
        var value = string.IsNullOrWhiteSpace(kind) ? "all" : kind.Trim();
        return value is "all" or "issue" or "metric"
            ? value
            : throw new UserInputException($"'kind' must be one of: all, issue, metric (got '{value}').");
    }

    public static IssueAlertRuleOutput ToOutput(SentryToolContext context, string org, SentryIssueAlertRule rule) => new(
        rule.Id,
        rule.Name,
        rule.Status ?? (rule.Enabled is { } enabled ? (enabled ? "enabled" : "disabled") : null),
        rule.ActionMatch,
        rule.FilterMatch,
        rule.Frequency ?? (rule.Config is { } config && config.TryGetValue("frequency", out var f) && f.ValueKind == System.Text.Json.JsonValueKind.Number && f.TryGetInt32(out var minutes) ? minutes : null),
        rule.Environment,
        AlertRuleFormatter.Actor(rule.Owner),
        rule.DateCreated,
        rule.DateUpdated,
        rule.LastTriggered,
        $"{context.Host.OrganizationUrl(org)}monitors/alerts/{Uri.EscapeDataString(rule.Id)}/");

    public static MetricAlertRuleOutput ToOutput(SentryToolContext context, string org, SentryMetricAlertRule rule) => new(
        rule.Id,
        rule.Name,
        rule.Status,
        rule.Dataset,
        rule.Aggregate,
        rule.Query,
        rule.TimeWindow is { } window ? (int)window : null,
        rule.Projects ?? [],
        rule.Environment,
        AlertRuleFormatter.Actor(rule.Owner),
        rule.DateCreated,
        $"{context.Host.OrganizationUrl(org)}issues/alerts/rules/details/{Uri.EscapeDataString(rule.Id)}/");
}
