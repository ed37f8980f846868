using System.Diagnostics;

namespace SentryMcp.Server.Tests.Robustness;

/// <summary>Resource counts of this process (the host runs in-process in these tests).</summary>
internal static class ProcessCounters
{
    /// <summary>Live managed heap after a full, compacting collection: what a leak would grow.</summary>
    public static long HeapMbAfterFullCollection()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true) / (1024 * 1024);
    }

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

    public static (int Threads, int Sockets) ThreadsAndSockets()
    {
        var (_, threads, sockets) = Read();
        return (threads, sockets);
    }
}

/// <summary>
/// Tests that judge process-wide counts (threads, sockets, heap) run alone, after the parallel
/// tests: other test classes' hosts would otherwise be counted too.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ResourceMeasurements
{
    public const string Name = "Resource measurements";
}
