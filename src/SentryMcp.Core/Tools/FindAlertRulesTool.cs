using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class FindAlertRulesTool
{
    [McpServerTool(Name = "find_alert_rules", Title = "Find alert rules", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(AlertRuleListOutput))]
    [Description("Find Sentry alert rules: issue alerts (per project) and metric alerts.\n\nUse this tool when you need to:\n- List issue alert rules for a project\n- List metric alert rules for an organization or project\n- Find an alert rule ID by name before inspecting it with get_alert_rule\n- Check alert status, frequency, query, time window, owner, or environment\n\n<examples>\nfind_alert_rules(organizationSlug='my-org')\nfind_alert_rules(organizationSlug='my-org', projectSlug='backend')\nfind_alert_rules(organizationSlug='my-org', kind='issue', projectSlug='backend', query='critical')\n</examples>\n\n<hints>\n- Issue alert rules belong to a project, so `projectSlug` is required when `kind` is `issue`; with `kind='all'` and no project only metric alerts are listed.\n- Metric alert rules can be listed organization-wide or for one project.\n- Issue and metric alert rules are paged separately: reuse a nextCursor only with its own kind (`kind='issue'` or `kind='metric'`).\n</hints>")]
    [SentryTool(PermissionGroup.Read, "org:read", "project:read", Skills = [Skill.Inspect])]
    public static async Task<CallToolResult> FindAlertRules(
        SentryToolContext context,
        [Description("The organization's slug. find_organizations lists the organizations you can access.")] string organizationSlug,
        [Description("The organization's region URL, if known (from find_organizations). Leave empty for self-hosted Sentry.")] string? regionUrl = null,
        [Description("Which alert rule family to search. `all` lists metric alerts, plus issue alerts when a project is given.")][AllowedValues("all", "issue", "metric")] string kind = "all",
        [Description("The project's slug (find_projects lists them), or exact lowercase `all` for every project.")] string? projectSlug = null,
        [Description("Only rules whose name contains this text.")] string? query = null,
        [Description("The nextCursor of a previous answer, for the next page of the same kind.")] string? cursor = null,
        [Description("Maximum number of alert rules to return per alert family (1-100).")][Range(1, 100)] int limit = 10,
        CancellationToken cancellationToken = default)
    {
        var org = SentryToolContext.Require(organizationSlug, nameof(organizationSlug));
        var family = AlertRuleKind.Parse(kind);
        var project = MonitoringInput.ProjectOrAll(context, projectSlug);
        var count = MonitoringInput.Limit(limit, 100, nameof(limit));
        var search = MonitoringInput.Optional(query);
        var pageCursor = MonitoringInput.Optional(cursor);
        if (family == "issue" && project is null)
        {
            throw new UserInputException("projectSlug is required when searching issue alert rules: issue alerts belong to a project (find_projects lists them).");
        }
        var includeIssue = family != "metric" && project is not null;
        var includeMetric = family != "issue";
        if (pageCursor is not null && includeIssue && includeMetric)
        {
            throw new UserInputException("cursor cannot be used with kind='all' when both issue and metric alert rules are listed: retry with kind='issue' or kind='metric' and the cursor of that family.");
        }

        var (issueRules, issueNext) = includeIssue
            ? await context.Api.ListIssueAlertRulesAsync(org, project!, search, null, count, pageCursor, regionUrl, cancellationToken).ConfigureAwait(false)
            : ([], null);
        List<SentryMetricAlertRule> metricRules = [];
        string? metricNext = null;
        if (includeMetric)
        {
            var projectId = project is null ? null : await context.Api.ResolveProjectIdAsync(org, project, regionUrl, cancellationToken).ConfigureAwait(false);
            (metricRules, metricNext) = await context.Api.ListMetricAlertRulesAsync(org, projectId, search, count, pageCursor, regionUrl, cancellationToken).ConfigureAwait(false);
        }

        var scope = project is null ? org : $"{org}/{project}";
        var md = new Markdown().Title($"Alert Rules in **{scope}**");
        var issueOutputs = issueRules.Take(count).Select(r => AlertRuleKind.ToOutput(context, org, r)).ToList();
        var metricOutputs = metricRules.Take(count).Select(r => AlertRuleKind.ToOutput(context, org, r)).ToList();
        if (includeIssue)
        {
            md.Heading("Issue Alerts");
            if (issueOutputs.Count == 0)
            {
                md.Paragraph(search is null ? $"No issue alert rules in {Markdown.Code(scope)}." : $"No issue alert rules in {Markdown.Code(scope)} match {Markdown.Code(search)}.");
            }
            foreach (var rule in issueOutputs)
            {
                md.Heading(rule.Name, 3).Field("ID", rule.Id).Field("Status", rule.Status).Field("Environment", rule.Environment)
                    .Field("Frequency", rule.FrequencyMinutes is { } f ? $"at most every {f.ToString(CultureInfo.InvariantCulture)} minutes per issue" : null)
                    .Field("Owner", rule.Owner).Field("Last Triggered", Markdown.Date(rule.LastTriggered) ?? "never").Field("URL", rule.WebUrl).Line();
            }
            Next(md, issueNext, "issue");
        }
        if (includeMetric)
        {
            md.Heading("Metric Alerts");
            if (metricOutputs.Count == 0)
            {
                md.Paragraph(search is null ? $"No metric alert rules in {Markdown.Code(scope)}." : $"No metric alert rules in {Markdown.Code(scope)} match {Markdown.Code(search)}.");
            }
            foreach (var rule in metricOutputs)
            {
                md.Heading(rule.Name, 3).Field("ID", rule.Id).Field("Aggregate", rule.Aggregate is null ? null : Markdown.Code(rule.Aggregate))
                    .Field("Query", string.IsNullOrEmpty(rule.Query) ? null : Markdown.Code(rule.Query)).Field("Dataset", rule.Dataset)
                    .Field("Time Window", rule.TimeWindowMinutes is { } w ? $"{w.ToString(CultureInfo.InvariantCulture)} minutes" : null)
                    .Field("Projects", rule.Projects.Count == 0 ? null : string.Join(", ", rule.Projects.Select(Markdown.Code)))
                    .Field("Environment", rule.Environment).Field("Owner", rule.Owner).Field("URL", rule.WebUrl).Line();
            }
            Next(md, metricNext, "metric");
        }
        if (!includeIssue && family == "all")
        {
            md.Paragraph("Issue alert rules are listed per project: pass projectSlug to include them.");
        }
        var example = issueOutputs.Select(r => (Kind: "issue", r.Id)).Concat(metricOutputs.Select(r => (Kind: "metric", r.Id))).FirstOrDefault();
        var text = md.UsingThisInformation(
            example.Id is null
                ? "Conditions and actions of a rule: `get_alert_rule(organizationSlug, kind, ruleIdOrName)`."
                : $"Conditions and actions of a rule: `get_alert_rule(organizationSlug='{org}', kind='{example.Kind}', {(example.Kind == "issue" ? $"projectSlug='{project}', " : "")}ruleIdOrName='{example.Id}')`.",
            project is null ? "Open issues of a project: `search_issues(organizationSlug, projectSlugOrId, query='is:unresolved')`." : $"Open issues of this project: `search_issues(organizationSlug='{org}', projectSlugOrId='{project}', query='is:unresolved')`.").ToString();
        var data = new AlertRuleListOutput(issueOutputs, metricOutputs, new AlertRulePaginationOutput(
            includeIssue ? new AlertRulePageOutput(issueNext) : null, includeMetric ? new AlertRulePageOutput(metricNext) : null));
        return ToolResults.Structured(text, data);
    }

    private static void Next(Markdown md, string? nextCursor, string kind)
    {
        if (nextCursor is not null)
        {
            md.Paragraph($"*More {kind} alert rules are available.* Next page: `find_alert_rules` with kind='{kind}', cursor='{nextCursor}' and the same other arguments.");
        }
    }
}
