using System.Diagnostics;

namespace SentryMcp.Server.Tests.Robustness;

/// <summary>Resource counts of this process (the host runs in-process in these tests).</summary>
internal static class ProcessCounters
{
    public static (long RssMb, int Threads, int Sockets) Read()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var sockets = Directory.EnumerateFiles("/proc/self/fd").Count(fd =>
        {
            try
            {
                return new FileInfo(fd).LinkTarget?.StartsWith("socket:", StringComparison.Ordinal) == true;
            }
            catch (IOException)
            {
                return false;
            }
        });
        return (process.WorkingSet64 / (1024 * 1024), process.Threads.Count, sockets);
    }
}
