using System.Globalization;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

/// <summary>
/// Snapshot images as a file tree (their names are paths such as <c>checkout/cart.png</c>), which
/// is far shorter than one heading per image when a build has hundreds of screenshots.
/// </summary>
internal static class SnapshotFormatting
{
    public static string SnapshotUrl(SentryToolContext context, string org, string snapshotId) =>
        $"{context.Host.OrganizationUrl(org)}preprod/snapshots/{Uri.EscapeDataString(snapshotId)}/";

    public static string Percent(double share) => (Math.Round(share * 10000) / 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    public static SnapshotImageOutput ToOutput(SnapshotImage entry, string? status)
    {
        var image = entry.Primary;
        return new SnapshotImageOutput(image.ImageFileName ?? image.DisplayName ?? "unknown", image.DisplayName, image.Group, image.Description,
            image.Width, image.Height, status, entry.Diff is { } d ? Math.Round(d * 10000) / 100 : null,
            entry.HeadImage is not null && entry.BaseImage?.ImageFileName is { } previous && previous != entry.HeadImage.ImageFileName ? previous : null);
    }

    /// <summary>Lines of a <c>**Title:**</c> section with the images as a tree; nothing when there are none.</summary>
    public static IEnumerable<string> Tree(string title, IEnumerable<SnapshotImageOutput> images)
    {
        var root = new Branch();
        foreach (var image in images)
        {
            var segments = image.ImageFileName.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var node = root;
            foreach (var folder in segments.SkipLast(1))
            {
                node = node.Children.TryGetValue(folder, out var child) ? child : node.Children[folder] = new Branch();
            }
            node.Leaves.Add(Label(segments.Length == 0 ? image.ImageFileName : segments[^1], image));
        }
        if (root.Children.Count == 0 && root.Leaves.Count == 0)
        {
            yield break;
        }
        yield return $"**{title}:**";
        foreach (var line in Render(root, ""))
        {
            yield return line;
        }
    }

    private static string Label(string leaf, SnapshotImageOutput image)
    {
        var details = new List<string>();
        if (image.DiffPercent is { } diff)
        {
            details.Add($"{diff.ToString("0.##", CultureInfo.InvariantCulture)}% diff");
        }
        if (image.PreviousImageFileName is { } previous)
        {
            details.Add($"previous: {previous}");
        }
        if (image.DisplayName is { } name && name != leaf && name != image.ImageFileName)
        {
            details.Add(name);
        }
        if (image.Group is { } group && group != image.DisplayName)
        {
            details.Add(group);
        }
        return details.Count == 0 ? leaf : $"{leaf} — {string.Join(" — ", details)}";
    }

    private static IEnumerable<string> Render(Branch branch, string prefix)
    {
        var entries = branch.Children.Select(c => (Label: c.Key + "/", Child: (Branch?)c.Value)).Concat(branch.Leaves.Select(l => (Label: l, Child: (Branch?)null))).ToList();
        for (var i = 0; i < entries.Count; i++)
        {
            var last = i == entries.Count - 1;
            yield return $"{prefix}{(last ? "└── " : "├── ")}{entries[i].Label}";
            if (entries[i].Child is { } child)
            {
                foreach (var line in Render(child, prefix + (last ? "    " : "│   ")))
                {
                    yield return line;
                }
            }
        }
    }

    private sealed class Branch
    {
        public SortedDictionary<string, Branch> Children { get; } = new(StringComparer.Ordinal);
        public List<string> Leaves { get; } = [];
    }
}
