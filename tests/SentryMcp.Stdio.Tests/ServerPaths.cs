using System.Diagnostics;

namespace SentryMcp.Stdio.Tests;

/// <summary>
/// The stdio server under test: the JIT build copied next to the tests by the project reference
/// (run as <c>dotnet sentry-mcp.dll</c>), or, when <c>SENTRY_MCP_STDIO_BINARY</c> names one, that
/// executable (the Native AOT binary from scripts/publish-aot.sh), so the same tests check both.
/// </summary>
internal static class ServerPaths
{
    public const string BinaryVariable = "SENTRY_MCP_STDIO_BINARY";

    /// <summary>The JIT build of the stdio server, copied next to the tests by the project reference.</summary>
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "sentry-mcp.dll");

    /// <summary>The native binary under test, or null for the JIT build.</summary>
    public static string? Binary { get; } = Environment.GetEnvironmentVariable(BinaryVariable) is { Length: > 0 } path
        ? File.Exists(path) ? Path.GetFullPath(path) : throw new FileNotFoundException($"{BinaryVariable} names no file.", path)
        : null;

    /// <summary>What to start: the binary itself, or <c>dotnet</c>.</summary>
    public static string Command => Binary ?? "dotnet";

    /// <summary>Arguments before the server's own: none for the binary, the dll for <c>dotnet</c>.</summary>
    public static IReadOnlyList<string> Prefix => Binary is null ? [Dll] : [];

    /// <summary>A process start for the server with <paramref name="args"/>, output and input redirected.</summary>
    public static ProcessStartInfo Start(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(Command) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var arg in Prefix.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }
        return start;
    }
}
