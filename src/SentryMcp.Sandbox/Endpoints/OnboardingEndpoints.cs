using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SentryMcp.Sandbox;

/// <summary>
/// <c>POST /organizations/{org}/onboarding/agent/status/</c>: an agent reports onboarding progress.
/// Updates are recorded on the run; project and issue references accumulate; a finished run answers
/// <c>continueUpdates: false</c> and changes no more. An unknown token is a 404.
/// </summary>
public static partial class OnboardingEndpoints
{
    private const int MaxNoteLength = 256;
    private const int MaxReferences = 100;

    public static void MapOnboardingEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/organizations/{org}/onboarding/agent/status/", async (HttpContext http, SandboxState state, string org) =>
        {
            var (body, error) = await SandboxRequests.ReadObjectAsync(http);
            if (body is null)
            {
                return error!;
            }
            var (update, invalid) = Parse(body);
            if (update is null)
            {
                return invalid!;
            }
            var token = SandboxRequests.Text(body, "runToken")!;
            lock (state.Gate)
            {
                var run = state.Data.Organization(org) is null ? null
                    : state.Data.OnboardingRuns.FirstOrDefault(r => r.OrganizationSlug == org && r.Token == token);
                if (run is null)
                {
                    return SentryErrors.NotFound("Onboarding run not found.");
                }
                if (run.AcceptsUpdates)
                {
                    Apply(run, update);
                }
                return Results.Json(RunJson(run));
            }
        }).RequireScope("org:read");
    }

    private static (SandboxOnboardingUpdate? Update, IResult? Error) Parse(JsonObject body)
    {
        if (body["schemaVersion"] is not JsonValue version || version.GetValueKind() != JsonValueKind.Number || !version.TryGetValue<int>(out var v) || v != 1)
        {
            return (null, SandboxRequests.FieldError("schemaVersion", "Unsupported schema version; expected 1."));
        }
        if (SandboxRequests.Text(body, "runToken") is not { } token || !TokenPattern().IsMatch(token))
        {
            return (null, SandboxRequests.FieldError("runToken", "Enter a valid 10-character run token."));
        }
        var stage = SandboxRequests.Text(body, "stage");
        if (stage is null || !DemoData.OnboardingStages.Contains(stage))
        {
            return (null, SandboxRequests.FieldError("stage", $"\"{stage}\" is not a valid choice."));
        }
        var status = SandboxRequests.Text(body, "status");
        if (status is null || !DemoData.OnboardingStatuses.Contains(status))
        {
            return (null, SandboxRequests.FieldError("status", $"\"{status}\" is not a valid choice."));
        }
        var runStatus = SandboxRequests.Text(body, "runStatus");
        if (body.ContainsKey("runStatus") && runStatus is not ("completed" or "failed"))
        {
            return (null, SandboxRequests.FieldError("runStatus", $"\"{runStatus}\" is not a valid choice."));
        }
        var note = SandboxRequests.Text(body, "eventNote");
        if (note is { Length: > MaxNoteLength })
        {
            return (null, SandboxRequests.FieldError("eventNote", $"Ensure this field has no more than {MaxNoteLength} characters."));
        }
        if (status == "failed" && note is null)
        {
            return (null, SandboxRequests.FieldError("eventNote", "A failed status requires an event note."));
        }
        var (projects, projectError) = References(body, "projectSlugs");
        var (issues, issueError) = References(body, "issueIds");
        if ((projectError ?? issueError) is { } referenceError)
        {
            return (null, referenceError);
        }
        return (new SandboxOnboardingUpdate(stage, status, runStatus, note, projects, issues, DateTimeOffset.UtcNow), null);
    }

    private static (IReadOnlyList<string> Values, IResult? Error) References(JsonObject body, string field)
    {
        if (!body.ContainsKey(field))
        {
            return ([], null);
        }
        if (body[field] is not JsonArray { Count: > 0 and <= MaxReferences } items
            || items.Any(i => i is not JsonValue value || value.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetValue<string>())))
        {
            return ([], SandboxRequests.FieldError(field, $"Expected a list of 1 to {MaxReferences} non-empty strings."));
        }
        return ([.. items.Select(i => i!.GetValue<string>().Trim())], null);
    }

    private static void Apply(SandboxOnboardingRun run, SandboxOnboardingUpdate update)
    {
        run.Updates.Add(update);
        run.UpdatedAt = update.At;
        var index = run.Stages.FindIndex(s => s.Stage == update.Stage);
        var state = (update.Stage, update.Status, update.EventNote);
        if (index >= 0)
        {
            run.Stages[index] = state;
        }
        else
        {
            run.Stages.Add(state);
        }
        run.ProjectSlugs.AddRange(update.ProjectSlugs.Where(p => !run.ProjectSlugs.Contains(p)));
        run.IssueIds.AddRange(update.IssueIds.Where(i => !run.IssueIds.Contains(i)));
        if (update.RunStatus is { } finished)
        {
            run.RunStatus = finished;
        }
    }

    private static object RunJson(SandboxOnboardingRun run) => new
    {
        schemaVersion = 1,
        runId = run.RunId,
        channelId = run.RunId[..16] + "c0ffee0000000000",
        clientRunId = run.RunId,
        createdAt = run.CreatedAt,
        updatedAt = run.UpdatedAt,
        sequence = run.Updates.Count,
        expiresAt = run.ExpiresAt,
        continueUpdates = run.AcceptsUpdates,
        runStatus = run.RunStatus,
        projectSlugs = run.ProjectSlugs,
        issueIds = run.IssueIds,
        stages = run.Stages.Select(s => new { stage = s.Stage, status = s.Status, eventNote = s.Note }),
    };

    [GeneratedRegex("^[A-Za-z0-9]{10}$")]
    private static partial Regex TokenPattern();
}
