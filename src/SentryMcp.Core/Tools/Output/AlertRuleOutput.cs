using System.ComponentModel;

namespace SentryMcp.Core.Tools.Output;

/// <summary>An issue alert rule (a workflow attached to a project's issues) in <c>structuredContent</c>.</summary>
public sealed record IssueAlertRuleOutput(
    string Id,
    string Name,
    [property: Description("enabled or disabled.")] string? Status,
    string? ActionMatch,
    string? FilterMatch,
    [property: Description("Minimum minutes between two notifications for the same issue.")] int? FrequencyMinutes,
    string? Environment,
    [property: Description("Owner actor, e.g. team:12 or user:1.")] string? Owner,
    string? DateCreated,
    string? DateUpdated,
    string? LastTriggered,
    string WebUrl);

/// <summary>A metric alert rule in <c>structuredContent</c>.</summary>
public sealed record MetricAlertRuleOutput(
    string Id,
    string Name,
    [property: Description("Sentry's rule status: 0 is active.")] string? Status,
    string? Dataset,
    string? Aggregate,
    string? Query,
    int? TimeWindowMinutes,
    IReadOnlyList<string> Projects,
    string? Environment,
    [property: Description("Owner actor, e.g. team:12 or user:1.")] string? Owner,
    string? DateCreated,
    string WebUrl);

/// <summary>Where the next page of one alert family starts; null when there is none.</summary>
public sealed record AlertRulePageOutput(
    [property: Description("Pass as cursor, with the same kind, for the next page.")] string? NextCursor);

public sealed record AlertRulePaginationOutput(
    [property: Description("Issue alert paging; null when issue alerts were not listed.")] AlertRulePageOutput? Issue,
    [property: Description("Metric alert paging; null when metric alerts were not listed.")] AlertRulePageOutput? Metric);

/// <summary>Issue and metric alert rules, each family paged on its own.</summary>
public sealed record AlertRuleListOutput(
    IReadOnlyList<IssueAlertRuleOutput> IssueRules,
    IReadOnlyList<MetricAlertRuleOutput> MetricRules,
    AlertRulePaginationOutput Pagination);

/// <summary>One condition, filter, trigger or action of a rule, as a readable line.</summary>
public sealed record AlertComponentOutput(
    [property: Description("Conditions, Filters, Actions, Triggers or Action Filters.")] string Section,
    string Summary);

/// <summary>One alert rule with its conditions and actions; exactly one of the two rules is set.</summary>
public sealed record AlertRuleDetailsOutput(
    [property: Description("issue or metric.")] string Kind,
    IssueAlertRuleOutput? IssueRule,
    MetricAlertRuleOutput? MetricRule,
    IReadOnlyList<AlertComponentOutput> Components);
