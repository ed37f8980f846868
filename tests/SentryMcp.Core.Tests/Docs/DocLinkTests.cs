namespace SentryMcp.Core.Tests.Docs;

/// <summary>
/// Every reference in the repository's markdown resolves: relative links and their headings, and
/// the files and folders the text names as code. A rename that leaves a page behind fails here.
/// </summary>
public sealed class DocLinkTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("doc-links-").FullName;

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SentryMcp.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    /// <summary>README.md, CONTRIBUTING.md, docs/*.md and the README of every project and benchmark.</summary>
    private static List<string> MarkdownFiles(string root) =>
    [
        .. new[] { "README.md", "CONTRIBUTING.md" }.Select(f => Path.Combine(root, f)),
        .. Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md"),
        .. new[] { "bench", "src", "tests" }.SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "README.md", SearchOption.AllDirectories))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules" or "out")),
    ];

    [Fact]
    public void Every_link_and_file_path_in_the_docs_resolves()
    {
        var root = RepoRoot();
        var files = MarkdownFiles(root);

        var problems = DocReferences.Check(root, files);

        Assert.Contains(files, f => f.EndsWith(Path.Combine("docs", "architecture.md"), StringComparison.Ordinal));
        Assert.True(problems.Count == 0, $"{problems.Count} references point at nothing:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void Broken_links_headings_and_paths_are_each_reported_with_their_line()
    {
        Directory.CreateDirectory(Path.Combine(_scratch, "docs"));
        Directory.CreateDirectory(Path.Combine(_scratch, "src", "App"));
        File.WriteAllText(Path.Combine(_scratch, "src", "App", "Widget.cs"), "");
        File.WriteAllText(Path.Combine(_scratch, "docs", "other.md"), "# Other page\n\n## Set-up: step `one`\n");
        var page = Path.Combine(_scratch, "docs", "page.md");
        File.WriteAllText(page, string.Join('\n',
            "# Page",
            "Fine: [other](other.md), [a heading](other.md#set-up-step-one), [here](#page), `src/App/Widget.cs`, `Widget.cs`, `src/App/`,",
            "[web](https://example.com/missing.md), `/api/chat`, `artifacts/out.md`, `src/<name>.cs`.",
            "Broken: [gone](gone.md) and [no heading](other.md#nope).",
            "`src/App/Gadget.cs` and `Gizmo.cs:12`",
            "```sh",
            "dotnet run --project src/Missing -- [not a link](nowhere.md)",
            "```",
            "[code in a link](`x`) `[not](a-link.md)`",
            "Prose: docs/other.md, other.md, src/App, docs/missing.md and gone-too.md."));

        var problems = DocReferences.Check(_scratch, [page]);

        Assert.Equal(
            [
                "docs/page.md:4: [](gone.md): no file docs/gone.md",
                "docs/page.md:4: [](other.md#nope): no heading #nope in docs/other.md",
                "docs/page.md:5: `src/App/Gadget.cs`: no such file or folder",
                "docs/page.md:5: `Gizmo.cs`: no file of that name in the repository",
                "docs/page.md:7: `src/Missing`: no such file or folder",
                "docs/page.md:10: docs/missing.md: no such file",
                "docs/page.md:10: gone-too.md: no such file",
            ],
            problems);
    }

    [Fact]
    public void Heading_anchors_follow_githubs_rules()
    {
        var anchors = DocReferences.Anchors(["# AOT status", "## Chat (`Server/Chat`)", "## Run", "### Run", "```", "# Not a heading", "```", "<a id=\"custom\"></a>"]);

        Assert.Equal(["aot-status", "chat-serverchat", "custom", "run", "run-1"], anchors.Order(StringComparer.Ordinal));
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);
}
