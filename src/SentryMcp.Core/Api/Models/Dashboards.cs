using System.Text.Json;

namespace SentryMcp.Core.Api.Models;

/// <summary>A widget's position on the dashboard grid (columns and rows).</summary>
public sealed record DashboardLayout(int? X, int? Y, int? W, int? H);

public sealed record DashboardWidgetPreview(string? DisplayType, DashboardLayout? Layout);

/// <summary>An entry of <c>GET /organizations/{org}/dashboards/</c>: a summary without widget definitions.</summary>
public sealed record SentryDashboardSummary(
    string Id,
    string Title,
    string? DateCreated,
    JsonElement? CreatedBy,
    IReadOnlyList<string>? Environment,
    string? LastVisited,
    IReadOnlyList<string>? WidgetDisplay,
    IReadOnlyList<DashboardWidgetPreview>? WidgetPreview,
    bool? IsFavorited,
    IReadOnlyList<string>? Projects,
    string? PrebuiltId);

public sealed record DashboardWidgetQuery(
    string? Id,
    string? Name,
    IReadOnlyList<string>? Fields,
    IReadOnlyList<string>? Aggregates,
    IReadOnlyList<string>? Columns,
    string? Conditions,
    string? Orderby);

public sealed record DashboardWidget(
    string Id,
    string? Title,
    string? Description,
    string? DisplayType,
    string? Interval,
    int? Limit,
    string? WidgetType,
    string? DatasetSource,
    DashboardLayout? Layout,
    IReadOnlyList<DashboardWidgetQuery>? Queries);

/// <summary><c>GET /organizations/{org}/dashboards/{id}/</c>: saved definitions, not live data.</summary>
public sealed record SentryDashboard(
    string Id,
    string Title,
    string? DateCreated,
    JsonElement? CreatedBy,
    IReadOnlyList<DashboardWidget>? Widgets,
    IReadOnlyList<string>? Projects,
    IReadOnlyList<string>? Environment,
    Dictionary<string, JsonElement>? Filters,
    bool? IsFavorited,
    string? PrebuiltId,
    string? Period,
    string? Start,
    string? End,
    string? Utc);

/// <summary>Who made a dashboard: Sentry sends a user object (name, email) or nothing.</summary>
public static class DashboardActor
{
    public static string? Describe(JsonElement? actor)
    {
        if (actor is not { ValueKind: JsonValueKind.Object } user)
        {
            return actor is { ValueKind: JsonValueKind.String } text ? text.GetString() : null;
        }
        var name = Text(user, "name");
        var email = Text(user, "email");
        return name is not null && email is not null && name != email ? $"{name} ({email})" : name ?? email ?? Text(user, "id");
    }

    private static string? Text(JsonElement user, string property) =>
        user.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString() : null;
}
