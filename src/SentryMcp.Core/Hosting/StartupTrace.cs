using System.Diagnostics;

namespace SentryMcp.Core.Hosting;

/// <summary>
/// <c>SENTRY_MCP_STARTUP_TRACE=1</c>: one stderr line per start-up step of either program, with the
/// milliseconds since the process started, the CPU time used so far (on a loaded machine the steadier
/// figure), the methods the JIT compiled so far and its time (what ReadyToRun did not cover) and the
/// Unix time in microseconds (a launcher that notes its spawn time can line it up).
/// This is how the stdio cold start and the web host's start-up were profiled (docs/benchmarks.md);
/// off, each mark is one static bool test.
/// </summary>
public static class StartupTrace
{
    private static readonly HashSet<string> Marked = [];

    public static bool Enabled { get; } = Environment.GetEnvironmentVariable("SENTRY_MCP_STARTUP_TRACE") is "1" or "true" or "assemblies";

    /// <summary>
    /// <c>SENTRY_MCP_STARTUP_TRACE=assemblies</c> also prints each assembly as it loads, with the stack
    /// that loaded it: how the host was kept from loading providers it does not use (RSS at rest is
    /// mostly mapped code).
    /// </summary>
    public static void TraceAssemblyLoads()
    {
        if (Environment.GetEnvironmentVariable("SENTRY_MCP_STARTUP_TRACE") is "assemblies")
        {
            AppDomain.CurrentDomain.AssemblyLoad += (_, e) => Console.Error.WriteLine(
                $"startup-trace assembly {e.LoadedAssembly.GetName().Name}\n{new StackTrace(1, fNeedFileInfo: false)}");
        }
    }

    public static void Mark(string step)
    {
        if (Enabled)
        {
            using var process = Process.GetCurrentProcess();
            var sinceStart = DateTime.Now - process.StartTime;
            var unixMicros = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks / 10;
            Console.Error.WriteLine(
                $"startup-trace {sinceStart.TotalMilliseconds,8:F1} ms  cpu {process.TotalProcessorTime.TotalMilliseconds,7:F0} ms  jit {System.Runtime.JitInfo.GetCompiledMethodCount(),5} methods {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds,5:F0} ms  unix-us={unixMicros}  {step}");
        }
    }

    /// <summary>Marks a step that happens on every request the first time only (the first readiness probe).</summary>
    public static void MarkOnce(string step)
    {
        if (!Enabled)
        {
            return;
        }
        lock (Marked)
        {
            if (!Marked.Add(step))
            {
                return;
            }
        }
        Mark(step);
    }
}
