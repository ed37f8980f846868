using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class GetAlertRuleTool
{
    private const int NameSearchLimit = 100;

    [McpServerTool(Name = "get_alert_rule", Title = "Get alert rule", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(AlertRuleDetailsOutput))]
    [Description("Get details for a Sentry alert rule: its conditions, filters, query, triggers and actions.\n\nUse this tool when you need to:\n- Inspect an alert rule's exact conditions and notification actions before explaining or planning changes\n- See the thresholds of a metric alert\n\n<examples>\nget_alert_rule(organizationSlug='my-org', kind='metric', ruleIdOrName='12345')\nget_alert_rule(organizationSlug='my-org', kind='issue', projectSlug='backend', ruleIdOrName='Notify backend team')\nget_alert_rule(organizationSlug='my-org', projectSlug='backend', ruleIdOrName='P95 latency')\n</examples>\n\n<hints>\n- Use `kind='issue'` or `kind='metric'` for numeric IDs because issue and metric alerts use separate endpoints.\n- With `kind='all'`, `ruleIdOrName` is an exact alert rule name (case-insensitive), even when it is all digits.\n- Issue alert rules belong to a project, so `projectSlug` is required when `kind` is `issue`.\n</hints>")]
    [SentryTool(PermissionGroup.Read, "org:read", "project:read", Skills = [Skill.Inspect])]
    public static async Task<CallToolResult> GetAlertRule(
        SentryToolContext context,
        [Description("The organization's slug. find_organizations lists the organizations you can access.")] string organizationSlug,
        [Description("The alert rule's numeric ID, or its exact name.")] string ruleIdOrName,
        [Description("The organization's region URL, if known (from find_organizations). Leave empty for self-hosted Sentry.")] string? regionUrl = null,
        [Description("Which alert rule family to inspect. Use `issue` or `metric` for numeric IDs; `all` treats the value as an exact-name lookup.")][AllowedValues("all", "issue", "metric")] string kind = "all",
        [Description("The project's slug (find_projects lists them), or exact lowercase `all`. Required for issue alerts.")] string? projectSlug = null,
        CancellationToken cancellationToken = default)
    {
        var org = SentryToolContext.Require(organizationSlug, nameof(organizationSlug));
        var wanted = SentryToolContext.Require(ruleIdOrName, nameof(ruleIdOrName));
        var family = AlertRuleKind.Parse(kind);
        var project = MonitoringInput.ProjectOrAll(context, projectSlug);
        if (family == "issue" && project is null)
        {
            throw new UserInputException("projectSlug is required when inspecting an issue alert rule: issue alerts belong to a project (find_projects lists them).");
        }
        var numeric = wanted.All(char.IsAsciiDigit);

        SentryIssueAlertRule? issueRule = null;
        SentryMetricAlertRule? metricRule = null;
        if (family == "issue")
        {
            issueRule = (numeric ? await IssueRuleById(context, org, project!, wanted, regionUrl, cancellationToken).ConfigureAwait(false) : null)
                ?? Single(await IssueRulesNamed(context, org, project!, wanted, regionUrl, cancellationToken).ConfigureAwait(false), wanted, $"Issue alert rule \"{wanted}\" was not found in project {project}. find_alert_rules(kind='issue') lists them.");
        }
        else if (family == "metric")
        {
            metricRule = (numeric ? await MetricRuleById(context, org, wanted, regionUrl, cancellationToken).ConfigureAwait(false) : null)
                ?? await MetricRuleDetail(context, org, Single(await MetricRulesNamed(context, org, project, wanted, regionUrl, cancellationToken).ConfigureAwait(false), wanted,
                    $"Metric alert rule \"{wanted}\" was not found. find_alert_rules(kind='metric') lists them."), regionUrl, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var issues = project is null ? [] : await IssueRulesNamed(context, org, project, wanted, regionUrl, cancellationToken).ConfigureAwait(false);
            var metrics = await MetricRulesNamed(context, org, project, wanted, regionUrl, cancellationToken).ConfigureAwait(false);
            if (issues.Count + metrics.Count == 0)
            {
                throw new UserInputException($"Alert rule \"{wanted}\" was not found" + (project is null ? " among metric alerts; pass projectSlug to search issue alerts too" : "") +
                    (numeric ? ". For a numeric ID pass kind='issue' or kind='metric'" : "") + ". find_alert_rules lists the rules.");
            }
            if (issues.Count + metrics.Count > 1)
            {
                var found = issues.Select(r => $"issue alert {r.Id} ({r.Name}) in project {project}").Concat(metrics.Select(r => $"metric alert {r.Id} ({r.Name})"));
                throw new UserInputException($"Multiple alert rules named \"{wanted}\" were found: {string.Join(", ", found)}. Retry with the numeric rule ID and an explicit kind.");
            }
            issueRule = issues.FirstOrDefault();
            metricRule = metrics.Count == 1 ? await MetricRuleDetail(context, org, metrics[0], regionUrl, cancellationToken).ConfigureAwait(false) : null;
        }
        if (metricRule is not null && project is not null && metricRule.Projects?.Contains(project) != true)
        {
            throw new UserInputException($"Metric alert rule {metricRule.Id} does not watch project {project}; it watches {string.Join(", ", metricRule.Projects ?? [])}.");
        }

        var scope = project is null ? org : $"{org}/{project}";
        var md = new Markdown().Title($"Alert Rule in **{scope}**");
        AlertRuleDetailsOutput data;
        if (issueRule is not null)
        {
            var output = AlertRuleKind.ToOutput(context, org, issueRule);
            var components = AlertRuleFormatter.Components(issueRule);
            md.Heading(output.Name).Field("Kind", "Issue Alert").Field("ID", output.Id).Field("Project", project).Field("Status", output.Status)
                .Field("Action Match", output.ActionMatch).Field("Filter Match", output.FilterMatch)
                .Field("Frequency", output.FrequencyMinutes is { } f ? $"at most every {f.ToString(CultureInfo.InvariantCulture)} minutes per issue" : null)
                .Field("Environment", output.Environment ?? "all environments").Field("Owner", AlertRuleFormatter.ActorDisplay(issueRule.Owner))
                .Field("Created", Markdown.Date(output.DateCreated)).Field("Updated", Markdown.Date(output.DateUpdated))
                .Field("Last Triggered", Markdown.Date(output.LastTriggered) ?? "never").Field("URL", output.WebUrl).Line();
            AppendComponents(md, components);
            data = new AlertRuleDetailsOutput("issue", output, null, components);
        }
        else
        {
            var output = AlertRuleKind.ToOutput(context, org, metricRule!);
            var components = AlertRuleFormatter.Components(metricRule!);
            md.Heading(output.Name).Field("Kind", "Metric Alert").Field("ID", output.Id).Field("Status", output.Status == "0" ? "active" : output.Status)
                .Field("Dataset", output.Dataset).Field("Aggregate", output.Aggregate is null ? null : Markdown.Code(output.Aggregate))
                .Field("Query", string.IsNullOrEmpty(output.Query) ? "(none: every event)" : Markdown.Code(output.Query))
                .Field("Time Window", output.TimeWindowMinutes is { } w ? $"{w.ToString(CultureInfo.InvariantCulture)} minutes" : null)
                .Field("Projects", string.Join(", ", output.Projects.Select(Markdown.Code))).Field("Environment", output.Environment ?? "all environments")
                .Field("Owner", AlertRuleFormatter.ActorDisplay(metricRule!.Owner)).Field("Created", Markdown.Date(output.DateCreated)).Field("URL", output.WebUrl).Line();
            AppendComponents(md, components);
            data = new AlertRuleDetailsOutput("metric", null, output, components);
        }
        var text = md.UsingThisInformation(
            "Change a rule's conditions or actions in Sentry at the URL above; this server does not edit alert rules.",
            $"Other rules: `find_alert_rules(organizationSlug='{org}'{(project is null ? "" : $", projectSlug='{project}'")})`.").ToString();
        return ToolResults.Structured(text, data);
    }

    private static void AppendComponents(Markdown md, IReadOnlyList<AlertComponentOutput> components)
    {
        foreach (var section in components.GroupBy(c => c.Section))
        {
            md.Heading(section.Key, 3);
            foreach (var component in section)
            {
                md.Bullet(component.Summary);
            }
            md.Line();
        }
    }

    private static async Task<SentryIssueAlertRule?> IssueRuleById(SentryToolContext context, string org, string project, string id, string? regionUrl, CancellationToken ct)
    {
        var (rules, _) = await context.Api.ListIssueAlertRulesAsync(org, project, null, id, 1, null, regionUrl, ct).ConfigureAwait(false);
        return rules.FirstOrDefault(r => r.Id == id);
    }

    private static async Task<List<SentryIssueAlertRule>> IssueRulesNamed(SentryToolContext context, string org, string project, string name, string? regionUrl, CancellationToken ct)
    {
        var (rules, _) = await context.Api.ListIssueAlertRulesAsync(org, project, name, null, NameSearchLimit, null, regionUrl, ct).ConfigureAwait(false);
        return [.. rules.Where(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase))];
    }

    private static async Task<List<SentryMetricAlertRule>> MetricRulesNamed(SentryToolContext context, string org, string? project, string name, string? regionUrl, CancellationToken ct)
    {
        var projectId = project is null ? null : await context.Api.ResolveProjectIdAsync(org, project, regionUrl, ct).ConfigureAwait(false);
        var (rules, _) = await context.Api.ListMetricAlertRulesAsync(org, projectId, name, NameSearchLimit, null, regionUrl, ct).ConfigureAwait(false);
        return [.. rules.Where(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase))];
    }

    /// <summary>A numeric id that is not a metric rule may still be a rule's name: a 404 falls back to the name search.</summary>
    private static async Task<SentryMetricAlertRule?> MetricRuleById(SentryToolContext context, string org, string id, string? regionUrl, CancellationToken ct)
    {
        try
        {
            return await context.Api.GetMetricAlertRuleAsync(org, id, regionUrl, ct).ConfigureAwait(false);
        }
        catch (SentryApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private static Task<SentryMetricAlertRule> MetricRuleDetail(SentryToolContext context, string org, SentryMetricAlertRule rule, string? regionUrl, CancellationToken ct) =>
        context.Api.GetMetricAlertRuleAsync(org, rule.Id, regionUrl, ct);

    private static T Single<T>(List<T> matches, string name, string notFound) => matches.Count switch
    {
        1 => matches[0],
        0 => throw new UserInputException(notFound),
        _ => throw new UserInputException($"Multiple alert rules named \"{name}\" were found. Retry with the numeric rule ID."),
    };
}
