using System.Diagnostics;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SentryMcp.Sandbox;

namespace SentryMcp.Stdio.Tests;

/// <summary>
/// The .NET tool as users get it: packed into a local folder feed, then run with the README's commands.
/// A temp home (CLI home, NuGet caches, global tools) and a nuget.config that clears every other
/// source keep the user's own state untouched and the network out.
/// </summary>
public sealed class PackagedToolTests : IClassFixture<PackagedToolTests.Feed>
{
    private readonly Feed _feed;

    public PackagedToolTests(Feed feed) => _feed = feed;

    [Fact]
    public async Task Dotnet_tool_execute_runs_the_packed_tool_and_reports_the_package_version()
    {
        var (exitCode, stdout, stderr) = await _feed.RunAsync("dotnet", "tool", "execute", "SentryMcp", "--yes", "--", "--version");

        Assert.True(exitCode == 0, stderr);
        Assert.Equal(_feed.Version, stdout.Trim());
    }

    [Fact]
    public async Task Dotnet_tool_execute_configured_as_in_the_client_snippets_serves_initialize_and_tools_list_over_stdio()
    {
        var (sandbox, baseUri) = await SandboxApp.StartAsync();
        await using var _ = sandbox;

        // The home page's JSON: command and args only, the token (here also the sandbox's host) in env.
        await using var client = await _feed.ConnectAsync("dotnet", ["tool", "execute", "SentryMcp", "--yes"], new()
        {
            ["SENTRY_ACCESS_TOKEN"] = SandboxOptions.DefaultToken,
            ["SENTRY_HOST"] = baseUri.Authority,
            ["SENTRY_INSECURE_HTTP"] = "true",
        });
        var tools = await client.ListToolsAsync();
        var whoami = await client.CallToolAsync("whoami");

        Assert.Equal("sentry-mcp", client.ServerInfo?.Name);
        Assert.Equal(_feed.Version, client.ServerInfo?.Version);
        Assert.Contains(tools, t => t.Name == "find_organizations");
        Assert.Contains("Jane Doe", ((TextContentBlock)whoami.Content[0]).Text);
    }

    [Fact]
    public async Task Dotnet_tool_install_global_puts_a_working_sentry_mcp_command_on_the_tools_path_with_flags()
    {
        var (sandbox, baseUri) = await SandboxApp.StartAsync();
        await using var _ = sandbox;
        var (exitCode, _, stderr) = await _feed.RunAsync("dotnet", "tool", "install", "-g", "SentryMcp");
        Assert.True(exitCode == 0, stderr);

        await using var client = await _feed.ConnectAsync(Path.Combine(_feed.Home, ".dotnet", "tools", "sentry-mcp"),
            [$"--access-token={SandboxOptions.DefaultToken}", $"--host={baseUri.Authority}", "--insecure-http"]);
        var tools = await client.ListToolsAsync();

        Assert.Equal("sentry-mcp", client.ServerInfo?.Name);
        Assert.Contains(tools, t => t.Name == "whoami");
    }

    /// <summary>Packs the tool once per test class into a temp folder feed, with a temp home around it.</summary>
    public sealed class Feed : IAsyncLifetime
    {
#if DEBUG
        private const string Configuration = "Debug";
#else
        private const string Configuration = "Release";
#endif
        // Packing and a first restore from the feed run beside other builds on a 2-core machine.
        private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);

        private readonly string _root = Path.Combine(Path.GetTempPath(), "sentry-mcp-tool-" + Guid.NewGuid().ToString("N"));

        public string Home => Path.Combine(_root, "home");
        private string WorkingDirectory => Path.Combine(_root, "work");
        private string FeedDirectory => Path.Combine(_root, "feed");

        public string Version { get; private set; } = "";

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(Home);
            Directory.CreateDirectory(WorkingDirectory);
            // The configuration the tests were built in is already compiled: pack it without building or restoring.
            var project = Path.Combine(RepositoryRoot(), "src", "SentryMcp.Stdio", "SentryMcp.Stdio.csproj");
            var (exitCode, stdout, stderr) = await RunAsync("dotnet", "pack", project, "-c", Configuration, "--no-build", "-o", FeedDirectory, "--nologo");
            Assert.True(exitCode == 0, stdout + stderr);
            var package = Assert.Single(Directory.GetFiles(FeedDirectory, "SentryMcp.*.nupkg"));
            Version = Path.GetFileNameWithoutExtension(package)["SentryMcp.".Length..];
            await File.WriteAllTextAsync(Path.Combine(WorkingDirectory, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="local" value="{FeedDirectory}" />
                  </packageSources>
                </configuration>
                """);
        }

        public Task DisposeAsync()
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
                // A tool process still closing holds a file; the temp folder is cleaned up later.
            }
            return Task.CompletedTask;
        }

        /// <summary>Environment for every command: everything the SDK and NuGet write goes under the temp home.</summary>
        private Dictionary<string, string?> Environment() => new()
        {
            ["HOME"] = Home,
            ["DOTNET_CLI_HOME"] = Home,
            ["NUGET_PACKAGES"] = Path.Combine(Home, "packages"),
            ["NUGET_HTTP_CACHE_PATH"] = Path.Combine(Home, "http-cache"),
            ["NUGET_PLUGINS_CACHE_PATH"] = Path.Combine(Home, "plugins-cache"),
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false",
            // A fresh CLI home would otherwise look for workload updates online.
            ["DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE"] = "1",
            ["DOTNET_SKIP_WORKLOAD_INTEGRITY_CHECK"] = "1",
            ["SENTRY_ACCESS_TOKEN"] = null,
            ["SENTRY_HOST"] = null,
            ["SENTRY_INSECURE_HTTP"] = null,
            ["SENTRY_ORGANIZATION_SLUG"] = null,
            ["SENTRY_PROJECT_SLUG"] = null,
            ["OPENAI_API_KEY"] = "",
            ["OPENAI_BASE_URL"] = "",
        };

        public async Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(string command, params string[] args)
        {
            var start = new ProcessStartInfo(command)
            {
                WorkingDirectory = WorkingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
            };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }
            foreach (var (name, value) in Environment())
            {
                start.Environment[name] = value;
            }
            using var process = Process.Start(start)!;
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var deadline = new CancellationTokenSource(Deadline);
            await process.WaitForExitAsync(deadline.Token);
            return (process.ExitCode, await stdout, await stderr);
        }

        public async Task<McpClient> ConnectAsync(string command, IList<string> args, Dictionary<string, string?>? settings = null)
        {
            var environment = Environment();
            foreach (var (name, value) in settings ?? [])
            {
                environment[name] = value;
            }
            var transport = new StdioClientTransport(new StdioClientTransportOptions
            {
                Name = "sentry-mcp-tool",
                Command = command,
                Arguments = args,
                WorkingDirectory = WorkingDirectory,
                EnvironmentVariables = environment,
            });
            // The first `dotnet tool execute` restores the package from the feed before the server starts.
            return await McpClient.CreateAsync(transport, new McpClientOptions
            {
                InitializationTimeout = Deadline,
                DiscoverProbeTimeout = Deadline,
            });
        }

        private static string RepositoryRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SentryMcp.slnx")))
                {
                    return dir.FullName;
                }
            }
            throw new InvalidOperationException($"No SentryMcp.slnx above {AppContext.BaseDirectory}.");
        }
    }
}
