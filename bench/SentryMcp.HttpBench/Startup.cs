using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SentryMcp.HttpBench;

/// <summary>
/// One start of the host as a newcomer runs it: embedded defaults (SQLite, built-in sandbox).
/// <paramref name="CpuMs"/> is the host's user + system CPU time at the first 200: on a loaded machine
/// it moves far less than the wall-clock time, so it is what compares two builds run back to back.
/// </summary>
public sealed record StartupSample(double ReadyMs, double CpuMs, long RssRestKb);

/// <summary>
/// Start-up to ready and memory at rest: spawns the published host with no Sentry host configured (so
/// it starts its built-in sandbox) and a fresh SQLite file, and times spawn → the first <c>/readyz</c>
/// 200. Then 2 s idle and VmRSS. Each sample is a new process and a new database, as a first run is.
/// </summary>
public static class Startup
{
    public static async Task<IReadOnlyList<StartupSample>> MeasureAsync(string serverDll, int count, IReadOnlyDictionary<string, string> hostEnvironment,
        string workDir, Action<string> log, CancellationToken ct)
    {
        var samples = new List<StartupSample>();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var i = 0; i < count; i++)
        {
            var dir = Directory.CreateDirectory(Path.Combine(workDir, $"startup-{i}")).FullName;
            var url = new Uri($"http://127.0.0.1:{FreePort()}");
            var info = new ProcessStartInfo("/bin/sh", ["-c", "exec \"$0\" \"$1\" --urls \"$2\" > \"$3\" 2>&1", DotnetHost(), serverDll, url.ToString(), Path.Combine(dir, "host.log")])
            {
                WorkingDirectory = dir,
                UseShellExecute = false,
            };
            foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("SENTRY_", StringComparison.Ordinal) || k.StartsWith("ConnectionStrings", StringComparison.Ordinal)
                || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k is "DATABASE_URL" || k.StartsWith("OTEL_", StringComparison.Ordinal)).ToList())
            {
                info.Environment.Remove(key);
            }
            info.Environment["ConnectionStrings__Database"] = $"Data Source={Path.Combine(dir, "startup.db")}";
            foreach (var (k, v) in hostEnvironment)
            {
                info.Environment[k] = v;
            }
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(info)!;
            try
            {
                double? readyMs = null;
                var cpuMs = 0.0;
                while (readyMs is null && clock.Elapsed < TimeSpan.FromSeconds(120) && !process.HasExited)
                {
                    try
                    {
                        using var response = await http.GetAsync(new Uri(url, "readyz"), ct);
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            readyMs = clock.Elapsed.TotalMilliseconds;
                            cpuMs = CpuMs(process.Id);
                            break;
                        }
                    }
                    catch (HttpRequestException)
                    {
                    }
                    catch (TaskCanceledException) when (!ct.IsCancellationRequested)
                    {
                    }
                    // A short poll: the figure's resolution is this interval.
                    await Task.Delay(10, ct);
                }
                if (readyMs is null)
                {
                    throw new InvalidOperationException($"The host did not become ready. Its log:\n{string.Join("\n", File.ReadLines(Path.Combine(dir, "host.log")).TakeLast(20))}");
                }
                await Task.Delay(2000, ct);
                var rss = RssKb(process.Id);
                samples.Add(new StartupSample(readyMs.Value, cpuMs, rss));
                log(FormattableString.Invariant($"start-up {i + 1}/{count}: ready after {readyMs.Value:0} ms ({cpuMs:0} ms CPU), {rss / 1024.0:0.0} MiB at rest"));
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill();
                    await process.WaitForExitAsync(CancellationToken.None);
                }
            }
        }
        return samples;
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static long RssKb(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
        }
        throw new InvalidOperationException($"Process {pid} has no VmRSS.");
    }

    /// <summary>User + system CPU time of the process so far (clock ticks of 10 ms).</summary>
    private static double CpuMs(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
}
