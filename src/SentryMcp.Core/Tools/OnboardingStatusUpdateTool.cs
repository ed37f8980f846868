using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Formatting;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed partial class OnboardingStatusUpdateTool
{
    private static readonly string[] Stages =
    [
        "connect_mcp", "analyze_project", "create_project", "instrument_app", "plan_test_error",
        "send_verification_error", "receive_verification_error", "prepare_production", "check_stack_trace_quality",
    ];

    private static readonly string[] Statuses = ["active", "waiting", "completed", "skipped", "failed"];
    private static readonly string[] RunStatuses = ["completed", "failed"];
    private const int MaxNoteLength = 256;
    private const int MaxReferences = 100;

    // In every skill (the Read group grants it) yet not read-only: it changes the progress Sentry's
    // onboarding UI shows, never Sentry data, and needs only org:read.
    [McpServerTool(Name = "onboarding_status_update", Title = "Update onboarding status", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Update the progress shown in Sentry's agentic onboarding UI.\n\nUse this tool when you need to:\n- Report an onboarding stage as active, waiting, completed, skipped or failed\n- Mark the whole onboarding run as completed or failed\n\nOnly use it when the Sentry getting started skill gave you a run token, at the workflow boundaries that skill describes.\n\n<examples>\nonboarding_status_update(organizationSlug='my-organization', runToken='a1B2c3D4e5', stage='create_project', status='completed', projectSlugs=['my-project'])\nonboarding_status_update(organizationSlug='my-organization', runToken='a1B2c3D4e5', stage='check_stack_trace_quality', status='completed', runStatus='completed')\n</examples>\n\n<hints>\n- Progress updates are UI state, not user analytics.\n- Keep eventNote short and limited to what the progress UI needs: no source code, repository paths, credentials or error output.\n- A failed status needs an eventNote saying briefly why.\n- Set runStatus only when the entire run has completed or failed.\n</hints>")]
    [SentryTool(PermissionGroup.Read, "org:read", Skills = [Skill.Inspect, Skill.Seer, Skill.Docs, Skill.Triage, Skill.ProjectManagement])]
    public static async Task<string> OnboardingStatusUpdate(
        SentryToolContext context,
        [Description("The organization's slug. find_organizations lists the organizations you can access.")] string organizationSlug,
        [Description("The 10-character onboarding run token Sentry supplied (letters and digits).")] string runToken,
        [Description("The onboarding stage being updated.")]
        [AllowedValues("connect_mcp", "analyze_project", "create_project", "instrument_app", "plan_test_error", "send_verification_error", "receive_verification_error", "prepare_production", "check_stack_trace_quality")] string stage,
        [Description("The stage's current status.")][AllowedValues("active", "waiting", "completed", "skipped", "failed")] string status,
        [Description("Set only when the entire onboarding run has completed or failed.")][AllowedValues("completed", "failed")] string? runStatus = null,
        [Description("Short context shown with this progress event (at most 256 characters). Required when status is failed.")] string? eventNote = null,
        [Description("Validated Sentry project slugs; send only with stage create_project. They add up across updates.")] string[]? projectSlugs = null,
        [Description("Validated Sentry issue IDs; send only with stage receive_verification_error. They add up across updates.")] string[]? issueIds = null,
        [Description("The organization's region URL, if known (from find_organizations). Leave empty for self-hosted Sentry.")] string? regionUrl = null,
        CancellationToken cancellationToken = default)
    {
        var org = SentryToolContext.Require(organizationSlug, nameof(organizationSlug));
        var token = SentryToolContext.Require(runToken, nameof(runToken));
        if (!TokenPattern().IsMatch(token))
        {
            throw new UserInputException("The 'runToken' parameter must be the 10-character token (letters and digits) that the Sentry getting started skill supplied.");
        }
        var stageValue = OneOf(stage, nameof(stage), Stages)!;
        var statusValue = OneOf(status, nameof(status), Statuses)!;
        var runStatusValue = OneOf(runStatus, nameof(runStatus), RunStatuses);
        var note = string.IsNullOrWhiteSpace(eventNote) ? null : eventNote.Trim();
        if (note is { Length: > MaxNoteLength })
        {
            throw new UserInputException($"The 'eventNote' parameter is {note.Length} characters long; keep it to at most {MaxNoteLength}.");
        }
        if (statusValue == "failed" && note is null)
        {
            throw new UserInputException("A failed status needs an 'eventNote' saying briefly why the stage failed.");
        }
        var projects = References(projectSlugs, nameof(projectSlugs), stageValue, "create_project");
        var issues = References(issueIds, nameof(issueIds), stageValue, "receive_verification_error");

        OnboardingRun run;
        try
        {
            run = await context.Api.UpdateOnboardingStatusAsync(org,
                new OnboardingStatusUpdate(1, token, stageValue, statusValue, runStatusValue, note, projects, issues), regionUrl, cancellationToken).ConfigureAwait(false);
        }
        catch (SentryApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            throw new UserInputException($"Sentry knows no onboarding run with this token in '{org}'. Check the organization and use the run token the getting started skill supplied; do not guess one.");
        }

        // The answer repeats no input (token, slugs, note): only the state the progress UI now shows.
        var md = new Markdown().Title("Onboarding status updated")
            .Field("Continue Updates", run.ContinueUpdates == true ? "yes" : "no")
            .Field("Run Status", run.RunStatus)
            .Field("Updates Recorded", run.Sequence?.ToString(CultureInfo.InvariantCulture))
            .Field("Projects Recorded", (run.ProjectSlugs?.Count ?? 0).ToString(CultureInfo.InvariantCulture))
            .Field("Issues Recorded", (run.IssueIds?.Count ?? 0).ToString(CultureInfo.InvariantCulture))
            .Field("Stages", run.Stages is { Count: > 0 } stages
                ? string.Join(", ", stages.Select(s => $"{s.Stage} {s.Status ?? "pending"}")) : null);
        return md.UsingThisInformation(run.ContinueUpdates == true
            ? ["Send the next update at the next workflow boundary the getting started skill describes."]
            : ["This run accepts no more updates: stop sending them."]).ToString();
    }

    private static string? OneOf(string? value, string name, string[] allowed)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return name == "runStatus" ? null : throw new UserInputException($"The '{name}' parameter is required: one of {string.Join(", ", allowed)}.");
        }
        var text = value.Trim();
        return allowed.Contains(text, StringComparer.Ordinal) ? text
            : throw new UserInputException($"'{text}' is not a valid '{name}'. Use one of: {string.Join(", ", allowed)}.");
    }

    private static IReadOnlyList<string>? References(string[]? values, string name, string stage, string onlyStage)
    {
        if (values is null)
        {
            return null;
        }
        var items = values.Select(v => v?.Trim()).ToList();
        if (items.Count is 0 or > MaxReferences || items.Any(string.IsNullOrEmpty))
        {
            throw new UserInputException($"The '{name}' parameter needs 1 to {MaxReferences} non-empty values, or leave it out.");
        }
        if (stage != onlyStage)
        {
            throw new UserInputException($"Send '{name}' only with stage '{onlyStage}'.");
        }
        return [.. items.OfType<string>().Distinct(StringComparer.Ordinal)];
    }

    [GeneratedRegex("^[A-Za-z0-9]{10}$")]
    private static partial Regex TokenPattern();
}
