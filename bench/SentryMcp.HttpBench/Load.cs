using System.Diagnostics;

namespace SentryMcp.HttpBench;

public sealed record LoadResult(string Target, int Calls, TimeSpan Wall, double[] LatenciesMs, int Errors, string? FirstError, TimeSpan TargetCpu, TimeSpan SandboxCpu)
{
    public double Throughput => Calls / Wall.TotalSeconds;
    public double P50 => Percentile(0.50);
    public double P99 => Percentile(0.99);
    public double CpuMsPerCall => TargetCpu.TotalMilliseconds / Calls;

    private double Percentile(double p)
    {
        var sorted = LatenciesMs.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}

/// <summary>A fixed count of requests from N concurrent clients, each waiting for its answer before the next.</summary>
public static class Load
{
    public static async Task<LoadResult> RunAsync(string target, HttpClient http, Func<HttpRequestMessage> request, Func<HttpResponseMessage, byte[], string?> check,
        int calls, int concurrency, ChildProcess server, ChildProcess sandbox, CancellationToken ct)
    {
        var latencies = new double[calls];
        var next = -1;
        var errors = 0;
        string? firstError = null;
        var (cpu0, sandboxCpu0) = (server.CpuTime(), sandbox.CpuTime());
        var wall = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < calls)
            {
                var start = Stopwatch.GetTimestamp();
                string? error;
                try
                {
                    using var message = request();
                    using var response = await http.SendAsync(message, ct);
                    var body = await response.Content.ReadAsByteArrayAsync(ct);
                    error = check(response, body);
                }
                catch (HttpRequestException e)
                {
                    error = e.Message;
                }
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (error is not null && Interlocked.Increment(ref errors) == 1)
                {
                    firstError = error;
                }
            }
        }, ct)).ToArray();
        await Task.WhenAll(workers);
        wall.Stop();
        return new LoadResult(target, calls, wall.Elapsed, latencies, errors, firstError, server.CpuTime() - cpu0, sandbox.CpuTime() - sandboxCpu0);
    }
}
