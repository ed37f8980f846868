namespace SentryMcp.Sandbox;

/// <summary>Issue alerts (workflows), metric alert rules and the combined-rules name search.</summary>
public static class AlertRuleEndpoints
{
    private static readonly string[] ReadScopes = ["org:read", "alerts:read", "alerts:write"];

    public static void MapAlertRuleEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/organizations/{org}/workflows/", (HttpContext http, SandboxState state, string org, string? projectSlug, string? id, string? query) =>
        {
            lock (state.Gate)
            {
                var data = state.Data;
                if (data.Organization(org) is null)
                {
                    return SentryErrors.NotFound();
                }
                SandboxProject? project = null;
                if (!string.IsNullOrEmpty(projectSlug) && (project = data.Project(org, projectSlug)) is null)
                {
                    return SentryErrors.NotFound();
                }
                var name = NameFilter(query);
                var rules = data.Monitoring.IssueAlerts
                    .Where(r => r.OrganizationSlug == org)
                    // Like Sentry, a project filter still returns the organization's unattached workflows.
                    .Where(r => project is null || r.ProjectIds.Count == 0 || r.ProjectIds.Contains(project.Id))
                    .Where(r => string.IsNullOrEmpty(id) || r.Id == id)
                    .Where(r => name is null || r.Name.Contains(name, StringComparison.OrdinalIgnoreCase))
                    .OrderByDescending(r => long.Parse(r.Id, System.Globalization.CultureInfo.InvariantCulture))
                    .Select(r => WorkflowJson(r))
                    .ToList();
                return Paging.Page(http, rules, defaultPerPage: 25);
            }
        }).RequireScope(ReadScopes);

        api.MapGet("/organizations/{org}/alert-rules/", (HttpContext http, SandboxState state, string org) =>
            MetricPage(http, state, org, null)).RequireScope(ReadScopes);

        api.MapGet("/organizations/{org}/combined-rules/", (HttpContext http, SandboxState state, string org, string? name, string? alertType) =>
            alertType is not null and not "alert_rule" and not "rule"
                ? SentryErrors.BadRequest("Invalid alertType.")
                : alertType == "rule" ? Paging.Page(http, Array.Empty<object>()) : MetricPage(http, state, org, name ?? "")).RequireScope(ReadScopes);

        api.MapGet("/organizations/{org}/alert-rules/{ruleId}/", (SandboxState state, string org, string ruleId) =>
        {
            lock (state.Gate)
            {
                var rule = state.Data.Monitoring.MetricAlerts.FirstOrDefault(r => r.OrganizationSlug == org && r.Id == ruleId);
                return rule is null ? SentryErrors.NotFound() : Results.Json(MetricJson(state.Data, rule));
            }
        }).RequireScope(ReadScopes);
    }

    private static IResult MetricPage(HttpContext http, SandboxState state, string org, string? name)
    {
        lock (state.Gate)
        {
            var data = state.Data;
            if (data.Organization(org) is null)
            {
                return SentryErrors.NotFound();
            }
            var projects = MonitoringEndpoints.ProjectIds(http);
            if (projects.Any(p => data.Project(org, p) is null))
            {
                return SentryErrors.Json(403, "You do not have permission to perform this action.");
            }
            var rules = data.Monitoring.MetricAlerts
                .Where(r => r.OrganizationSlug == org)
                .Where(r => projects.Count == 0 || r.ProjectIds.Any(projects.Contains))
                .Where(r => string.IsNullOrEmpty(name) || r.Name.Contains(name, StringComparison.OrdinalIgnoreCase))
                .OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
                .Select(r => MetricJson(data, r))
                .ToList();
            return Paging.Page(http, rules, defaultPerPage: 25);
        }
    }

    /// <summary>The workflow list's name search arrives as <c>name:"*text*"</c>; plain text matches too.</summary>
    private static string? NameFilter(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return null;
        }
        var text = query.Trim();
        if (text.StartsWith("name:", StringComparison.Ordinal))
        {
            text = text[5..].Trim('"').Trim('*').Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
        }
        return text;
    }

    private static object WorkflowJson(SandboxIssueAlert rule) => new
    {
        id = rule.Id,
        name = rule.Name,
        organizationId = "1",
        createdBy = DemoData.UserId,
        dateCreated = rule.DateCreated,
        dateUpdated = rule.DateCreated.AddDays(3),
        triggers = rule.Triggers,
        actionFilters = rule.ActionFilters,
        environment = rule.Environment,
        config = new { frequency = rule.Frequency },
        detectorIds = rule.ProjectIds.Select(DemoData.DetectorId),
        enabled = rule.Enabled,
        lastTriggered = rule.LastTriggered,
        owner = rule.Owner,
    };

    private static object MetricJson(DemoData data, SandboxMetricAlert rule) => new
    {
        id = rule.Id,
        name = rule.Name,
        organizationId = "1",
        queryType = rule.Dataset == "events" ? 0 : 1,
        dataset = rule.Dataset,
        query = rule.Query,
        aggregate = rule.Aggregate,
        thresholdType = 0,
        resolveThreshold = (double?)null,
        timeWindow = rule.TimeWindow,
        environment = rule.Environment,
        triggers = rule.Triggers,
        projects = rule.ProjectIds.Select(id => data.Projects.First(p => p.Id == id).Slug),
        owner = rule.Owner,
        status = 0,
        dateModified = rule.DateCreated.AddDays(2),
        dateCreated = rule.DateCreated,
        createdBy = new { id = 1, name = "Jane Doe", email = "jane@acme.example" },
        type = "alert_rule",
    };
}
