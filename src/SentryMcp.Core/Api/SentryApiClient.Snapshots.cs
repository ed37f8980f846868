using SentryMcp.Core.Api.Models;

namespace SentryMcp.Core.Api;

public sealed partial class SentryApiClient
{
    public Task<SnapshotDetails> GetSnapshotAsync(string organizationSlug, string snapshotId, string? regionUrl, CancellationToken ct) =>
        GetAsync<SnapshotDetails>(
            ApiPath.WithQuery(ApiPath.Of("organizations", organizationSlug, "preprodartifacts", "snapshots", snapshotId), ("compact_metadata", "true")),
            regionUrl, ct);

    /// <summary>The image identifier is one escaped path segment even when it holds slashes (<c>ios/login.png</c>).</summary>
    public Task<SnapshotImageDetail> GetSnapshotImageAsync(string organizationSlug, string snapshotId, string imageIdentifier, string? regionUrl, CancellationToken ct) =>
        GetAsync<SnapshotImageDetail>(
            ApiPath.Of("organizations", organizationSlug, "preprodartifacts", "snapshots", snapshotId, "images", imageIdentifier), regionUrl, ct);

    public Task<SnapshotDetails> GetLatestBaseSnapshotAsync(string organizationSlug, string appId, string? branch, string? projectId, string? projectSlug, string? regionUrl, CancellationToken ct) =>
        GetAsync<SnapshotDetails>(
            ApiPath.WithQuery(ApiPath.Of("organizations", organizationSlug, "preprodartifacts", "snapshots", "latest-base"),
                ("app_id", appId), ("branch", branch), ("project", projectId), ("projectSlug", projectSlug), ("compact_metadata", "true")),
            regionUrl, ct);

    /// <summary>
    /// Downloads an image Sentry links from a snapshot. Only links into this Sentry's own API are
    /// followed, with the caller's token: a link to any other host is refused rather than fetched, so
    /// a crafted response can neither send the token elsewhere nor make this server fetch for it.
    /// </summary>
    public Task<(byte[] Bytes, string? ContentType)> DownloadSnapshotImageAsync(string imageUrl, string? regionUrl, CancellationToken ct)
    {
        var path = ApiRelativePath(imageUrl, regionUrl)
            ?? throw new UserInputException($"The image link {imageUrl} does not point into this Sentry's API, so it is not fetched.");
        return GetBytesAsync(path, regionUrl, ct);
    }

    private string? ApiRelativePath(string url, string? regionUrl)
    {
        const string prefix = "/api/0/";
        string? relative = null;
        if (url.StartsWith(prefix, StringComparison.Ordinal))
        {
            relative = url[prefix.Length..];
        }
        else if (Uri.TryCreate(url, UriKind.Absolute, out var absolute))
        {
            var apiBase = new Uri(Host.ApiBaseFor(regionUrl), "api/0/");
            if (absolute.GetLeftPart(UriPartial.Authority) == apiBase.GetLeftPart(UriPartial.Authority)
                && absolute.AbsolutePath.StartsWith(apiBase.AbsolutePath, StringComparison.Ordinal))
            {
                relative = absolute.PathAndQuery[apiBase.AbsolutePath.Length..];
            }
        }
        // Dot segments would be normalised away by the HTTP client and walk out of the API.
        return relative is null || Uri.UnescapeDataString(relative).Split('/', '?').Any(s => s is "." or "..") ? null : relative;
    }
}
