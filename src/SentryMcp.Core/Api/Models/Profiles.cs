using System.Text.Json;
using System.Text.Json.Serialization;

namespace SentryMcp.Core.Api.Models;

/// <summary><c>GET /organizations/{org}/profiling/flamegraph/</c>: a transaction's profiles merged over a period.</summary>
public sealed record Flamegraph(
    [property: JsonPropertyName("profiles")] List<FlamegraphProfile>? Profiles,
    [property: JsonPropertyName("shared")] FlamegraphShared? Shared,
    [property: JsonPropertyName("platform")] string? Platform)
{
    public bool HasData => Profiles?.Any(p => p.Samples is { Count: > 0 }) == true && Shared?.Frames is { Count: > 0 };
}

public sealed record FlamegraphProfile(
    [property: JsonPropertyName("samples")] List<List<int>>? Samples,
    [property: JsonPropertyName("sample_counts")] List<long>? SampleCounts,
    [property: JsonPropertyName("sample_durations_ns")] List<double>? SampleDurationsNs,
    [property: JsonPropertyName("isMainThread")] bool? IsMainThread);

public sealed record FlamegraphShared(
    [property: JsonPropertyName("frames")] List<FlamegraphFrame>? Frames,
    [property: JsonPropertyName("frame_infos")] List<FlamegraphFrameInfo>? FrameInfos,
    [property: JsonPropertyName("profiles")] List<FlamegraphProfileRef>? Profiles);

public sealed record FlamegraphFrame(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("file")] string? File,
    [property: JsonPropertyName("module")] string? Module,
    [property: JsonPropertyName("line")] int? Line,
    [property: JsonPropertyName("is_application")] bool? IsApplication,
    [property: JsonPropertyName("fingerprint")] long? Fingerprint);

public sealed record FlamegraphFrameInfo(
    [property: JsonPropertyName("count")] long? Count,
    [property: JsonPropertyName("sumDuration")] double? SumDuration,
    [property: JsonPropertyName("sumSelfTime")] double? SumSelfTime,
    [property: JsonPropertyName("p75Duration")] double? P75Duration,
    [property: JsonPropertyName("p95Duration")] double? P95Duration,
    [property: JsonPropertyName("p99Duration")] double? P99Duration);

public sealed record FlamegraphProfileRef(
    [property: JsonPropertyName("profile_id")] string? ProfileId,
    [property: JsonPropertyName("profiler_id")] string? ProfilerId);

/// <summary>
/// A transaction profile (<c>/projects/{org}/{project}/profiling/profiles/{id}/</c>) or the <c>chunk</c>
/// of a continuous profile: both carry a sample-format <c>profile</c>.
/// </summary>
public sealed record ProfileDocument
{
    [JsonPropertyName("profile_id")] public string? ProfileId { get; init; }
    [JsonPropertyName("chunk_id")] public string? ChunkId { get; init; }
    [JsonPropertyName("profiler_id")] public string? ProfilerId { get; init; }
    [JsonPropertyName("platform")] public string? Platform { get; init; }
    [JsonPropertyName("environment")] public string? Environment { get; init; }
    [JsonPropertyName("release")] public JsonElement? Release { get; init; }
    [JsonPropertyName("profile")] public SampledProfile? Profile { get; init; }
    [JsonPropertyName("transaction")] public ProfileTransaction? Transaction { get; init; }
    [JsonPropertyName("os")] public NameVersion? Os { get; init; }
    [JsonPropertyName("runtime")] public NameVersion? Runtime { get; init; }
    [JsonPropertyName("client_sdk")] public NameVersion? ClientSdk { get; init; }

    /// <summary>Sentry sends the release as <c>{"version": …}</c> in transaction profiles and as a string in chunks.</summary>
    public string? ReleaseVersion => Release switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Object } o when o.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String => v.GetString(),
        _ => null,
    };
}

public sealed record SampledProfile(
    [property: JsonPropertyName("frames")] List<SampledFrame>? Frames,
    [property: JsonPropertyName("samples")] List<ProfileSample>? Samples,
    [property: JsonPropertyName("stacks")] List<List<int>>? Stacks,
    [property: JsonPropertyName("thread_metadata")] Dictionary<string, ThreadMetadata>? ThreadMetadata);

public sealed record SampledFrame(
    [property: JsonPropertyName("function")] string? Function,
    [property: JsonPropertyName("filename")] string? Filename,
    [property: JsonPropertyName("module")] string? Module,
    [property: JsonPropertyName("lineno")] int? Lineno,
    [property: JsonPropertyName("in_app")] bool? InApp);

public sealed record ProfileSample(
    [property: JsonPropertyName("stack_id")] int? StackId,
    [property: JsonPropertyName("thread_id")] JsonElement? ThreadId);

public sealed record ThreadMetadata([property: JsonPropertyName("name")] string? Name);

public sealed record ProfileTransaction(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("trace_id")] string? TraceId,
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("relative_start_ns")] double? RelativeStartNs,
    [property: JsonPropertyName("relative_end_ns")] double? RelativeEndNs);

public sealed record ProfileChunkEnvelope([property: JsonPropertyName("chunk")] ProfileDocument? Chunk);
