using System.Globalization;

namespace SentryMcp.Sandbox;

/// <summary>Sentry's profiling JSON shapes, computed from the demo stacks.</summary>
public static class ProfileJson
{
    private const double NsPerMs = 1_000_000;

    /// <summary>
    /// The aggregate flamegraph: distinct stacks with their sample counts and durations, and per frame
    /// how often it was on the stack, its total and self time and p75/p95/p99 of its time per profile.
    /// </summary>
    public static object Flamegraph(SandboxProject project, string? transaction, List<SandboxProfile> profiles)
    {
        var frames = DemoData.BackendFrames;
        var stacks = profiles.SelectMany(p => p.Stacks).GroupBy(s => string.Join(',', s.Frames))
            .Select(g => (Frames: g.First().Frames, Ms: g.Sum(s => s.Ms))).OrderByDescending(s => s.Ms).ToList();
        var frameInfos = frames.Select((_, index) =>
        {
            var containing = profiles.SelectMany(p => p.Stacks).Where(s => s.Frames.Contains(index)).ToList();
            var perProfile = profiles.Select(p => p.Stacks.Where(s => s.Frames.Contains(index)).Sum(s => s.Ms)).Where(ms => ms > 0).Order().ToList();
            return new
            {
                count = containing.Sum(Samples),
                weight = containing.Sum(Samples),
                sumDuration = (long)(containing.Sum(s => s.Ms) * NsPerMs),
                sumSelfTime = (long)(containing.Where(s => s.Frames[^1] == index).Sum(s => s.Ms) * NsPerMs),
                p75Duration = (long)(Percentile(perProfile, 0.75) * NsPerMs),
                p95Duration = (long)(Percentile(perProfile, 0.95) * NsPerMs),
                p99Duration = (long)(Percentile(perProfile, 0.99) * NsPerMs),
            };
        }).ToList();
        return new
        {
            activeProfileIndex = 0,
            platform = project.Platform?.Split('-')[0] ?? "python",
            projectID = long.Parse(project.Id, CultureInfo.InvariantCulture),
            transactionName = transaction ?? "",
            profiles = stacks.Count == 0 ? [] : new[]
            {
                new
                {
                    endValue = stacks.Sum(s => Samples(s.Ms)),
                    isMainThread = true,
                    name = "main",
                    samples = stacks.Select(s => s.Frames).ToList(),
                    sample_counts = stacks.Select(s => Samples(s.Ms)).ToList(),
                    sample_durations_ns = stacks.Select(s => (long)(s.Ms * NsPerMs)).ToList(),
                    weights = stacks.Select(s => Samples(s.Ms)).ToList(),
                    startValue = 0,
                    threadID = 1,
                    type = "sampled",
                    unit = "nanoseconds",
                },
            },
            shared = new
            {
                frames = frames.Select((f, i) => new { file = f.File, name = f.Function, line = f.Line, is_application = f.InApp, fingerprint = 4000 + i, module = f.Module }).ToList(),
                frame_infos = frameInfos,
                profiles = profiles.Select(p => new
                {
                    project_id = long.Parse(project.Id, CultureInfo.InvariantCulture),
                    profile_id = p.ProfileId,
                    start = p.Start.ToUnixTimeMilliseconds(),
                    end = p.Start.AddMilliseconds(p.DurationMs).ToUnixTimeMilliseconds(),
                }).ToList(),
            },
        };
    }

    /// <summary>A transaction profile in sample format v1 (stacks list frame indices leaf first).</summary>
    public static object TransactionProfile(SandboxProfile profile) => new
    {
        event_id = profile.ProfileId,
        profile_id = profile.ProfileId,
        platform = "python",
        environment = "production",
        release = new { version = profile.Release },
        version = "1",
        timestamp = profile.Start,
        profile = Samples(DemoData.BackendFrames, profile.Stacks, "python", "MainThread"),
        transaction = new
        {
            name = profile.Transaction,
            trace_id = profile.TraceId,
            id = profile.TransactionId,
            active_thread_id = 1,
            relative_start_ns = 0,
            relative_end_ns = (long)(profile.DurationMs * NsPerMs),
        },
        device = new { model = "c6i.xlarge", classification = "", arch = "x86_64" },
        os = new { name = "Linux", version = "6.1.0" },
        runtime = new { name = "CPython", version = "3.12.7" },
        client_sdk = new { name = "sentry.python.django", version = "2.19.0" },
    };

    public static object Chunk(SandboxProfileChunk chunk) => new
    {
        chunk_id = chunk.ChunkId,
        profiler_id = chunk.ProfilerId,
        event_id = chunk.ChunkId,
        environment = "production",
        platform = "csharp",
        release = chunk.Release,
        version = "2",
        profile = Samples(DemoData.PaymentsFrames, chunk.Stacks, "csharp", "Main Thread", chunk.Start),
        client_sdk = new { name = "sentry.dotnet.aspnetcore", version = "5.0.0" },
    };

    private static object Samples(IReadOnlyList<SandboxFrame> frames, List<SandboxStack> stacks, string platform, string threadName, DateTimeOffset? start = null)
    {
        var samples = new List<object>();
        var elapsedMs = 0.0;
        for (var stackId = 0; stackId < stacks.Count; stackId++)
        {
            for (var i = 0; i < Samples(stacks[stackId].Ms); i++, elapsedMs += DemoData.SampleIntervalMs)
            {
                // Continuous chunks carry absolute timestamps (seconds); transaction profiles an offset.
                samples.Add(start is { } s
                    ? new { stack_id = stackId, thread_id = "1", timestamp = (s.ToUnixTimeMilliseconds() + elapsedMs) / 1000.0 }
                    : (object)new { stack_id = stackId, thread_id = "1", elapsed_since_start_ns = (long)(elapsedMs * NsPerMs) });
            }
        }
        return new
        {
            frames = frames.Select(f => new { function = f.Function, filename = f.File.Length == 0 ? null : f.File, module = f.Module, lineno = f.Line == 0 ? (int?)null : f.Line, in_app = f.InApp, platform }).ToList(),
            samples,
            stacks = stacks.Select(s => s.Frames.Reverse().ToArray()).ToList(),
            thread_metadata = new Dictionary<string, object> { ["1"] = new { name = threadName } },
        };
    }

    private static int Samples(SandboxStack stack) => Samples(stack.Ms);

    private static int Samples(double ms) => Math.Max(1, (int)Math.Round(ms / DemoData.SampleIntervalMs));

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
