using System.Diagnostics;

namespace SentryMcp.Server.Hosting;

/// <summary>
/// <c>SENTRY_MCP_STARTUP_TRACE=1</c>: one stderr line per start-up step with the milliseconds since the
/// process started and the CPU time used so far (on a loaded machine the CPU time is the steadier
/// figure). This is how the web host's start-up was profiled (docs/benchmarks.md); off, each mark is
/// one static bool test.
/// </summary>
public static class StartupTrace
{
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

    private static readonly HashSet<string> Marked = [];

    public static void Mark(string step)
    {
        if (Enabled)
        {
            using var process = Process.GetCurrentProcess();
            var sinceStart = DateTime.Now - process.StartTime;
            Console.Error.WriteLine($"startup-trace {sinceStart.TotalMilliseconds,8:F1} ms  cpu {process.TotalProcessorTime.TotalMilliseconds,7:F0} ms  {step}");
        }
    }

    /// <summary>With the trace on, marks the first request reaching this point of the pipeline; off, adds nothing.</summary>
    public static void UseStartupTraceMark(this IApplicationBuilder app, string step)
    {
        if (Enabled)
        {
            app.Use((http, next) =>
            {
                MarkOnce(step);
                return next(http);
            });
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
