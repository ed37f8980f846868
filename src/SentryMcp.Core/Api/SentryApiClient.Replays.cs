using System.Text.Json;
using SentryMcp.Core.Api.Models;

namespace SentryMcp.Core.Api;

/// <summary>Session replays: metadata and recording segments (rrweb events).</summary>
public sealed partial class SentryApiClient
{
    public async Task<SentryReplay> GetReplayAsync(string organizationSlug, string replayId, string? regionUrl, CancellationToken ct)
    {
        var path = ApiPath.Of("organizations", organizationSlug, "replays", replayId);
        var envelope = await GetAsync<ReplayEnvelope>(path, regionUrl, ct).ConfigureAwait(false);
        return envelope.Data ?? throw new SentryApiException(System.Net.HttpStatusCode.NotFound, "The replay has no data.", "GET", path);
    }

    /// <summary>Every recording segment, each a list of rrweb events; <c>download=true</c> makes Sentry inline them.</summary>
    public Task<List<List<JsonElement>>> GetReplaySegmentsAsync(string organizationSlug, string projectSlugOrId, string replayId, string? regionUrl, CancellationToken ct) =>
        GetAsync<List<List<JsonElement>>>(
            ApiPath.WithQuery(ApiPath.Of("projects", organizationSlug, projectSlugOrId, "replays", replayId, "recording-segments"), ("download", "true")),
            regionUrl, ct);
}
