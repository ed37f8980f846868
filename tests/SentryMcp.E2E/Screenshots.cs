namespace SentryMcp.E2E;

/// <summary>Saves screenshots of the main states to artifacts/screenshots at the repository root.</summary>
public static class Screenshots
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SentryMcp.slnx")))
        {
            dir = dir.Parent;
        }
        var folder = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    });

    public static Task SaveAsync(IPage page, string name, bool fullPage = false) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder.Value, name + ".png"), FullPage = fullPage });
}
