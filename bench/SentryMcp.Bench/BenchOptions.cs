namespace SentryMcp.Bench;

/// <summary>Command-line settings of one benchmark run.</summary>
public sealed record BenchOptions
{
    public required string Ours { get; init; }
    public required string OfficialNode { get; init; }
    public required string OfficialEntry { get; init; }
    public int Calls { get; init; } = 1000;
    public int ColdStarts { get; init; } = 10;
    public int WarmupRounds { get; init; } = 5;
    public string? Output { get; init; }
    public TimeSpan Budget { get; init; } = TimeSpan.FromMinutes(8);
    public IReadOnlyDictionary<string, string> OursEnvironment { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> OfficialEnvironment { get; init; } = new Dictionary<string, string>();

    public const string Usage = """
        Usage: SentryMcp.Bench --ours=<sentry-mcp executable or .dll> --official-node=<node 22 binary>
                               --official-entry=<@sentry/mcp-server dist/index.js>
                               [--calls=1000] [--cold-starts=10] [--warmup-rounds=5] [--output=<file.md>]
                               [--budget-seconds=480] [--ours-env=K=V ...] [--official-env=K=V ...]
        """;

    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        var oursEnv = new Dictionary<string, string>();
        var officialEnv = new Dictionary<string, string>();
        foreach (var arg in args)
        {
            var split = arg.IndexOf('=');
            if (!arg.StartsWith("--", StringComparison.Ordinal) || split < 0)
            {
                throw new ArgumentException($"Unexpected argument '{arg}'.\n{Usage}");
            }
            var (name, value) = (arg[2..split], arg[(split + 1)..]);
            switch (name)
            {
                case "ours-env": AddEnvironment(oursEnv, value); break;
                case "official-env": AddEnvironment(officialEnv, value); break;
                default: values[name] = value; break;
            }
        }

        string Required(string name) => values.TryGetValue(name, out var v) && v.Length > 0
            ? v
            : throw new ArgumentException($"--{name} is required.\n{Usage}");
        int Number(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;

        return new BenchOptions
        {
            Ours = Path.GetFullPath(Required("ours")),
            OfficialNode = Path.GetFullPath(Required("official-node")),
            OfficialEntry = Path.GetFullPath(Required("official-entry")),
            Calls = Number("calls", 1000),
            ColdStarts = Number("cold-starts", 10),
            WarmupRounds = Number("warmup-rounds", 5),
            Output = values.GetValueOrDefault("output"),
            Budget = TimeSpan.FromSeconds(Number("budget-seconds", 480)),
            OursEnvironment = oursEnv,
            OfficialEnvironment = officialEnv,
        };
    }

    private static void AddEnvironment(Dictionary<string, string> target, string pair)
    {
        var split = pair.IndexOf('=');
        if (split <= 0)
        {
            throw new ArgumentException($"Environment setting '{pair}' must look like NAME=value.");
        }
        target[pair[..split]] = pair[(split + 1)..];
    }
}
