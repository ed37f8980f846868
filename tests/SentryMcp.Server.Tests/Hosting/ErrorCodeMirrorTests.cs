using System.Reflection;
using System.Text.RegularExpressions;
using SentryMcp.Server.Http;

namespace SentryMcp.Server.Tests.Hosting;

/// <summary>The web UI switches on ProblemDetails codes: its union type must list exactly the server's codes.</summary>
public sealed partial class ErrorCodeMirrorTests
{
    [Fact]
    public void The_web_UI_error_code_union_lists_exactly_the_server_error_codes()
    {
        var server = typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal).ToList();
        var source = File.ReadAllText(Path.Combine(RepoRoot(), "web", "src", "lib", "error-codes.ts"));
        var list = ListLiteral().Match(source);
        Assert.True(list.Success, "web/src/lib/error-codes.ts has no ERROR_CODES = [ ... ] as const list.");
        var web = QuotedCode().Matches(list.Groups[1].Value).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(server);
        Assert.Equal(server.Count, server.Distinct().Count());
        Assert.Equal(server, web);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SentryMcp.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("SentryMcp.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"ERROR_CODES\s*=\s*\[(.*?)\]\s*as const", RegexOptions.Singleline)]
    private static partial Regex ListLiteral();

    [GeneratedRegex("\"([A-Z_]+)\"")]
    private static partial Regex QuotedCode();
}
