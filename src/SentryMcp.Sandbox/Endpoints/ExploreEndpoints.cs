using System.Globalization;

namespace SentryMcp.Sandbox;

/// <summary>Discover/Explore: the events table over the errors, spans and logs datasets, and the field lists behind it.</summary>
public static class ExploreEndpoints
{
    public static void MapExploreEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/organizations/{org}/events/", (HttpContext http, SandboxState state, string org) =>
        {
            var q = http.Request.Query;
            lock (state.Gate)
            {
                if (state.Data.Organization(org) is null)
                {
                    return SentryErrors.NotFound();
                }
                var dataset = Dataset(state.Data, q["dataset"].FirstOrDefault() ?? "errors");
                if (dataset is null)
                {
                    return SentryErrors.BadRequest($"Invalid dataset: {q["dataset"]}. Use errors, spans, logs, profiles or tracemetrics.");
                }
                var fields = q["field"].Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f!.Trim()).ToList();
                if (fields.Count == 0)
                {
                    return SentryErrors.BadRequest("No columns selected");
                }
                if (!int.TryParse(q["per_page"].FirstOrDefault() ?? "50", NumberStyles.Integer, CultureInfo.InvariantCulture, out var perPage) || perPage is < 1 or > 100)
                {
                    return SentryErrors.BadRequest("Invalid per_page value: must be between 1 and 100.");
                }
                var since = state.Data.Now - SandboxRequests.ParsePeriod(q["statsPeriod"].FirstOrDefault() ?? "14d");
                if (since is null)
                {
                    return SentryErrors.BadRequest($"Invalid statsPeriod: {q["statsPeriod"]}");
                }
                var projectIds = q["project"].Where(p => !string.IsNullOrEmpty(p) && p != "-1").ToHashSet();
                try
                {
                    var search = new ExploreSearch(dataset, q["query"].FirstOrDefault());
                    var rows = dataset.Rows
                        .Where(r => r.Organization == org && (DateTimeOffset)r.Values["timestamp"]! >= since)
                        .Where(r => projectIds.Count == 0 || projectIds.Contains(Convert.ToString(r.Values["project.id"], CultureInfo.InvariantCulture)!))
                        .Select(r => r.Values).Where(search.Matches).ToList();
                    return Results.Json(ExploreTable.Build(dataset, rows, fields, q["sort"].FirstOrDefault(), perPage));
                }
                catch (ExploreQueryException ex)
                {
                    return SentryErrors.BadRequest(ex.Message);
                }
            }
        }).RequireScope("event:read", "org:read");

        api.MapGet("/organizations/{org}/tags/", (SandboxState state, string org, string? dataset) =>
        {
            lock (state.Gate)
            {
                if (state.Data.Organization(org) is null)
                {
                    return SentryErrors.NotFound();
                }
                var errors = state.Data.Explore["errors"];
                var rows = errors.Rows.Where(r => r.Organization == org).Select(r => r.Values).ToList();
                return Results.Json(errors.TagKeys.Where(errors.Fields.ContainsKey).Select(key => new
                {
                    key,
                    name = key,
                    totalValues = rows.Count(r => r.GetValueOrDefault(key) is not null),
                }));
            }
        }).RequireScope("event:read", "org:read");

        api.MapGet("/organizations/{org}/trace-items/attributes/", (SandboxState state, string org, string? itemType, string? attributeType, string? substringMatch) =>
        {
            lock (state.Gate)
            {
                if (state.Data.Organization(org) is null)
                {
                    return SentryErrors.NotFound();
                }
                if (itemType is not ("spans" or "logs" or "tracemetrics"))
                {
                    return SentryErrors.BadRequest($"Invalid itemType: {itemType}. Use spans, logs or tracemetrics.");
                }
                if (attributeType is not (null or "string" or "number" or "boolean"))
                {
                    return SentryErrors.BadRequest($"Invalid attributeType: {attributeType}. Use string, number or boolean.");
                }
                var dataset = Dataset(state.Data, itemType)!;
                return Results.Json(dataset.Fields
                    .Where(f => (attributeType ?? "string") switch
                    {
                        "number" => f.Value.IsNumeric,
                        "boolean" => f.Value.Type == "boolean",
                        _ => f.Value.Type is "string" or "date",
                    })
                    .Where(f => string.IsNullOrEmpty(substringMatch) || f.Key.Contains(substringMatch, StringComparison.OrdinalIgnoreCase))
                    .Select(f => new { key = f.Key, name = f.Key, attributeSource = new { source_type = "sentry" } }));
            }
        }).RequireScope("event:read", "org:read");
    }

    internal static ExploreDataset? Dataset(DemoData data, string name) => name switch
    {
        "errors" or "discover" or "events" => data.Explore["errors"],
        "spans" => data.Explore["spans"],
        "logs" or "ourlogs" => data.Explore["logs"],
        "profiles" => data.ProfilesExplore,
        "tracemetrics" => data.MetricsExplore,
        _ => null,
    };
}
