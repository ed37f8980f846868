using System.Text.Json;
using SentryMcp.Core.Api.Models;

namespace SentryMcp.Core.Formatting;

/// <summary>Renders what a Seer run found: root cause, proposed solution and pull requests.</summary>
public static class SeerFormatter
{
    /// <summary>Appends the run's analysis; returns false when the run has nothing to show yet.</summary>
    public static bool AppendAnalysis(Markdown md, AutofixRun run)
    {
        var any = AppendRootCause(md, run);
        any |= AppendSolution(md, run);
        var prs = (run.RepoPrStates ?? []).Where(p => !string.IsNullOrWhiteSpace(p.Value.PrUrl)).ToList();
        if (prs.Count > 0)
        {
            md.Heading("Pull Requests");
            foreach (var (repo, pr) in prs)
            {
                md.Bullet($"{repo}: {pr.PrUrl}");
            }
            md.Line();
            any = true;
        }
        return any;
    }

    /// <summary>A compact digest for issue details; the full analysis is one analyze_issue_with_seer call away.</summary>
    public static void AppendSummary(Markdown md, AutofixRun run) =>
        md.Heading("Seer Analysis")
            .Field("Status", run.NormalizedStatus.DisplayName())
            .Field("Run ID", run.RunId)
            .Field("Root Cause", Markdown.Truncate(RootCauseSummary(run), 1000))
            .Field("Solution", Markdown.Truncate(SolutionSummary(run), 1000))
            .Line();

    /// <summary>One-line root cause, for compact displays (issue details).</summary>
    public static string? RootCauseSummary(AutofixRun run) =>
        Text(run.Artifact("root_cause"), "one_line_description")
        ?? run.Steps?.FirstOrDefault(s => s.Type == "root_cause_analysis")?.Causes?.FirstOrDefault()?.Description;

    /// <summary>One-line solution, for compact displays (issue details).</summary>
    public static string? SolutionSummary(AutofixRun run) =>
        Text(run.Artifact("solution"), "one_line_summary")
        ?? run.Steps?.FirstOrDefault(s => s.Type == "solution")?.Solution?.FirstOrDefault()?.Title;

    private static bool AppendRootCause(Markdown md, AutofixRun run)
    {
        if (run.Artifact("root_cause") is { } data)
        {
            md.Heading("Root Cause Analysis");
            if (Text(data, "one_line_description") is { } summary)
            {
                md.Paragraph(summary);
            }
            var whys = Strings(data, "five_whys");
            for (var i = 0; i < whys.Count; i++)
            {
                md.Line($"{i + 1}. {whys[i]}");
            }
            var steps = Strings(data, "reproduction_steps");
            if (steps.Count > 0)
            {
                md.Line().Line("**Reproduction**:");
                steps.ForEach(s => md.Bullet(s));
            }
            md.Line().Field("Repository", Text(data, "relevant_repo")).Line();
            return true;
        }
        var causes = run.Steps?.Where(s => s.Type == "root_cause_analysis").SelectMany(s => s.Causes ?? []).ToList() ?? [];
        if (causes.Count == 0)
        {
            return false;
        }
        md.Heading("Root Cause Analysis");
        foreach (var cause in causes)
        {
            md.Paragraph(cause.Description ?? "(no description)");
            AppendTimeline(md, cause.Reproduction);
        }
        return true;
    }

    private static bool AppendSolution(Markdown md, AutofixRun run)
    {
        if (run.Artifact("solution") is { } data)
        {
            md.Heading("Proposed Solution");
            if (Text(data, "one_line_summary") is { } summary)
            {
                md.Paragraph(summary);
            }
            foreach (var step in data.Prop("steps").Items().Where(s => s.ValueKind == JsonValueKind.Object))
            {
                md.Bullet($"**{Text(step, "title") ?? "Step"}**: {Text(step, "description")}");
            }
            md.Line();
            return true;
        }
        var items = run.Steps?.Where(s => s.Type == "solution").SelectMany(s => s.Solution ?? []).ToList() ?? [];
        if (items.Count == 0)
        {
            return false;
        }
        md.Heading("Proposed Solution");
        AppendTimeline(md, items);
        return true;
    }

    private static void AppendTimeline(Markdown md, List<AutofixTimelineItem>? items)
    {
        foreach (var item in items ?? [])
        {
            var file = item.RelevantCodeFile?.FilePath is { } path ? $" ({Markdown.Code(path)})" : "";
            md.Heading((item.Title ?? "Step") + file, 3);
            if (!string.IsNullOrWhiteSpace(item.CodeSnippetAndAnalysis))
            {
                md.Paragraph(item.CodeSnippetAndAnalysis.Trim());
            }
        }
    }

    private static string? Text(JsonElement? element, string property) =>
        element?.Str(property) is { } text && !string.IsNullOrWhiteSpace(text) ? text : null;

    private static List<string> Strings(JsonElement element, string property) =>
        [.. element.Prop(property).Items().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)];
}
