using System.Globalization;

namespace SentryMcp.HttpBench;

public sealed record HttpBenchOptions
{
    public required string ServerDll { get; init; }
    public required string FloorDll { get; init; }
    public required string SandboxDll { get; init; }
    public int Calls { get; init; } = 10_000;
    public int Warmup { get; init; } = 2_000;
    public int Concurrency { get; init; } = 32;
    public int SseSessions { get; init; } = 1_000;
    public int Repeats { get; init; } = 2;
    public string McpMethod { get; init; } = "whoami";
    public string? Output { get; init; }
    public TimeSpan Budget { get; init; } = TimeSpan.FromMinutes(5);
    public IReadOnlyDictionary<string, string> HostEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>Starts of the host with its embedded defaults, timed to the first /readyz 200 (0 skips them).</summary>
    public int Startups { get; init; } = 5;

    /// <summary>Only the start-up samples, no load (for comparing publish settings quickly).</summary>
    public bool StartupOnly { get; init; }

    public const string Usage = """
        Usage: SentryMcp.HttpBench --server-dll=<SentryMcp.Server.dll> --floor-dll=<SentryMcp.Floor.dll> --sandbox-dll=<SentryMcp.Sandbox.dll>
                                   [--calls=10000] [--warmup=2000] [--concurrency=32] [--sse-sessions=1000] [--repeats=2]
                                   [--mcp-method=whoami|ping (ping: the MCP pipeline alone, no tool, no sandbox request)]
                                   [--output=<file.md>] [--budget-seconds=300] [--host-env=K=V ...]
                                   [--startups=5 (starts with embedded defaults, timed to the first /readyz 200)] [--startup-only=true]
        """;

    public static HttpBenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        var hostEnv = new Dictionary<string, string>();
        foreach (var arg in args)
        {
            var split = arg.IndexOf('=');
            if (!arg.StartsWith("--", StringComparison.Ordinal) || split < 0)
            {
                throw new ArgumentException($"Unexpected argument '{arg}'.\n{Usage}");
            }
            var (name, value) = (arg[2..split], arg[(split + 1)..]);
            if (name == "host-env")
            {
                var eq = value.IndexOf('=');
                if (eq <= 0)
                {
                    throw new ArgumentException($"--host-env '{value}' must look like NAME=value.");
                }
                hostEnv[value[..eq]] = value[(eq + 1)..];
            }
            else
            {
                values[name] = value;
            }
        }
        var startupOnly = values.GetValueOrDefault("startup-only") is "true" or "1";
        string Required(string name) => values.TryGetValue(name, out var v) && v.Length > 0 ? Path.GetFullPath(v) : throw new ArgumentException($"--{name} is required.\n{Usage}");
        string RequiredForLoad(string name) => startupOnly && !values.ContainsKey(name) ? "" : Required(name);
        int Number(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new HttpBenchOptions
        {
            ServerDll = Required("server-dll"),
            FloorDll = RequiredForLoad("floor-dll"),
            SandboxDll = RequiredForLoad("sandbox-dll"),
            Calls = Number("calls", 10_000),
            Warmup = Number("warmup", 2_000),
            Concurrency = Number("concurrency", 32),
            SseSessions = Number("sse-sessions", 1_000),
            Repeats = Math.Max(1, Number("repeats", 2)),
            McpMethod = values.GetValueOrDefault("mcp-method", "whoami") is "ping" ? "ping" : "whoami",
            Output = values.GetValueOrDefault("output"),
            Budget = TimeSpan.FromSeconds(Number("budget-seconds", 300)),
            HostEnvironment = hostEnv,
            Startups = Math.Max(startupOnly ? 1 : 0, Number("startups", 5)),
            StartupOnly = startupOnly,
        };
    }
}
