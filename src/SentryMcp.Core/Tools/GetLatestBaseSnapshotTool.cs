using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class GetLatestBaseSnapshotTool
{
    [McpServerTool(Name = "get_latest_base_snapshot", Title = "Get latest base snapshot", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(LatestBaseSnapshotOutput))]
    [Description("Get the latest UI screenshots of an app from Sentry's preprod snapshots: the newest base build of its default (or a given) branch.\n\n" +
        "This is the tool for app screenshots, not search_events or search_issues.\n\n" +
        "Use this tool when you need to:\n- Get the screenshots, golden or reference images of an app\n- See what the current UI looks like on the main branch\n" +
        "- Find dark mode, light mode or other variants of a screen\n- Know which baseline images exist when a snapshot test fails in CI\n\n" +
        "Returns compact metadata (file name, display name, group, description) for every image.\n\n" +
        "<examples>\nget_latest_base_snapshot(organizationSlug='my-org', appId='com.example.app')\n" +
        "get_latest_base_snapshot(organizationSlug='my-org', appId='com.example.app', project='mobile', branch='main')\n</examples>\n\n" +
        "<hints>\n- appId is the app identifier, such as a bundle id (com.emergetools.hackernews) or a web app name (sentry-frontend).\n" +
        "- Scan the images by group or name, then view one with get_snapshot_image using the snapshot ID this returns.\n</hints>")]
    [SentryTool(PermissionGroup.Read, "project:read", Skills = [Skill.Inspect])]
    public static async Task<CallToolResult> GetLatestBaseSnapshot(
        SentryToolContext context,
        [Description("The organization's slug. find_organizations lists the organizations you can access.")] string organizationSlug,
        [Description("The app identifier, such as 'com.emergetools.hackernews' or 'sentry-frontend'.")] string appId,
        [Description("Git branch, such as 'main'. Leave empty for the app's default branch.")] string? branch = null,
        [Description("Project slug or numeric ID to narrow the lookup.")] string? project = null,
        [Description("The organization's region URL, if known (from find_organizations). Leave empty for self-hosted Sentry.")] string? regionUrl = null,
        CancellationToken cancellationToken = default)
    {
        var org = SentryToolContext.Require(organizationSlug, nameof(organizationSlug));
        var app = SentryToolContext.Require(appId, nameof(appId));
        var scope = context.Constraints.ProjectSlug ?? (string.IsNullOrWhiteSpace(project) ? null : project.Trim());
        var numeric = scope is not null && scope.All(char.IsAsciiDigit);
        var snapshot = await context.Api.GetLatestBaseSnapshotAsync(org, app, string.IsNullOrWhiteSpace(branch) ? null : branch.Trim(),
            numeric ? scope : null, numeric ? null : scope, regionUrl, cancellationToken).ConfigureAwait(false);
        var id = snapshot.Id ?? throw new UserInputException($"Sentry has no base snapshot for app '{app}'. Check the app identifier and branch.");
        var url = SnapshotFormatting.SnapshotUrl(context, org, id);
        var images = (snapshot.Images ?? []).Select(i => SnapshotFormatting.ToOutput(i, null)).ToList();
        var md = new Markdown().Title($"Latest Base Snapshot for **{app}** in **{org}**")
            .Field("URL", url)
            .Field("Snapshot ID", id)
            .Field("App Name", snapshot.AppInfo?.Name)
            .Field("Platform", snapshot.AppInfo?.Platform)
            .Field("Branch", snapshot.VcsInfo?.HeadRef is { } head ? $"{head} ({Markdown.Code(snapshot.VcsInfo.HeadSha is { Length: > 8 } sha ? sha[..8] : snapshot.VcsInfo.HeadSha)})" : null)
            .Field("Total Images", images.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Line();
        if (images.Count > 0)
        {
            md.Heading("Images").Paragraph(string.Join("\n", SnapshotFormatting.Tree("Snapshot Images", images)));
            foreach (var image in images.Where(i => i.Description is not null))
            {
                md.Bullet($"{Markdown.Code(image.ImageFileName)}: {image.Description}");
            }
        }
        else
        {
            md.Paragraph("This snapshot has no images.");
        }
        var example = images.FirstOrDefault()?.ImageFileName ?? "<image_file_name>";
        var text = md.UsingThisInformation(
            $"View one image: `get_snapshot_image(organizationSlug='{org}', snapshotId='{id}', imageIdentifier='{example}')`.",
            $"The whole snapshot: `get_snapshot(organizationSlug='{org}', snapshotId='{id}')`.").ToString();
        return ToolResults.Structured(text, new LatestBaseSnapshotOutput(id, org, app, url, snapshot.AppInfo?.Name, snapshot.AppInfo?.Platform,
            snapshot.VcsInfo?.HeadRef, snapshot.VcsInfo?.HeadSha, snapshot.ProjectId, images));
    }
}
