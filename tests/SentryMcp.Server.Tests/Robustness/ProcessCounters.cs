using System.Diagnostics;
using SentryMcp.TestDoubles;

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

    /// <summary>
    /// Threads and sockets once both are fewer than <paramref name="margin"/> above <paramref name="before"/>:
    /// the connections and timers of the last calls close in their own time, so the counts are polled
    /// (with the usual generous deadline) rather than read after a fixed pause. Fails with both counts
    /// when they stay above.
    /// </summary>
    public static async Task<(int Threads, int Sockets)> SettledThreadsAndSocketsAsync((int Threads, int Sockets) before, int margin)
    {
        var now = ThreadsAndSockets();
        await Eventually.UntilAsync(() =>
        {
            now = ThreadsAndSockets();
            return now.Threads - before.Threads < margin && now.Sockets - before.Sockets < margin;
        }, describe: () => $"threads grew from {before.Threads} to {now.Threads}, sockets from {before.Sockets} to {now.Sockets} (margin {margin})");
        return now;
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
