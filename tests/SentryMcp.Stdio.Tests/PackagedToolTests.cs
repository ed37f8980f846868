using System.Diagnostics;
using System.IO.Compression;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SentryMcp.Sandbox;

namespace SentryMcp.Stdio.Tests;

/// <summary>
/// The .NET tool as users get it: the RID-specific packages of scripts/pack-tool.sh (a pointer package,
/// the Native AOT linux-x64 package and the portable <c>any</c> fallback) in a local folder feed, run
/// with the README's commands. A temp home (CLI home, NuGet caches, global tools) and a nuget.config that
/// clears every other source keep the user's own state untouched and the network out. The feed is the
/// one <c>SENTRY_MCP_TOOL_FEED</c> names (test.sh packs it once for these tests), else the fixture
/// runs scripts/pack-tool.sh itself (a Native AOT compile: minutes).
/// </summary>
public sealed class PackagedToolTests : IClassFixture<PackagedToolTests.Feed>
{
    private readonly Feed _feed;

    public PackagedToolTests(Feed feed) => _feed = feed;

    [Fact]
    public void Pack_makes_a_pointer_package_a_native_linux_x64_package_without_symbols_and_a_portable_fallback()
    {
        var pointer = _feed.Entries("SentryMcp");
        var native = _feed.Entries("SentryMcp.linux-x64");
        var portable = _feed.Entries("SentryMcp.any");

        // The pointer carries no implementation, only the settings that name the RID packages.
        var settings = _feed.ReadEntry("SentryMcp", "tools/any/any/DotnetToolSettings.xml");
        Assert.DoesNotContain(pointer, e => e.EndsWith(".dll", StringComparison.Ordinal));
        Assert.Contains("<RuntimeIdentifierPackage RuntimeIdentifier=\"linux-x64\" Id=\"SentryMcp.linux-x64\"", settings);
        Assert.Contains("<RuntimeIdentifierPackage RuntimeIdentifier=\"any\" Id=\"SentryMcp.any\"", settings);
        // linux-x64: one native executable (ELF, no managed entry point) with SQLite's library beside it.
        Assert.Contains("tools/any/linux-x64/sentry-mcp", native);
        Assert.Contains("tools/any/linux-x64/libe_sqlite3.so", native);
        Assert.DoesNotContain(native, e => e.EndsWith(".dll", StringComparison.Ordinal));
        Assert.Equal("\u007fELF", _feed.ReadEntry("SentryMcp.linux-x64", "tools/any/linux-x64/sentry-mcp")[..4]);
        Assert.Contains("<Command Name=\"sentry-mcp\" EntryPoint=\"sentry-mcp\" Runner=\"executable\"",
            _feed.ReadEntry("SentryMcp.linux-x64", "tools/any/linux-x64/DotnetToolSettings.xml"));
        // any: the framework-dependent build that `dotnet` runs on every other platform.
        Assert.Contains("tools/net10.0/any/sentry-mcp.dll", portable);
        Assert.Contains("Runner=\"dotnet\"", _feed.ReadEntry("SentryMcp.any", "tools/net10.0/any/DotnetToolSettings.xml"));
        // The native binary ships without its debug symbols (the portable build keeps its .pdb files for line numbers).
        Assert.All(pointer.Concat(native), e =>
            Assert.False(e.EndsWith(".pdb", StringComparison.Ordinal) || e.EndsWith(".dbg", StringComparison.Ordinal), e));
    }

    [Fact]
    public async Task Dotnet_tool_execute_runs_the_packed_tool_and_reports_the_package_version()
    {
        var (exitCode, stdout, stderr) = await _feed.RunAsync("dotnet", "tool", "execute", "SentryMcp", "--yes", "--", "--version");

        Assert.True(exitCode == 0, stderr);
        Assert.Equal(_feed.Version, stdout.Trim());
        // On linux-x64 the CLI resolves the pointer to the native package and never fetches the fallback.
        Assert.True(Directory.Exists(Path.Combine(_feed.Home, "packages", "sentrymcp.linux-x64", _feed.Version)), "the linux-x64 package was not restored");
        Assert.False(Directory.Exists(Path.Combine(_feed.Home, "packages", "sentrymcp.any")), "the portable fallback was restored on linux-x64");
    }

    [Fact]
    public async Task The_portable_fallback_package_runs_on_the_dotnet_runtime()
    {
        var folder = _feed.Extract("SentryMcp.any");

        var (exitCode, stdout, stderr) = await _feed.RunAsync("dotnet", Path.Combine(folder, "tools", "net10.0", "any", "sentry-mcp.dll"), "--version");

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

        // The server answering is the linux-x64 package's native executable, not `dotnet` running the fallback.
        Assert.Contains(_feed.RunningExecutables(), exe =>
            exe.EndsWith(Path.Combine("sentrymcp.linux-x64", _feed.Version, "tools", "any", "linux-x64", "sentry-mcp"), StringComparison.Ordinal));
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

        Assert.Contains(_feed.RunningExecutables(), exe => exe.Contains(Path.Combine("sentrymcp.linux-x64", _feed.Version), StringComparison.Ordinal)
            && exe.EndsWith(Path.Combine("linux-x64", "sentry-mcp"), StringComparison.Ordinal));
        Assert.Equal("sentry-mcp", client.ServerInfo?.Name);
        Assert.Contains(tools, t => t.Name == "whoami");
    }

    /// <summary>The packed tool in a folder feed, once per test class, with a temp home around it.</summary>
    public sealed class Feed : IAsyncLifetime
    {
        public const string FeedVariable = "SENTRY_MCP_TOOL_FEED";

        // A first restore from the feed runs beside other builds on a 2-core machine.
        private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);
        // Packing without a ready feed links the Native AOT binary.
        private static readonly TimeSpan PackDeadline = TimeSpan.FromMinutes(30);

        private readonly string _root = Path.Combine(Path.GetTempPath(), "sentry-mcp-tool-" + Guid.NewGuid().ToString("N"));

        public string Home => Path.Combine(_root, "home");
        private string WorkingDirectory => Path.Combine(_root, "work");
        private string FeedDirectory { get; set; } = "";

        public string Version { get; private set; } = "";

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(Home);
            Directory.CreateDirectory(WorkingDirectory);
            if (System.Environment.GetEnvironmentVariable(FeedVariable) is { Length: > 0 } ready)
            {
                FeedDirectory = Path.GetFullPath(ready);
            }
            else
            {
                FeedDirectory = Path.Combine(_root, "feed");
                await PackAsync();
            }
            var pointer = Assert.Single(Directory.GetFiles(FeedDirectory, "SentryMcp.*.nupkg"),
                p => char.IsDigit(Path.GetFileName(p)["SentryMcp.".Length]));
            Version = Path.GetFileNameWithoutExtension(pointer)["SentryMcp.".Length..];
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

        /// <summary>The entry names of package <paramref name="id"/> in the feed.</summary>
        public IReadOnlyList<string> Entries(string id)
        {
            using var package = ZipFile.OpenRead(PackagePath(id));
            return package.Entries.Select(e => e.FullName).ToList();
        }

        /// <summary>One entry of package <paramref name="id"/> as text (Latin-1, so binary bytes stay one char each).</summary>
        public string ReadEntry(string id, string entry)
        {
            using var package = ZipFile.OpenRead(PackagePath(id));
            using var reader = new StreamReader(package.GetEntry(entry)?.Open() ?? throw new FileNotFoundException(entry), System.Text.Encoding.Latin1);
            return reader.ReadToEnd();
        }

        /// <summary>Package <paramref name="id"/> unpacked into a folder of the temp root.</summary>
        public string Extract(string id)
        {
            var folder = Path.Combine(_root, "extracted", id);
            ZipFile.ExtractToDirectory(PackagePath(id), folder, overwriteFiles: true);
            return folder;
        }

        /// <summary>The executables of the running processes started from under the temp home (Linux /proc).</summary>
        public IReadOnlyList<string> RunningExecutables()
        {
            var found = new List<string>();
            foreach (var process in Directory.EnumerateDirectories("/proc"))
            {
                try
                {
                    if (new FileInfo(Path.Combine(process, "exe")).LinkTarget is { } exe && exe.StartsWith(Home, StringComparison.Ordinal))
                    {
                        found.Add(exe);
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // A process that ended meanwhile, or one of another user.
                }
            }
            return found;
        }

        // The build's own environment (NuGet's usual caches, no temp home): packing restores offline from them.
        private async Task PackAsync()
        {
            var start = new ProcessStartInfo(Path.Combine(RepositoryRoot(), "scripts", "pack-tool.sh"), [FeedDirectory])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(PackDeadline);
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, await stdout + await stderr);
        }

        private string PackagePath(string id) => Path.Combine(FeedDirectory, $"{id}.{Version}.nupkg");

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
