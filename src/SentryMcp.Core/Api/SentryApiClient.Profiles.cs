using SentryMcp.Core.Api.Models;

namespace SentryMcp.Core.Api;

/// <summary>Profiling: a transaction's aggregate flamegraph, one transaction profile, continuous-profile chunks.</summary>
public sealed partial class SentryApiClient
{
    public Task<Flamegraph> GetFlamegraphAsync(string organizationSlug, string projectId, string transaction, string statsPeriod, string? regionUrl, CancellationToken ct)
    {
        var escaped = transaction.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        return GetAsync<Flamegraph>(
            ApiPath.WithQuery(ApiPath.Of("organizations", organizationSlug, "profiling", "flamegraph"),
                ("project", projectId), ("query", $"event.type:transaction transaction:\"{escaped}\""), ("statsPeriod", statsPeriod)),
            regionUrl, ct);
    }

    public Task<ProfileDocument> GetTransactionProfileAsync(string organizationSlug, string projectSlugOrId, string profileId, string? regionUrl, CancellationToken ct) =>
        GetAsync<ProfileDocument>(ApiPath.Of("projects", organizationSlug, projectSlugOrId, "profiling", "profiles", profileId), regionUrl, ct);

    public async Task<ProfileDocument?> GetProfileChunkAsync(string organizationSlug, string projectId, string profilerId, string start, string end, string? regionUrl, CancellationToken ct)
    {
        var envelope = await GetAsync<ProfileChunkEnvelope>(
            ApiPath.WithQuery(ApiPath.Of("organizations", organizationSlug, "profiling", "chunks"),
                ("profiler_id", profilerId), ("project", projectId), ("start", start), ("end", end)),
            regionUrl, ct).ConfigureAwait(false);
        return envelope.Chunk;
    }
}
