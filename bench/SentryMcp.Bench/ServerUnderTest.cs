using ModelContextProtocol.Client;

namespace SentryMcp.Bench;

/// <summary>How to launch one of the two servers against the sandbox.</summary>
public sealed record ServerUnderTest(string Label, string Command, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string?> Environment)
{
    public const string OursLabel = "ours";
    public const string OfficialLabel = "official";

    /// <summary>Variables a child may never see: telemetry DSNs and LLM keys would make a server reach the internet.</summary>
    public static readonly string[] ForbiddenVariables =
    [
        "SENTRY_DSN", "DEFAULT_SENTRY_DSN", "OPENAI_API_KEY", "ANTHROPIC_API_KEY", "OPENROUTER_API_KEY",
        "OPENAI_BASE_URL", "SENTRY_URL", "SENTRY_HOST", "MCP_URL",
    ];

    // An empty working directory, so that no .env or config file lying around can change either server.
    private static readonly string WorkingDirectory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "sentry-mcp-bench-cwd")).FullName;

    public static ServerUnderTest Ours(BenchOptions options, Uri sandbox)
    {
        var environment = BaseEnvironment();
        environment["DOTNET_ROOT"] = DotnetRoot();
        // Docs tools are outside the plan; this keeps even an accidental docs call on loopback.
        environment["SENTRY_DOCS_URL"] = sandbox.ToString().TrimEnd('/');
        foreach (var (k, v) in options.OursEnvironment)
        {
            environment[k] = v;
        }
        var common = new[] { $"--access-token={Sandbox.SandboxOptions.DefaultToken}", $"--host={sandbox.Authority}", "--insecure-http" };
        return options.Ours.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? new ServerUnderTest(OursLabel, Path.Combine(DotnetRoot(), "dotnet"), [options.Ours, .. common], environment)
            : new ServerUnderTest(OursLabel, options.Ours, common, environment);
    }

    public static ServerUnderTest Official(BenchOptions options, Uri sandbox)
    {
        var environment = BaseEnvironment();
        foreach (var (k, v) in options.OfficialEnvironment)
        {
            environment[k] = v;
        }
        return new ServerUnderTest(OfficialLabel, options.OfficialNode,
        [
            options.OfficialEntry,
            $"--access-token={Sandbox.SandboxOptions.DefaultToken}",
            $"--host={sandbox.Authority}",
            "--insecure-http",
            // An empty DSN turns the server's own Sentry telemetry off.
            "--sentry-dsn=",
        ], environment);
    }

    public StdioClientTransport CreateTransport(Action<string> standardError) => new(new StdioClientTransportOptions
    {
        Name = Label,
        Command = Command,
        Arguments = [.. Arguments],
        WorkingDirectory = WorkingDirectory,
        InheritEnvironmentVariables = false,
        EnvironmentVariables = new Dictionary<string, string?>(Environment),
        StandardErrorLines = standardError,
        ShutdownTimeout = TimeSpan.FromSeconds(2),
    });

    private static Dictionary<string, string?> BaseEnvironment() => new()
    {
        ["PATH"] = System.Environment.GetEnvironmentVariable("PATH"),
        ["HOME"] = System.Environment.GetEnvironmentVariable("HOME"),
        ["TMPDIR"] = Path.GetTempPath(),
        ["LANG"] = "C.UTF-8",
    };

    /// <summary>The install root of the runtime this harness runs on (…/shared/Microsoft.NETCore.App/&lt;version&gt;/ is three levels down).</summary>
    private static string DotnetRoot() =>
        Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
}
