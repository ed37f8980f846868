using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SentryMcp.HttpBench;

/// <summary>A .NET app started by the benchmark (sandbox, host, floor), its output in a log file.</summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ChildProcess(string name, Process process, Uri url, string log) => (Name, _process, Url, Log) = (name, process, url, log);

    public string Name { get; }
    public Uri Url { get; }
    public string Log { get; }
    public int Pid => _process.Id;

    /// <summary>
    /// Starts <c>dotnet app.dll --urls …</c> on a free loopback port. Through <c>sh -c exec</c> so the
    /// output goes straight to a file (nothing in this process spends CPU on it) and the pid is the app's.
    /// </summary>
    public static async Task<ChildProcess> StartAsync(string name, string dll, IReadOnlyDictionary<string, string> environment, string workDir, CancellationToken ct)
    {
        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        var log = Path.Combine(workDir, name + ".log");
        var info = new ProcessStartInfo("/bin/sh", ["-c", $"exec \"$0\" \"$1\" --urls \"$2\" > \"$3\" 2>&1", DotnetHost(), dll, url.ToString(), log])
        {
            WorkingDirectory = workDir,
            UseShellExecute = false,
        };
        // Nothing from this shell may point a child at a real Sentry or another database.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("SENTRY_", StringComparison.Ordinal) || k.StartsWith("ConnectionStrings", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }
        foreach (var (k, v) in environment)
        {
            info.Environment[k] = v;
        }
        var child = new ChildProcess(name, Process.Start(info)!, url, log);
        await child.WaitHealthyAsync(ct);
        return child;
    }

    private async Task WaitHealthyAsync(CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                break;
            }
            try
            {
                using var response = await http.GetAsync(new Uri(Url, "healthz"), ct);
                // Any answer below 500 means it listens (the sandbox has no /healthz and answers 404 there).
                if ((int)response.StatusCode < 500)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }
            await Task.Delay(200, ct);
        }
        throw new InvalidOperationException($"{Name} did not become healthy. Its log ({Log}):\n{Tail()}");
    }

    public string Tail() => File.Exists(Log) ? string.Join("\n", File.ReadLines(Log).TakeLast(20)) : "";

    /// <summary>VmRSS in kB.</summary>
    public long RssKb()
    {
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
        }
        throw new InvalidOperationException($"{Name} has no VmRSS.");
    }

    /// <summary>User + system CPU time used so far (clock ticks of 10 ms).</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
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
