using System.ComponentModel;

namespace SentryMcp.Core.Tools.Output;

/// <summary>A dashboard as <c>find_dashboards</c> lists it.</summary>
public sealed record DashboardSummaryOutput(
    [property: Description("Pass it as dashboardIdOrTitle to get_dashboard_details.")] string Id,
    string Title,
    int WidgetCount,
    [property: Description("The distinct display types of its widgets (line, table, big_number…).")] IReadOnlyList<string> WidgetTypes,
    [property: Description("Numeric project ids; empty means every project.")] IReadOnlyList<string> Projects,
    IReadOnlyList<string> Environments,
    string? CreatedBy,
    string? DateCreated,
    string? LastVisited,
    bool IsFavorited,
    string? PrebuiltId,
    string Url);

/// <summary>A page of dashboards.</summary>
public sealed record DashboardListOutput(
    IReadOnlyList<DashboardSummaryOutput> Dashboards,
    bool HasMore,
    [property: Description("Pass as cursor to find_dashboards, with the same titleQuery and sort, for the next page.")] string? NextCursor);

public sealed record DashboardLayoutOutput(int? X, int? Y, int? W, int? H);

/// <summary>A widget's saved query: its conditions use Sentry search syntax.</summary>
public sealed record DashboardQueryOutput(
    string? Name,
    IReadOnlyList<string> Fields,
    IReadOnlyList<string> Aggregates,
    IReadOnlyList<string> Columns,
    string? Conditions,
    string? OrderBy);

public sealed record DashboardWidgetOutput(
    string Id,
    string? Title,
    string? Description,
    string? DisplayType,
    [property: Description("The dataset the widget queries: error-events, spans, transaction-like, issue, metrics (release health), logs…")] string? WidgetType,
    string? Interval,
    int? Limit,
    DashboardLayoutOutput? Layout,
    IReadOnlyList<DashboardQueryOutput> Queries);

/// <summary>One dashboard with its saved widget definitions (not live widget data).</summary>
public sealed record DashboardOutput(
    string Id,
    string Title,
    string? DateCreated,
    string? CreatedBy,
    [property: Description("Numeric project ids; empty means every project.")] IReadOnlyList<string> Projects,
    IReadOnlyList<string> Environments,
    string? Period,
    string? Start,
    string? End,
    bool IsFavorited,
    string? PrebuiltId,
    [property: Description("Page filters, each as text (lists joined by commas).")] IReadOnlyDictionary<string, string> Filters,
    IReadOnlyList<DashboardWidgetOutput> Widgets,
    string Url);
