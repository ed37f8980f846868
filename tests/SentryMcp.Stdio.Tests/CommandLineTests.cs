using System.Diagnostics;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SentryMcp.Sandbox;

namespace SentryMcp.Stdio.Tests;

public sealed class CommandLineTests
{
    /// <summary>Every variable the server reads in place of a flag: removed so the test machine's own settings cannot leak in.</summary>
    internal static readonly string[] FlagVariables =
    [
        "SENTRY_ACCESS_TOKEN", "SENTRY_HOST", "SENTRY_URL", "SENTRY_INSECURE_HTTP", "SENTRY_ORGANIZATION_SLUG", "SENTRY_PROJECT_SLUG",
        "MCP_SKILLS", "MCP_DISABLE_SKILLS", "MCP_ALL_TOOLS", "EMBEDDED_AGENT_PROVIDER", "OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_MODEL",
    ];

    internal static Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(params string[] args) =>
        RunAsync(new Dictionary<string, string>(), args);

    internal static async Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = ServerPaths.Start(args);
        foreach (var variable in FlagVariables)
        {
            start.Environment.Remove(variable);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    [Theory]
    [InlineData("--bogus", "Unknown option '--bogus'")]
    [InlineData("--access-token", "--access-token needs a value")]
    [InlineData("--access-token=t --host=https://x.example/path", "Invalid Sentry host")]
    [InlineData("--access-token=t --host=ftp://sentry.example.com", "Invalid Sentry host")]
    [InlineData("--access-token=t --project-slug=web", "--project-slug needs --organization-slug")]
    [InlineData("--access-token=t --organization-slug=../etc", "Invalid slug")]
    [InlineData("--host=sentry.example.com", "No access token")]
    public async Task Bad_flags_exit_with_code_2_and_a_clear_message_on_stderr(string args, string message)
    {
        var (exitCode, stdout, stderr) = await RunAsync(args.Split(' '));

        Assert.Equal(2, exitCode);
        Assert.Contains(message, stderr);
        Assert.Equal(string.Empty, stdout);
    }

    [Theory]
    [InlineData("SENTRY_INSECURE_HTTP", "maybe", "SENTRY_INSECURE_HTTP must be true or false")]
    [InlineData("SENTRY_PROJECT_SLUG", "web", "--project-slug needs --organization-slug (or SENTRY_ORGANIZATION_SLUG)")]
    [InlineData("SENTRY_ORGANIZATION_SLUG", "../etc", "Invalid slug")]
    public async Task Bad_environment_variables_exit_with_code_2_and_name_the_variable(string variable, string value, string message)
    {
        var (exitCode, stdout, stderr) = await RunAsync(new Dictionary<string, string> { [variable] = value }, "--access-token=t");

        Assert.Equal(2, exitCode);
        Assert.Contains(message, stderr);
        Assert.Equal(string.Empty, stdout);
    }

    [Fact]
    public async Task Invalid_settings_exit_with_code_2_and_every_one_is_listed_on_stderr()
    {
        var (exitCode, stdout, stderr) = await RunAsync(
            new Dictionary<string, string> { ["Seer__Timeout"] = "00:00:00", ["Docs__MaxPageBytes"] = "0" }, "--access-token=t", "--host=sentry.example.com");

        Assert.Equal(2, exitCode);
        Assert.Contains("sentry-mcp: The configuration is not valid", stderr);
        Assert.Contains("  - Seer:Timeout must be a positive time span", stderr);
        Assert.Contains("  - Docs:MaxPageBytes must be positive", stderr);
        Assert.Equal(string.Empty, stdout);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_prints_every_flag_with_its_environment_variable_and_exits_0(string flag)
    {
        var (exitCode, stdout, _) = await RunAsync(flag);

        Assert.Equal(0, exitCode);
        var lines = stdout.Split('\n').Select(l => l.Trim()).ToList();
        foreach (var (option, variable) in new (string, string?)[]
        {
            ("--access-token=<token>", "SENTRY_ACCESS_TOKEN"),
            ("--host=<host[:port]>", "SENTRY_HOST"),
            ("--insecure-http", "SENTRY_INSECURE_HTTP"),
            ("--organization-slug=<slug>", "SENTRY_ORGANIZATION_SLUG"),
            ("--project-slug=<slug>", "SENTRY_PROJECT_SLUG"),
            ("--url=<https-url>", "SENTRY_URL"),
            ("--skills=<list>", "MCP_SKILLS"),
            ("--all-skills", null),
            ("--disable-skills=<list>", "MCP_DISABLE_SKILLS"),
            ("--all-tools", "MCP_ALL_TOOLS"),
            ("--agent-provider=<provider>", "EMBEDDED_AGENT_PROVIDER"),
            ("--openai-base-url=<url>", "OPENAI_BASE_URL"),
            ("--openai-model=<model>", "OPENAI_MODEL"),
            ("--anthropic-base-url=<url>", null),
            ("--anthropic-model=<model>", null),
            ("--sentry-dsn=<dsn>", null),
            ("--mcp-url=<url>", null),
            ("--experimental", null),
            ("--help", null),
            ("--version", null),
        })
        {
            var at = lines.FindIndex(l => l.StartsWith(option + " ", StringComparison.Ordinal));
            Assert.True(at >= 0, $"{option} is missing from --help:\n{stdout}");
            if (variable is not null)
            {
                Assert.Matches($@"^env: {variable}( |$)", lines[at + 1]);
            }
        }
        Assert.Contains("OPENAI_API_KEY", stdout);
        Assert.Contains("Skills: inspect, seer, docs (deprecated), triage, project-management", stdout);
    }

    [Theory]
    [InlineData("--version")]
    [InlineData("-v")]
    public async Task Version_prints_a_version_number_and_exits_0(string flag)
    {
        var (exitCode, stdout, _) = await RunAsync(flag);

        Assert.Equal(0, exitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", stdout.Trim());
    }

    [Fact]
    public async Task Stdout_carries_only_json_rpc_and_every_setting_can_come_from_the_environment()
    {
        var (sandbox, baseUri) = await SandboxApp.StartAsync();
        await using var _ = sandbox;
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Command = ServerPaths.Command,
            Arguments = [.. ServerPaths.Prefix],
            EnvironmentVariables = new Dictionary<string, string?>
            {
                ["SENTRY_ACCESS_TOKEN"] = SandboxOptions.DefaultToken,
                ["SENTRY_HOST"] = baseUri.Authority,
                ["SENTRY_INSECURE_HTTP"] = "true",
                ["SENTRY_ORGANIZATION_SLUG"] = "acme",
            },
        });
        await using var client = await McpClient.CreateAsync(transport);

        var result = await client.CallToolAsync("whoami");
        var tools = await client.ListToolsAsync();

        Assert.NotEqual(true, result.IsError);
        Assert.Contains("Jane Doe", ((TextContentBlock)result.Content[0]).Text);
        Assert.Contains("**Organization**: acme", ((TextContentBlock)result.Content[0]).Text);
        Assert.DoesNotContain(tools, t => t.Name == "find_organizations");
        Assert.Equal("sentry-mcp", client.ServerInfo?.Name);
    }

    [Fact]
    public async Task Organization_constraint_hides_find_organizations_and_shows_in_whoami()
    {
        var (sandbox, baseUri) = await SandboxApp.StartAsync();
        await using var _ = sandbox;
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Command = ServerPaths.Command,
            Arguments = [.. ServerPaths.Prefix, $"--access-token={SandboxOptions.DefaultToken}", $"--host={baseUri.Authority}", "--insecure-http", "--organization-slug=acme"],
        });
        await using var client = await McpClient.CreateAsync(transport);

        var tools = await client.ListToolsAsync();
        var whoami = await client.CallToolAsync("whoami");

        Assert.DoesNotContain(tools, t => t.Name == "find_organizations");
        Assert.Contains(tools, t => t.Name == "whoami");
        Assert.All(tools, t => Assert.False(JsonSerializer.Serialize(t.JsonSchema).Contains("\"organizationSlug\"", StringComparison.Ordinal), t.Name));
        Assert.Contains("**Organization**: acme", ((TextContentBlock)whoami.Content[0]).Text);
    }
}
