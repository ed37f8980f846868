using System.Text.Json;
using System.Text.Json.Serialization;

namespace SentryMcp.Core.Api.Models;

/// <summary><c>GET /organizations/{org}/issues/{id}/autofix/</c>: <c>autofix</c> is null when no run exists.</summary>
public sealed record AutofixState([property: JsonPropertyName("autofix")] AutofixRun? Autofix);

/// <summary><c>POST /organizations/{org}/issues/{id}/autofix/</c>.</summary>
public sealed record AutofixStarted([property: JsonPropertyName("run_id")] string? RunId);

/// <summary>
/// A Seer run. Current Sentry returns agent <c>blocks</c> whose artifacts carry the root cause and
/// solution; older installations return <c>steps</c>. Both are read.
/// </summary>
public sealed record AutofixRun
{
    [JsonPropertyName("run_id")] public string? RunId { get; init; }
    [JsonPropertyName("status")] public string? Status { get; init; }
    [JsonPropertyName("updated_at")] public string? UpdatedAt { get; init; }
    [JsonPropertyName("blocks")] public List<AutofixBlock>? Blocks { get; init; }
    [JsonPropertyName("steps")] public List<AutofixStep>? Steps { get; init; }
    [JsonPropertyName("repo_pr_states")] public Dictionary<string, AutofixPullRequest>? RepoPrStates { get; init; }

    /// <summary>The status in current Sentry's vocabulary (legacy upper-case values mapped onto it).</summary>
    public SeerStatus NormalizedStatus => SeerStatuses.Parse(Status);

    /// <summary>The latest data of an artifact (root_cause, solution) across all blocks.</summary>
    public JsonElement? Artifact(string key)
    {
        JsonElement? latest = null;
        foreach (var artifact in Blocks?.SelectMany(b => b.Artifacts ?? []) ?? [])
        {
            if (artifact.Key == key && artifact.Data is { ValueKind: JsonValueKind.Object } data)
            {
                latest = data;
            }
        }
        return latest;
    }

    /// <summary>The agent's current to-do while it works, for progress messages.</summary>
    public string? ActiveTodo =>
        Blocks?.AsEnumerable().Reverse().Select(b => b.Todos?.FirstOrDefault(t => t.Status == "in_progress")?.Content)
            .FirstOrDefault(t => t is not null);
}

public sealed record AutofixBlock(
    [property: JsonPropertyName("artifacts")] List<AutofixArtifact>? Artifacts,
    [property: JsonPropertyName("todos")] List<AutofixTodo>? Todos);

public sealed record AutofixArtifact(
    [property: JsonPropertyName("key")] string? Key,
    [property: JsonPropertyName("data")] JsonElement? Data);

public sealed record AutofixTodo(
    [property: JsonPropertyName("content")] string? Content,
    [property: JsonPropertyName("status")] string? Status);

public sealed record AutofixPullRequest([property: JsonPropertyName("pr_url")] string? PrUrl);

/// <summary>A step of a legacy (pre-agent) run.</summary>
public sealed record AutofixStep
{
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("status")] public string? Status { get; init; }
    [JsonPropertyName("causes")] public List<AutofixCause>? Causes { get; init; }
    [JsonPropertyName("solution")] public List<AutofixTimelineItem>? Solution { get; init; }
}

public sealed record AutofixCause(
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("root_cause_reproduction")] List<AutofixTimelineItem>? Reproduction);

public sealed record AutofixTimelineItem(
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("code_snippet_and_analysis")] string? CodeSnippetAndAnalysis,
    [property: JsonPropertyName("relevant_code_file")] AutofixCodeFile? RelevantCodeFile);

public sealed record AutofixCodeFile(
    [property: JsonPropertyName("file_path")] string? FilePath,
    [property: JsonPropertyName("repo_name")] string? RepoName);

public enum SeerStatus
{
    Processing,
    Completed,
    Error,
    AwaitingUserInput,
}

public static class SeerStatuses
{
    public static SeerStatus Parse(string? status) => status?.Trim().ToUpperInvariant() switch
    {
        "COMPLETED" => SeerStatus.Completed,
        "ERROR" or "FAILED" or "CANCELLED" => SeerStatus.Error,
        "AWAITING_USER_INPUT" or "NEED_MORE_INFORMATION" or "WAITING_FOR_USER_RESPONSE" => SeerStatus.AwaitingUserInput,
        _ => SeerStatus.Processing,
    };

    public static bool IsTerminal(this SeerStatus status) => status != SeerStatus.Processing;

    public static string DisplayName(this SeerStatus status) => status switch
    {
        SeerStatus.Completed => "Complete",
        SeerStatus.Error => "Failed",
        SeerStatus.AwaitingUserInput => "Waiting for your input",
        _ => "Processing",
    };
}
