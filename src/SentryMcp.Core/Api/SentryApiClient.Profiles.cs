using SentryMcp.Core.Api.Models;

namespace SentryMcp.Core.Api;

/// <summary>Profiling: a transaction's aggregate flamegraph, one transaction profile, continuous-profile chunks.</summary>
public sealed partial class SentryApiClient
{
    /// <summary>The numeric id of a project; the profiling endpoints filter by id, not slug.</summary>
    public async Task<string> ResolveProjectIdAsync(string organizationSlug, string projectSlugOrId, string? regionUrl, CancellationToken ct)
    {
        if (projectSlugOrId.All(char.IsAsciiDigit))
        {
            return projectSlugOrId;
        }
        var project = await GetAsync<SentryProject>(ApiPath.Of("projects", organizationSlug, projectSlugOrId), regionUrl, ct).ConfigureAwait(false);
        return project.Id;
    }

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
