namespace SentryMcp.Stdio.Tests;

internal static class ServerPaths
{
    /// <summary>The JIT build of the stdio server, copied next to the tests by the project reference.</summary>
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "sentry-mcp.dll");
}
