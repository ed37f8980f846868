using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class AnalyzeIssueWithSeerTool
{
    /// <summary>Status checks that may fail in a row (Sentry hiccups) before the tool gives up waiting.</summary>
    private const int MaxConsecutiveFailures = 3;

    [McpServerTool(Name = "analyze_issue_with_seer", Title = "Analyze issue with Seer", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(SeerAnalysisOutput))]
    [Description("Use Seer, Sentry's AI debugger, to find the root cause of an issue and propose a code fix.\n\nUse this tool when:\n- The user asks for a root cause analysis, a Seer analysis, or help fixing an issue\n- The issue details alone do not explain the root cause\n\nIt reuses an existing analysis when there is one (instant), otherwise starts a new one (usually 2-5 minutes) and reports progress while it waits.\n\n<examples>\nanalyze_issue_with_seer(issueUrl='https://my-org.sentry.io/issues/PROJECT-1Z43')\nanalyze_issue_with_seer(organizationSlug='my-organization', issueId='ERROR-456')\n</examples>\n\n<hints>\n- If the user gives an issue URL, pass it alone as issueUrl.\n- Starting a run uses the organization's Seer budget; do not call this automatically for every issue.\n</hints>")]
    // No scopes, as the official server declares: Seer access is the organization's feature, not a token scope.
    [SentryTool(PermissionGroup.Seer, Skills = [Skill.Seer])]
    public static async Task<CallToolResult> AnalyzeIssueWithSeer(
        SentryToolContext context,
        McpServer server,
        IOptions<SeerOptions> seerOptions,
        IProgress<ProgressNotificationValue> progress,
        RequestContext<CallToolRequestParams> request,
        IOptions<ConfirmationOptions> confirmation,
        [Description("The organization's slug. Required unless issueUrl is given.")] string? organizationSlug = null,
        [Description("The organization's region URL from find_organizations, e.g. https://us.sentry.io. Optional.")] string? regionUrl = null,
        [Description("The issue's short ID (e.g. 'PROJECT-123') or numeric ID.")] string? issueId = null,
        [Description("The issue's Sentry URL, e.g. https://my-org.sentry.io/issues/PROJECT-123/. Use instead of organizationSlug and issueId.")] string? issueUrl = null,
        [Description("Optional guidance for Seer's analysis, e.g. 'focus on the database layer'.")] string? instruction = null,
        CancellationToken cancellationToken = default)
    {
        var (org, issue) = IssueReference.Resolve(organizationSlug, issueId, issueUrl, context.Host);
        var options = seerOptions.Value;
        var md = new Markdown().Title($"Seer Analysis for Issue {issue}")
            .Field("Issue", Markdown.Link(issue, context.Host.IssueUrl(org, issue)));
        var state = await context.Api.GetAutofixStateAsync(org, issue, regionUrl, cancellationToken).ConfigureAwait(false);
        var run = state.Autofix;
        string? startedRunId = null;
        if (run is null)
        {
            // A new run is billed to the organization's Seer budget: the user confirms it when the client can ask.
            var answer = await UserConfirmation.AskAsync(request, $"Start a Seer analysis of issue {issue} in {org}? It uses the organization's Seer budget.",
                confirmation.Value.Timeout, cancellationToken).ConfigureAwait(false);
            if (answer is ConfirmationOutcome.Declined or ConfirmationOutcome.Cancelled)
            {
                return ToolResults.Structured(UserConfirmation.NotDone(answer, $"start a Seer analysis of issue {issue}"),
                    new SeerAnalysisOutput(issue, null, "not_started", null, null, []));
            }
            var started = await context.Api.StartAutofixAsync(org, issue, eventId: null, instruction, regionUrl, cancellationToken).ConfigureAwait(false);
            startedRunId = started.RunId;
            progress.Report(new ProgressNotificationValue { Progress = 0, Message = $"Started Seer run {startedRunId}." });
        }
        else if (!string.IsNullOrWhiteSpace(instruction) && !run.NormalizedStatus.IsTerminal())
        {
            md.Paragraph("A run was already in progress, so the instruction was not applied; it is used for new runs only.");
        }

        var clock = Stopwatch.StartNew();
        if (run is null || !run.NormalizedStatus.IsTerminal())
        {
            run = await PollAsync(context, org, issue, regionUrl, run, options, progress, cancellationToken).ConfigureAwait(false);
        }

        var status = run?.NormalizedStatus ?? SeerStatus.Processing;
        md.Field("Run ID", run?.RunId ?? startedRunId)
            .Field("Status", status.DisplayName())
            .Line()
            .Paragraph(startedRunId is null
                ? "Found an existing Seer analysis for this issue."
                : $"Started a new Seer analysis and waited {clock.Elapsed.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)}s for it.");
        var hasAnalysis = run is not null && SeerFormatter.AppendAnalysis(md, run);
        var again = issueUrl is null
            ? $"analyze_issue_with_seer(organizationSlug='{org}', issueId='{issue}')"
            : $"analyze_issue_with_seer(issueUrl='{issueUrl}')";
        switch (status)
        {
            case SeerStatus.Processing:
                md.Heading("Analysis Still Running")
                    .Paragraph($"Seer did not finish within {options.Timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)}s. The run continues in Sentry; " +
                        $"check on it later by calling {Markdown.Code(again)} again (it reuses the run instead of starting a new one), or open the issue in Sentry.");
                break;
            case SeerStatus.Error:
                md.Heading("Analysis Failed").Paragraph("Seer could not complete this analysis. Open the issue in Sentry for details, or try again later.");
                break;
            case SeerStatus.AwaitingUserInput:
                md.Heading("Waiting for Your Input").Paragraph("Seer needs an answer before it can continue. Open the issue in Sentry to respond.");
                break;
            case SeerStatus.Completed when !hasAnalysis:
                md.Paragraph("The run finished without a root cause or solution to show.");
                break;
        }
        var tools = SessionTools.Of(server);
        var hints = new List<string> { "Apply the proposed solution in the codebase, then verify it with a test that reproduces the root cause." };
        if (tools.Has("get_issue_details"))
        {
            hints.Add($"See the stack trace and context: `get_issue_details(organizationSlug='{org}', issueId='{issue}')`.");
        }
        if (tools.Has("update_issue"))
        {
            hints.Add($"After the fix ships: `update_issue(organizationSlug='{org}', issueId='{issue}', status='resolved')`.");
        }
        return ToolResults.Structured(md.UsingThisInformation([.. hints]).ToString(), IssueOutputs.Seer(issue, run, startedRunId));
    }

    private static async Task<AutofixRun?> PollAsync(SentryToolContext context, string org, string issue, string? regionUrl, AutofixRun? run,
        SeerOptions options, IProgress<ProgressNotificationValue> progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var polls = 0;
        var failures = 0;
        while (run is null || !run.NormalizedStatus.IsTerminal())
        {
            var remaining = options.Timeout - clock.Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                break;
            }
            await Task.Delay(remaining < options.PollInterval ? remaining : options.PollInterval, cancellationToken).ConfigureAwait(false);
            try
            {
                run = (await context.Api.GetAutofixStateAsync(org, issue, regionUrl, cancellationToken).ConfigureAwait(false)).Autofix ?? run;
                failures = 0;
            }
            catch (Exception ex) when (IsTransient(ex) && ++failures < MaxConsecutiveFailures)
            {
                continue;
            }
            polls++;
            var message = run is null
                ? "Waiting for the Seer run to appear"
                : $"Seer: {run.NormalizedStatus.DisplayName()}" + (run.ActiveTodo is { } todo ? $" ({todo})" : "");
            // No total: how many checks a run needs is unknown until it finishes.
            progress.Report(new ProgressNotificationValue { Progress = polls, Message = message });
        }
        return run;
    }

    private static bool IsTransient(Exception ex) =>
        ex is SentryUnavailableException or SentryResponseFormatException or SentryApiException { IsClientError: false };
}
