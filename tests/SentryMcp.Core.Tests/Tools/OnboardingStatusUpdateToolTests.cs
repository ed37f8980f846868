using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed class OnboardingStatusUpdateToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    private const string Path = "/api/0/organizations/acme/onboarding/agent/status/";

    [Fact]
    public async Task Updates_are_recorded_on_the_run_and_references_add_up_without_echoing_the_input()
    {
        var first = await server.CallAsync("onboarding_status_update", new { organizationSlug = "acme", runToken = DemoIds.OnboardingRunToken, stage = "connect_mcp", status = "completed" });
        Assert.False(first.IsError, first.Text);
        Assert.StartsWith("# Onboarding status updated", first.Text);
        Assert.Contains("**Continue Updates**: yes", first.Text);

        await server.CallAsync("onboarding_status_update", new { organizationSlug = "acme", runToken = DemoIds.OnboardingRunToken, stage = "create_project", status = "active", projectSlugs = new[] { "web-frontend" } });
        var third = await server.CallAsync("onboarding_status_update", new
        {
            organizationSlug = "acme", runToken = DemoIds.OnboardingRunToken, stage = "create_project", status = "completed",
            eventNote = "Project already existed.", projectSlugs = new[] { "web-frontend", "api-backend" },
        });

        Assert.False(third.IsError, third.Text);
        Assert.Contains("**Projects Recorded**: 2", third.Text);
        Assert.Contains("connect_mcp completed", third.Text);
        Assert.Contains("create_project completed", third.Text);
        Assert.DoesNotContain(DemoIds.OnboardingRunToken, third.Text);
        Assert.DoesNotContain("api-backend", third.Text);
        Assert.DoesNotContain("already existed", third.Text);
        Assert.True((await server.RequestsAsync()).Count(r => r.Method == "POST" && r.Path == Path) >= 3);
    }

    [Fact]
    public async Task A_finished_run_says_to_stop_sending_updates()
    {
        var output = await server.CallAsync("onboarding_status_update", new { organizationSlug = "acme", runToken = DemoIds.FinishedOnboardingRunToken, stage = "prepare_production", status = "active" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Continue Updates**: no", output.Text);
        Assert.Contains("**Run Status**: completed", output.Text);
        Assert.Contains("stop sending them", output.Text);
    }

    [Fact]
    public async Task An_unknown_run_token_is_rejected_by_sentry_and_explained()
    {
        var output = await server.CallAsync("onboarding_status_update", new { organizationSlug = "acme", runToken = "Q1w2E3r4T5", stage = "connect_mcp", status = "completed" });

        Assert.True(output.IsError);
        Assert.Contains("**Input Error**", output.Text);
        Assert.Contains("no onboarding run with this token in 'acme'", output.Text);
        Assert.Contains(await server.RequestsAsync(), r => r.Method == "POST" && r.Path == Path);
    }

    [Fact]
    public async Task A_token_of_another_organization_is_not_found()
    {
        var output = await server.CallAsync("onboarding_status_update", new { organizationSlug = "acme-labs", runToken = DemoIds.OnboardingRunToken, stage = "connect_mcp", status = "completed" });

        Assert.True(output.IsError);
        Assert.Contains("no onboarding run with this token in 'acme-labs'", output.Text);
    }

    public static TheoryData<string, object, string> BadInput => new()
    {
        { "short token", new { runToken = "abc", stage = "connect_mcp", status = "completed" }, "10-character token" },
        { "unknown stage", new { runToken = DemoIds.OnboardingRunToken, stage = "deploy", status = "completed" }, "Use one of: connect_mcp, analyze_project" },
        { "derived status", new { runToken = DemoIds.OnboardingRunToken, stage = "connect_mcp", status = "bypassed" }, "Use one of: active, waiting, completed, skipped, failed" },
        { "bad run status", new { runToken = DemoIds.OnboardingRunToken, stage = "connect_mcp", status = "completed", runStatus = "cancelled" }, "Use one of: completed, failed" },
        { "failed without note", new { runToken = DemoIds.OnboardingRunToken, stage = "instrument_app", status = "failed" }, "needs an 'eventNote'" },
        { "long note", new { runToken = DemoIds.OnboardingRunToken, stage = "instrument_app", status = "active", eventNote = new string('x', 257) }, "at most 256" },
        { "empty projects", new { runToken = DemoIds.OnboardingRunToken, stage = "create_project", status = "active", projectSlugs = Array.Empty<string>() }, "1 to 100 non-empty values" },
        { "projects elsewhere", new { runToken = DemoIds.OnboardingRunToken, stage = "instrument_app", status = "active", projectSlugs = new[] { "web-frontend" } }, "only with stage 'create_project'" },
        { "issues elsewhere", new { runToken = DemoIds.OnboardingRunToken, stage = "create_project", status = "active", issueIds = new[] { "7001" } }, "only with stage 'receive_verification_error'" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_an_input_error_that_says_what_to_fix_and_nothing_is_sent(string because, object input, string message)
    {
        var before = (await server.RequestsAsync()).Count(r => r.Path == Path);
        var arguments = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object?>>(System.Text.Json.JsonSerializer.Serialize(input))!;
        arguments["organizationSlug"] = "acme";

        var output = await server.CallAsync("onboarding_status_update", arguments);

        Assert.True(output.IsError, because);
        Assert.Contains("**Input Error**", output.Text);
        Assert.Contains(message, output.Text);
        Assert.Equal(before, (await server.RequestsAsync()).Count(r => r.Path == Path));
    }

    [Fact]
    public async Task The_read_only_token_is_enough_to_report_progress()
    {
        await using var client = await server.StartClientAsync(["--all-tools"], SandboxOptions.ReadOnlyToken);

        var output = await server.CallAsync("onboarding_status_update", new { organizationSlug = "acme", runToken = DemoIds.OnboardingRunToken, stage = "analyze_project", status = "active" }, client);

        Assert.False(output.IsError, output.Text);
        Assert.Contains("analyze_project active", output.Text);
    }
}
