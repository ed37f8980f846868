using System.Diagnostics;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SentryMcp.Sandbox;

namespace SentryMcp.Stdio.Tests;

public sealed class CommandLineTests
{
    private static readonly string ServerPath = Path.Combine(AppContext.BaseDirectory, "sentry-mcp.dll");

    private static async Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(ServerPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment.Remove("SENTRY_ACCESS_TOKEN");
        start.Environment.Remove("SENTRY_HOST");
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

    [Fact]
    public async Task Help_prints_usage_and_exits_0()
    {
        var (exitCode, stdout, _) = await RunAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("--access-token=<token>", stdout);
        Assert.Contains("--insecure-http", stdout);
    }

    [Fact]
    public async Task Stdout_carries_only_json_rpc_and_the_token_can_come_from_the_environment()
    {
        var (sandbox, baseUri) = await SandboxApp.StartAsync();
        await using var _ = sandbox;
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Command = "dotnet",
            Arguments = [ServerPath, $"--host={baseUri.Authority}", "--insecure-http"],
            EnvironmentVariables = new Dictionary<string, string?> { ["SENTRY_ACCESS_TOKEN"] = SandboxOptions.DefaultToken },
        });
        await using var client = await McpClient.CreateAsync(transport);

        var result = await client.CallToolAsync("whoami");

        Assert.NotEqual(true, result.IsError);
        Assert.Contains("Jane Doe", ((TextContentBlock)result.Content[0]).Text);
        Assert.Equal("sentry-mcp", client.ServerInfo?.Name);
    }

    [Fact]
    public async Task Organization_constraint_hides_find_organizations_and_shows_in_whoami()
    {
        var (sandbox, baseUri) = await SandboxApp.StartAsync();
        await using var _ = sandbox;
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Command = "dotnet",
            Arguments = [ServerPath, $"--access-token={SandboxOptions.DefaultToken}", $"--host={baseUri.Authority}", "--insecure-http", "--organization-slug=acme"],
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
