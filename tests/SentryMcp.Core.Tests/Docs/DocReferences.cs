using System.Text;
using System.Text.RegularExpressions;

namespace SentryMcp.Core.Tests.Docs;

/// <summary>
/// Finds the references in markdown files that point at nothing: relative links (and their
/// <c>#heading</c>), and repository paths written as code (<c>`src/...`</c>, a file name such as
/// <c>`ChatAgent.cs`</c>). Returns one line per broken reference, <c>file:line: reference: why</c>.
/// </summary>
public static partial class DocReferences
{
    /// <summary>Top-level folders: a code token starting with one of them is a path from the repository root.</summary>
    private static readonly string[] RootFolders = ["src/", "tests/", "scripts/", "docs/", "bench/", "web/", ".config/"];

    /// <summary>Made by a build or a run and ignored by git (as is any node_modules), so absent from a fresh clone: named, never checked.</summary>
    private static readonly string[] Generated =
        ["artifacts/", "bench/out/", "bench/results/", "data/", "src/SentryMcp.Server/wwwroot", "TestResults/"];

    private static readonly HashSet<string> SkippedFolders = ["bin", "obj", "node_modules", ".git", "artifacts", "TestResults", "out", "results"];

    /// <summary>A code span that is one of these file types is a file name that must exist somewhere in the repository.</summary>
    private static readonly HashSet<string> FileTypes = ["cs", "csproj", "ts", "tsx", "md", "sh", "json", "props", "slnx", "yml", "yaml", "js", "mjs", "css", "html"];

    public static List<string> Check(string root, IEnumerable<string> markdownFiles)
    {
        var files = RepositoryFiles(root);
        var headings = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var file in markdownFiles)
        {
            var relative = Relative(root, file);
            var lines = File.ReadAllLines(file);
            var fenced = false;
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                void Report(string reference, string why) => problems.Add($"{relative}:{i + 1}: {reference}: {why}");
                if (FenceLine().IsMatch(line))
                {
                    fenced = !fenced;
                    continue;
                }
                if (fenced)
                {
                    CheckCode(line, wholeSpan: false, root, files, Report);
                    continue;
                }
                foreach (Match span in CodeSpan().Matches(line))
                {
                    CheckCode(span.Groups[1].Value, wholeSpan: true, root, files, Report);
                }
                var prose = CodeSpan().Replace(line, "");
                foreach (Match link in Link().Matches(prose))
                {
                    CheckLink(link.Groups[1].Value, file, root, headings, Report);
                }
                foreach (Match path in ProsePath().Matches(Link().Replace(prose, "")))
                {
                    CheckProsePath(path.Value, file, root, Report);
                }
            }
        }
        return problems;
    }

    private static void CheckLink(string target, string file, string root, Dictionary<string, HashSet<string>> headings, Action<string, string> report)
    {
        if (Scheme().IsMatch(target))
        {
            return;
        }
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var path = hash < 0 ? target : target[..hash];
        var anchor = hash < 0 ? null : Uri.UnescapeDataString(target[(hash + 1)..]);
        var full = path.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(path)));
        if (!File.Exists(full) && !Directory.Exists(full))
        {
            report($"[]({target})", $"no file {Relative(root, full)}");
            return;
        }
        if (anchor is not null && full.EndsWith(".md", StringComparison.Ordinal))
        {
            if (!headings.TryGetValue(full, out var known))
            {
                headings[full] = known = Anchors(File.ReadAllLines(full));
            }
            if (!known.Contains(anchor))
            {
                report($"[]({target})", $"no heading #{anchor} in {Relative(root, full)}");
            }
        }
    }

    /// <summary>A path in plain text: from the root when it starts with a top-level folder, else a page beside this one.</summary>
    private static void CheckProsePath(string path, string file, string root, Action<string, string> report)
    {
        var fromRoot = RootFolders.Any(f => path.StartsWith(f, StringComparison.Ordinal));
        if (Generated.Any(g => path.StartsWith(g, StringComparison.Ordinal)))
        {
            return;
        }
        var full = fromRoot ? Path.Combine(root, path) : Path.Combine(Path.GetDirectoryName(file)!, path);
        if (!File.Exists(full) && !Directory.Exists(full) && !(!fromRoot && File.Exists(Path.Combine(root, path))))
        {
            report(path, "no such file");
        }
    }

    /// <summary>
    /// Inside code, a token starting with a top-level folder is a path from the root; a whole code
    /// span that is a file name must also be a file (at the root, or the end of some file's path).
    /// </summary>
    private static void CheckCode(string code, bool wholeSpan, string root, IReadOnlyList<string> files, Action<string, string> report)
    {
        var tokens = code.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var raw in tokens)
        {
            var token = LineSuffix().Replace(raw.Trim('"', '\'', '(', ')', ',', ';', '`'), "").TrimEnd(':', '.');
            token = token.StartsWith("./", StringComparison.Ordinal) ? token[2..] : token;
            if (token.Length == 0 || token.IndexOfAny(['<', '>', '{', '}', '*', '…', '$', '|', '=', '?', '[', ']']) >= 0 || token.Contains("://", StringComparison.Ordinal)
                || token.StartsWith('/') || token.StartsWith('-') || token.Contains("node_modules", StringComparison.Ordinal)
                || Generated.Any(g => token.StartsWith(g, StringComparison.Ordinal) || token == g.TrimEnd('/')))
            {
                continue;
            }
            var fromRoot = RootFolders.Any(f => token.StartsWith(f, StringComparison.Ordinal));
            var isFileName = wholeSpan && tokens.Length == 1 && FileTypes.Contains(Path.GetExtension(token).TrimStart('.'));
            if (fromRoot)
            {
                var full = Path.Combine(root, token);
                if (!File.Exists(full) && !Directory.Exists(full))
                {
                    report($"`{token}`", "no such file or folder");
                }
            }
            else if (isFileName && !File.Exists(Path.Combine(root, token)) && !files.Any(f => f.EndsWith("/" + token, StringComparison.Ordinal)))
            {
                report($"`{token}`", "no file of that name in the repository");
            }
        }
    }

    /// <summary>The anchors GitHub gives a page's headings (lower case, punctuation dropped, spaces to hyphens, repeats numbered) and its explicit <c>id</c>s.</summary>
    public static HashSet<string> Anchors(IEnumerable<string> lines)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var fenced = false;
        foreach (var line in lines)
        {
            if (FenceLine().IsMatch(line))
            {
                fenced = !fenced;
                continue;
            }
            if (fenced)
            {
                continue;
            }
            foreach (Match id in HtmlId().Matches(line))
            {
                anchors.Add(id.Groups[1].Value);
            }
            if (Heading().Match(line) is not { Success: true } heading)
            {
                continue;
            }
            var text = Link().Replace(heading.Groups[1].Value.Trim(), m => m.Value[1..m.Value.IndexOf(']', StringComparison.Ordinal)]);
            var slug = new StringBuilder();
            foreach (var c in text.ToLowerInvariant())
            {
                if (char.IsLetterOrDigit(c) || c is '-' or '_')
                {
                    slug.Append(c);
                }
                else if (c == ' ')
                {
                    slug.Append('-');
                }
            }
            var anchor = slug.ToString();
            for (var n = 1; !anchors.Add(anchor); n++)
            {
                anchor = $"{slug}-{n}";
            }
        }
        return anchors;
    }

    private static List<string> RepositoryFiles(string root)
    {
        var found = new List<string>();
        var pending = new Stack<string>([root]);
        while (pending.TryPop(out var dir))
        {
            found.AddRange(Directory.EnumerateFiles(dir).Select(f => Relative(root, f)));
            foreach (var sub in Directory.EnumerateDirectories(dir).Where(d => !SkippedFolders.Contains(Path.GetFileName(d))))
            {
                pending.Push(sub);
            }
        }
        return found;
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    [GeneratedRegex(@"^\s*(```|~~~)")]
    private static partial Regex FenceLine();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"!?\[[^\]]*\]\(([^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    /// <summary>A repository path (top-level folder first) or a markdown page name in running text.</summary>
    [GeneratedRegex(@"(?<![\w./@-])(?:(?:src|tests|scripts|docs|bench|web)/[\w./-]*[\w/]|[\w-]+\.md\b)")]
    private static partial Regex ProsePath();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex Scheme();

    [GeneratedRegex(@":\d+(-\d+)?$")]
    private static partial Regex LineSuffix();

    [GeneratedRegex(@"^#{1,6}\s+(.+?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"<a\s+(?:id|name)=""([^""]+)""")]
    private static partial Regex HtmlId();
}
