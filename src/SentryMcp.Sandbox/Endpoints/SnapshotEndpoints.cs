namespace SentryMcp.Sandbox;

/// <summary>
/// Sentry's preprod snapshots (screenshot tests of an app build): a build's images, how they compare
/// with the base build, one image's detail and the image files themselves.
/// </summary>
public static class SnapshotEndpoints
{
    private static readonly string[] ReadScopes = ["project:read", "project:write", "project:admin"];

    public static void MapSnapshotEndpoints(this RouteGroupBuilder api)
    {
        const string snapshots = "/organizations/{org}/preprodartifacts/snapshots";

        api.MapGet(snapshots + "/latest-base/", (HttpContext http, SandboxState state, string org) =>
        {
            var q = http.Request.Query;
            if (q["app_id"].FirstOrDefault() is not { Length: > 0 } appId)
            {
                return SentryErrors.BadRequest("app_id is required.");
            }
            lock (state.Gate)
            {
                if (state.Data.Organization(org) is null)
                {
                    return SentryErrors.NotFound();
                }
                var branch = q["branch"].FirstOrDefault() is { Length: > 0 } b ? b : "main";
                var project = q["project"].FirstOrDefault() ?? q["projectSlug"].FirstOrDefault();
                var latest = state.Data.Snapshots
                    .Where(s => s.OrganizationSlug == org && s.AppId == appId && s.ComparisonType == "solo" && s.Branch == branch
                        && (project is null || state.Data.Project(org, project)?.Slug == s.ProjectSlug))
                    .MaxBy(s => s.DateCreated);
                return latest is null
                    ? SentryErrors.NotFound($"No base snapshot found for app {appId} on branch {branch}.")
                    : Results.Json(SnapshotShapes.Details(state.Data, latest));
            }
        }).RequireScope(ReadScopes);

        api.MapGet(snapshots + "/{snapshotId}/", (SandboxState state, string org, string snapshotId) =>
        {
            lock (state.Gate)
            {
                var snapshot = state.Data.Snapshot(org, snapshotId);
                return snapshot is null ? SentryErrors.NotFound("Snapshot not found.") : Results.Json(SnapshotShapes.Details(state.Data, snapshot));
            }
        }).RequireScope(ReadScopes);

        api.MapGet(snapshots + "/{snapshotId}/images/{imageIdentifier}/", (SandboxState state, string org, string snapshotId, string imageIdentifier) =>
        {
            // Routing leaves an escaped slash (%2F) inside one segment as it came.
            var identifier = Uri.UnescapeDataString(imageIdentifier);
            lock (state.Gate)
            {
                var snapshot = state.Data.Snapshot(org, snapshotId);
                var image = snapshot?.Images.FirstOrDefault(i => i.FileName == identifier);
                return snapshot is null || image is null
                    ? SentryErrors.NotFound($"Image {identifier} not found in snapshot {snapshotId}.")
                    : Results.Json(SnapshotShapes.ImageDetail(state.Data, snapshot, image));
            }
        }).RequireScope(ReadScopes);

        api.MapGet(snapshots + "/{snapshotId}/images/{key}/download/", (SandboxState state, string org, string snapshotId, string key) =>
        {
            SandboxPng? png;
            lock (state.Gate)
            {
                png = state.Data.Snapshot(org, snapshotId)?.Images
                    .SelectMany(i => new[] { i.Head, i.Base, i.DiffMask })
                    .FirstOrDefault(p => p is not null && p.Key + ".png" == key);
            }
            return png is null ? SentryErrors.NotFound("Image file not found.") : Results.Bytes(DemoData.RenderPng(png), "image/png");
        }).RequireScope(ReadScopes);
    }
}
