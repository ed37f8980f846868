using System.Text.Json;
using System.Text.Json.Serialization;

namespace SentryMcp.Core.Api.Models;

/// <summary>The <c>data</c> of <c>GET /organizations/{org}/replays/{id}/</c> (snake_case, as Sentry sends it).</summary>
public sealed record SentryReplay
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("project_id")] public JsonElement? ProjectId { get; init; }
    [JsonPropertyName("started_at")] public string? StartedAt { get; init; }
    [JsonPropertyName("finished_at")] public string? FinishedAt { get; init; }
    [JsonPropertyName("duration")] public double? Duration { get; init; }
    [JsonPropertyName("is_archived")] public bool? IsArchived { get; init; }
    [JsonPropertyName("environment")] public string? Environment { get; init; }
    [JsonPropertyName("platform")] public string? Platform { get; init; }
    [JsonPropertyName("replay_type")] public string? ReplayType { get; init; }
    [JsonPropertyName("count_errors")] public int? CountErrors { get; init; }
    [JsonPropertyName("count_warnings")] public int? CountWarnings { get; init; }
    [JsonPropertyName("count_infos")] public int? CountInfos { get; init; }
    [JsonPropertyName("count_dead_clicks")] public int? CountDeadClicks { get; init; }
    [JsonPropertyName("count_rage_clicks")] public int? CountRageClicks { get; init; }
    [JsonPropertyName("count_segments")] public int? CountSegments { get; init; }
    [JsonPropertyName("urls")] public List<string>? Urls { get; init; }
    [JsonPropertyName("trace_ids")] public List<string>? TraceIds { get; init; }
    [JsonPropertyName("error_ids")] public List<string>? ErrorIds { get; init; }
    [JsonPropertyName("releases")] public List<string>? Releases { get; init; }
    [JsonPropertyName("browser")] public NameVersion? Browser { get; init; }
    [JsonPropertyName("os")] public NameVersion? Os { get; init; }
    [JsonPropertyName("device")] public ReplayDevice? Device { get; init; }
    [JsonPropertyName("user")] public ReplayUser? User { get; init; }

    /// <summary>Sentry sends the project id as a number or a string.</summary>
    [JsonIgnore]
    public string? ProjectIdText => ProjectId is { ValueKind: JsonValueKind.Number or JsonValueKind.String } id
        ? (id.ValueKind == JsonValueKind.String ? id.GetString() : id.GetRawText()) : null;
}

public sealed record NameVersion([property: JsonPropertyName("name")] string? Name, [property: JsonPropertyName("version")] string? Version);

public sealed record ReplayDevice([property: JsonPropertyName("name")] string? Name, [property: JsonPropertyName("model")] string? Model, [property: JsonPropertyName("family")] string? Family);

public sealed record ReplayUser(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("display_name")] string? DisplayName,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("username")] string? Username);

public sealed record ReplayEnvelope([property: JsonPropertyName("data")] SentryReplay? Data);

public sealed record ReplayListEnvelope([property: JsonPropertyName("data")] List<SentryReplay>? Data);
