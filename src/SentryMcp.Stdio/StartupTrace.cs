using System.Diagnostics;

namespace SentryMcp.Stdio;

/// <summary>
/// <c>SENTRY_MCP_STARTUP_TRACE=1</c>: one stderr line per start-up step, with the milliseconds since
/// <c>Main</c> and the Unix time in microseconds (a launcher that notes its spawn time sees the
/// runtime's own start before <c>Main</c> too). This is how the cold start was profiled
/// (docs/benchmarks.md); off, each mark is one static bool test.
/// </summary>
internal static class StartupTrace
{
    private static readonly long Origin = Stopwatch.GetTimestamp();

    public static bool Enabled { get; } = Environment.GetEnvironmentVariable("SENTRY_MCP_STARTUP_TRACE") is "1" or "true";

    public static void Mark(string step)
    {
        if (Enabled)
        {
            var unixMicros = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks / 10;
            Console.Error.WriteLine($"startup-trace {Stopwatch.GetElapsedTime(Origin).TotalMilliseconds,8:F1} ms  unix-us={unixMicros}  {step}");
        }
    }
}
