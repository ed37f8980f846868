namespace SentryMcp.Sandbox;

/// <summary>
/// Sentry's Seer (autofix) endpoint in its current agent shape: the run's state is a list of
/// blocks whose artifacts carry the root cause and the solution.
/// </summary>
public static class SeerEndpoints
{
    public static void MapSeerEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/organizations/{org}/issues/{issueId}/autofix/", (string org, string issueId, SandboxState state) =>
        {
            lock (state.Gate)
            {
                if (IssueEndpoints.Find(state.Data, org, issueId, out var issue) is { } notFound)
                {
                    return notFound;
                }
                if (state.Data.LatestSeerRun(issue!.Id) is not { } run)
                {
                    return Results.Json(new Dictionary<string, object?> { ["autofix"] = null });
                }
                if (run.Status == "processing" && --run.PollsUntilComplete <= 0)
                {
                    run.Status = "completed";
                    run.UpdatedAt = DateTimeOffset.UtcNow;
                }
                return Results.Json(new Dictionary<string, object?> { ["autofix"] = Serialize(run) });
            }
        }).RequireScope("event:read");

        api.MapPost("/organizations/{org}/issues/{issueId}/autofix/", async (string org, string issueId, HttpContext http, SandboxState state) =>
        {
            // Sentry takes an empty body as "no instruction"; anything else must be a JSON object.
            var instruction = "";
            if (http.Request.ContentLength is not 0)
            {
                var (body, error) = await SandboxRequests.ReadObjectAsync(http);
                if (body is null)
                {
                    return error!;
                }
                instruction = SandboxRequests.Text(body, "instruction") ?? "";
            }
            lock (state.Gate)
            {
                if (IssueEndpoints.Find(state.Data, org, issueId, out var issue) is { } notFound)
                {
                    return notFound;
                }
                var run = state.Data.StartSeerRun(issue!, instruction);
                return Results.Json(new Dictionary<string, object> { ["run_id"] = run.RunId }, statusCode: StatusCodes.Status202Accepted);
            }
        }).RequireScope("event:write", "event:admin");
    }

    private static Dictionary<string, object?> Serialize(SandboxSeerRun run)
    {
        var completed = run.Status == "completed";
        var blocks = new List<Dictionary<string, object?>>
        {
            Block("block-1", run.StartedAt.AddSeconds(40), completed ? "I found why the request fails." : "Investigating the stack trace and the code it points to.",
                loading: !completed,
                artifacts: completed
                    ? [Artifact("root_cause", "Root cause analysis completed", new Dictionary<string, object?>
                    {
                        ["one_line_description"] = run.RootCause.OneLineDescription,
                        ["five_whys"] = run.RootCause.FiveWhys,
                        ["reproduction_steps"] = run.RootCause.ReproductionSteps,
                        ["relevant_repo"] = run.RootCause.RelevantRepo,
                    })]
                    : [],
                todos:
                [
                    Todo("Read the stack trace and the failing code", "completed"),
                    Todo("Identify the root cause", completed ? "completed" : "in_progress"),
                    Todo("Propose a fix", completed ? "completed" : "pending"),
                ]),
        };
        if (completed)
        {
            blocks.Add(Block("block-2", run.UpdatedAt, "Here is the proposed fix.", loading: false,
                artifacts: [Artifact("solution", "Solution plan completed", new Dictionary<string, object?>
                {
                    ["one_line_summary"] = run.Solution.OneLineSummary,
                    ["steps"] = run.Solution.Steps.Select(s => new Dictionary<string, string> { ["title"] = s.Title, ["description"] = s.Description }).ToList(),
                })],
                todos: null));
        }
        return new Dictionary<string, object?>
        {
            ["run_id"] = run.RunId,
            ["status"] = run.Status,
            ["updated_at"] = run.UpdatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture),
            ["owner_user_id"] = null,
            ["pending_user_input"] = null,
            ["repo_pr_states"] = new Dictionary<string, object>(),
            ["coding_agents"] = new Dictionary<string, object>(),
            ["blocks"] = blocks,
        };
    }

    private static Dictionary<string, object?> Block(string id, DateTimeOffset at, string message, bool loading, List<Dictionary<string, object?>> artifacts, List<Dictionary<string, string>>? todos) => new()
    {
        ["id"] = id,
        ["message"] = new Dictionary<string, object?> { ["role"] = "assistant", ["content"] = message, ["thinking_content"] = null, ["tool_calls"] = null, ["metadata"] = null },
        ["timestamp"] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture),
        ["loading"] = loading,
        ["artifacts"] = artifacts,
        ["file_patches"] = null,
        ["merged_file_patches"] = null,
        ["pr_commit_shas"] = null,
        ["todos"] = todos,
        ["tool_links"] = null,
        ["tool_results"] = null,
    };

    private static Dictionary<string, object?> Artifact(string key, string reason, Dictionary<string, object?> data) =>
        new() { ["key"] = key, ["reason"] = reason, ["data"] = data };

    private static Dictionary<string, string> Todo(string content, string status) => new() { ["content"] = content, ["status"] = status };
}
