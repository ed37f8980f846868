using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SentryMcp.Sandbox;
using SentryMcp.TestDoubles;

namespace SentryMcp.Stdio.Tests;

/// <summary>
/// The official server's flags on the real process: skills narrow tools/list, the environment stands
/// in for each flag and loses to it, and what this server cannot honour exits 2 saying why.
/// </summary>
public sealed class OfficialFlagTests : IAsyncLifetime
{
    private IAsyncDisposable _sandbox = null!;
    private Uri _sandboxUri = null!;

    public async Task InitializeAsync() => (_sandbox, _sandboxUri) = await SandboxApp.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    private async Task<McpClient> ConnectAsync(string[] args, Dictionary<string, string?>? environment = null)
    {
        var env = CommandLineTests.FlagVariables.ToDictionary(v => v, _ => (string?)null);
        foreach (var (name, value) in environment ?? [])
        {
            env[name] = value;
        }
        return await McpClient.CreateAsync(new StdioClientTransport(new StdioClientTransportOptions
        {
            Command = ServerPaths.Command,
            Arguments = [.. ServerPaths.Prefix, $"--access-token={SandboxOptions.DefaultToken}", $"--host={_sandboxUri.Authority}", "--insecure-http", .. args],
            EnvironmentVariables = env,
        }));
    }

    private async Task<HashSet<string>> ToolNamesAsync(string[] args, Dictionary<string, string?>? environment = null)
    {
        await using var client = await ConnectAsync(args, environment);
        return [.. (await client.ListToolsAsync()).Select(t => t.Name)];
    }

    [Fact]
    public async Task By_default_every_active_skill_is_on()
    {
        var tools = await ToolNamesAsync([]);

        Assert.Contains("search_issues", tools);
        Assert.Contains("update_issue", tools);
        Assert.Contains("analyze_issue_with_seer", tools);
        Assert.Contains("create_team", tools);
    }

    [Fact]
    public async Task Skills_keeps_only_the_tools_of_those_skills()
    {
        var inspect = await ToolNamesAsync(["--skills=inspect"]);
        var triage = await ToolNamesAsync(["--skills", "triage"]);

        Assert.Contains("search_issues", inspect);
        Assert.DoesNotContain("update_issue", inspect);
        Assert.DoesNotContain("analyze_issue_with_seer", inspect);
        Assert.DoesNotContain("create_team", inspect);
        Assert.Contains("update_issue", triage);
        Assert.DoesNotContain("search_docs", triage);
        Assert.DoesNotContain("create_team", triage);
    }

    [Fact]
    public async Task Disable_skills_removes_those_skills_from_the_default_set()
    {
        var tools = await ToolNamesAsync(["--disable-skills=seer,project-management"]);

        Assert.DoesNotContain("analyze_issue_with_seer", tools);
        Assert.DoesNotContain("create_team", tools);
        Assert.Contains("update_issue", tools);
        Assert.Contains("search_issues", tools);
    }

    [Fact]
    public async Task Skill_variables_stand_in_for_the_flags_and_a_flag_wins_over_its_variable()
    {
        var fromEnvironment = await ToolNamesAsync([], new() { ["MCP_SKILLS"] = "inspect", ["MCP_DISABLE_SKILLS"] = "docs" });
        var flagWins = await ToolNamesAsync(["--skills=triage"], new() { ["MCP_SKILLS"] = "inspect" });
        var allSkillsWins = await ToolNamesAsync(["--all-skills"], new() { ["MCP_SKILLS"] = "inspect" });
        var disableFlagWins = await ToolNamesAsync(["--disable-skills=triage"], new() { ["MCP_DISABLE_SKILLS"] = "seer" });

        Assert.Contains("search_issues", fromEnvironment);
        Assert.DoesNotContain("update_issue", fromEnvironment);
        Assert.Contains("update_issue", flagWins);
        Assert.DoesNotContain("find_releases", flagWins); // inspect only (search_issues is in triage too)
        Assert.Contains("update_issue", allSkillsWins);
        Assert.Contains("analyze_issue_with_seer", allSkillsWins);
        Assert.DoesNotContain("update_issue", disableFlagWins);
        Assert.Contains("analyze_issue_with_seer", disableFlagWins);
    }

    [Fact]
    public async Task A_host_flag_wins_over_SENTRY_URL_and_experimental_changes_nothing()
    {
        // SENTRY_URL points nowhere: the --host flag (the sandbox) must be the one used.
        await using var client = await ConnectAsync(["--experimental"], new() { ["SENTRY_URL"] = "https://sentry.invalid" });

        var whoami = await client.CallToolAsync("whoami");

        Assert.NotEqual(true, whoami.IsError);
        Assert.Contains("Jane Doe", ((TextContentBlock)whoami.Content[0]).Text);
    }

    [Fact]
    public async Task OpenAI_flags_configure_the_search_translator_and_win_over_the_variables()
    {
        await using var llm = await ScriptedLlmServer.StartAsync();
        llm.ReplyJson(new { query = "is:unresolved level:fatal", sort = "freq" });
        // The variables point at a closed port: only the flags reach the scripted model.
        await using var client = await ConnectAsync(
            [$"--openai-base-url={llm.BaseUri}", "--openai-model=flag-model", "--agent-provider=openai"],
            new() { ["OPENAI_BASE_URL"] = "http://127.0.0.1:9/v1", ["OPENAI_MODEL"] = "env-model", ["OPENAI_API_KEY"] = "test" });

        var result = await client.CallToolAsync("search_issues", new Dictionary<string, object?> { ["organizationSlug"] = "acme", ["query"] = "open crashes, most frequent first" });

        var text = ((TextContentBlock)result.Content[0]).Text;
        Assert.NotEqual(true, result.IsError);
        Assert.Contains("`is:unresolved level:fatal`", text);
        Assert.Equal("flag-model", Assert.Single(llm.Requests)["model"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("--skills=inspect,bogus", "--skills names unknown skill 'bogus'. Valid skills: inspect, seer, docs, triage, project-management.")]
    [InlineData("--skills=,", "--skills names no skill. Valid skills:")]
    [InlineData("--skills=inspect --all-skills", "--all-skills cannot be combined with --skills.")]
    [InlineData("--disable-skills=inspect,seer,triage,project-management", "--disable-skills disables every skill; at least one must stay enabled.")]
    [InlineData("--disable-skills=seer,nope", "--disable-skills names unknown skill 'nope'.")]
    [InlineData("--all-skills=true", "--all-skills takes no value")]
    [InlineData("--agent-provider=anthropic", "--agent-provider=anthropic is not supported: this server talks to OpenAI-compatible APIs only.")]
    [InlineData("--agent-provider=openrouter", "--agent-provider=openrouter is not supported")]
    [InlineData("--agent-provider=gemini", "Invalid agent provider 'gemini' (--agent-provider). Use openai or azure-openai.")]
    [InlineData("--agent-provider=azure-openai", "azure-openai needs the Azure OpenAI v1 endpoint")]
    [InlineData("--anthropic-model=claude-sonnet-4-5", "--anthropic-model is not supported: this server has no Anthropic client.")]
    [InlineData("--anthropic-base-url=https://api.anthropic.com", "--anthropic-base-url is not supported")]
    [InlineData("--sentry-dsn=https://key@o1.ingest.sentry.io/1", "--sentry-dsn is not supported: the stdio server sends no telemetry of its own")]
    [InlineData("--mcp-url=https://mcp.sentry.dev", "--mcp-url is not supported")]
    [InlineData("--openai-base-url=ftp://models.example", "Invalid --openai-base-url 'ftp://models.example'")]
    [InlineData("--url=http://sentry.example.com", "Invalid Sentry URL 'http://sentry.example.com'. --url (or SENTRY_URL) is a full https URL without a path")]
    [InlineData("--url=https://sentry.example.com/sub", "Invalid Sentry URL")]
    [InlineData("--url=https://sentry.example.com --insecure-http", "--insecure-http cannot be used with --url or SENTRY_URL.")]
    [InlineData("--host=sentry.io --insecure-http", "--insecure-http is only for self-hosted Sentry hosts")]
    [InlineData("auth", "Unexpected argument 'auth'")]
    public async Task Flags_this_server_cannot_honour_exit_2_saying_why(string args, string message)
    {
        var (exitCode, stdout, stderr) = await CommandLineTests.RunAsync(["--access-token=t", .. args.Split(' ')]);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, stderr);
        Assert.Equal(string.Empty, stdout);
    }

    [Theory]
    [InlineData("MCP_SKILLS", "bogus", "MCP_SKILLS names unknown skill 'bogus'. Valid skills:")]
    [InlineData("MCP_DISABLE_SKILLS", "inspect,seer,triage,project-management", "MCP_DISABLE_SKILLS disables every skill")]
    [InlineData("EMBEDDED_AGENT_PROVIDER", "anthropic", "EMBEDDED_AGENT_PROVIDER=anthropic is not supported")]
    [InlineData("SENTRY_URL", "sentry.example.com", "Invalid Sentry URL 'sentry.example.com'")]
    [InlineData("MCP_ALL_TOOLS", "yes", "MCP_ALL_TOOLS must be true or false")]
    public async Task Unusable_variables_exit_2_naming_the_variable(string variable, string value, string message)
    {
        var (exitCode, _, stderr) = await CommandLineTests.RunAsync(new Dictionary<string, string> { [variable] = value }, "--access-token=t");

        Assert.Equal(2, exitCode);
        Assert.Contains(message, stderr);
    }
}
