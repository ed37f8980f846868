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

    /// <summary>Replays matching a replay search, sorted by a replay field (<c>{"data": [...]}</c>).</summary>
    public async Task<List<SentryReplay>> SearchReplaysAsync(string organizationSlug, string query, string sort, int limit, string statsPeriod,
        IReadOnlyList<string> environments, string? projectId, string? regionUrl, CancellationToken ct)
    {
        var parameters = new List<(string, string?)>
        {
            ("query", query), ("sort", sort), ("per_page", PerPage(limit)), ("statsPeriod", statsPeriod), ("project", projectId),
        };
        parameters.AddRange(environments.Select(e => ("environment", (string?)e)));
        var page = await GetAsync<ReplayListEnvelope>(ApiPath.WithQuery(ApiPath.Of("organizations", organizationSlug, "replays"), [.. parameters]), regionUrl, ct).ConfigureAwait(false);
        return page.Data ?? [];
    }
}
