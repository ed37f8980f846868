using System.Net.Http.Json;
using System.Collections.Concurrent;
using ModelContextProtocol;
using SentryMcp.Sandbox;
using SentryMcp.TestDoubles;

namespace SentryMcp.Core.Tests.Tools;

public sealed class AnalyzeIssueWithSeerToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    /// <summary>Records progress synchronously, unlike <see cref="Progress{T}"/> which posts to the thread pool.</summary>
    private sealed class RecordingProgress : IProgress<ProgressNotificationValue>
    {
        public ConcurrentQueue<ProgressNotificationValue> Values { get; } = new();

        public void Report(ProgressNotificationValue value) => Values.Enqueue(value);
    }

    [Fact]
    public async Task Existing_completed_run_is_shown_with_root_cause_and_solution()
    {
        var output = await server.CallAsync("analyze_issue_with_seer", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("# Seer Analysis for Issue API-BACKEND-1", output.Text);
        Assert.Contains("Found an existing Seer analysis", output.Text);
        Assert.Contains("**Status**: Complete", output.Text);
        Assert.Contains("## Root Cause Analysis", output.Text);
        Assert.Contains("returns None for deleted users", output.Text);
        Assert.Contains("## Proposed Solution", output.Text);
        Assert.Contains("raise Http404", output.Text);
        Assert.Contains("/organizations/acme/issues/API-BACKEND-1/", output.Text);
        var requests = await server.RequestsAsync();
        Assert.DoesNotContain(requests, r => r.Method == "POST" && r.Path.Contains("/autofix/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Issue_url_is_accepted_instead_of_organization_and_issue_id()
    {
        var url = $"{server.SandboxUri}organizations/acme/issues/{DemoIds.NoneTypeIssueId}/";

        var output = await server.CallAsync("analyze_issue_with_seer", new { issueUrl = url });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("returns None for deleted users", output.Text);
    }

    [Fact]
    public async Task New_run_is_started_and_polled_to_completion_with_progress_notifications()
    {
        var progress = new RecordingProgress();
        var arguments = new Dictionary<string, object?> { ["organizationSlug"] = "acme", ["issueId"] = DemoIds.PaymentTimeoutShortId };

        var result = await server.Client.CallToolAsync("analyze_issue_with_seer", arguments, progress);
        var text = string.Join("\n", result.Content.OfType<ModelContextProtocol.Protocol.TextContentBlock>().Select(c => c.Text));

        Assert.True(result.IsError != true, text);
        Assert.Contains("Started a new Seer analysis", text);
        Assert.Contains("**Status**: Complete", text);
        Assert.Contains("3-second HttpClient timeout", text);
        Assert.Contains("Idempotency-Key", text);
        // The SDK sends progress fire-and-forget, and the client stops listening when the result arrives:
        // the last notification (sent just before the result) can be lost, so only the earlier ones count.
        await Eventually.UntilAsync(() => progress.Values.Count >= DemoData.SeerPollsUntilComplete,
            describe: () => $"Only {progress.Values.Count} progress notifications arrived.");
        var messages = progress.Values.Select(v => v.Message).ToList();
        Assert.Contains(messages, m => m is not null && m.StartsWith("Started Seer run", StringComparison.Ordinal));
        Assert.Equal(DemoData.SeerPollsUntilComplete - 1, messages.Count(m => m == "Seer: Processing (Identify the root cause)"));
        var requests = await server.RequestsAsync();
        Assert.Single(requests, r => r.Method == "POST" && r.Path == $"/api/0/organizations/acme/issues/{DemoIds.PaymentTimeoutShortId}/autofix/");
    }

    [Fact]
    public async Task Run_that_outlasts_the_wait_says_it_continues_and_how_to_check_later()
    {
        // A run that never completes within the test: the outcome cannot depend on machine speed.
        (await server.Sandbox.PostAsJsonAsync("/__sandbox/seer", new { pollsUntilComplete = 1_000_000 })).EnsureSuccessStatusCode();
        try
        {
            await using var client = await server.StartClientAsync([], SandboxOptions.DefaultToken,
                new Dictionary<string, string?> { ["Seer__Timeout"] = "00:00:00.300" });

            var output = await server.CallAsync("analyze_issue_with_seer", new { organizationSlug = "acme", issueId = DemoIds.NetworkShortId }, client);

            Assert.False(output.IsError, output.Text);
            Assert.Contains("**Status**: Processing", output.Text);
            Assert.Contains("## Analysis Still Running", output.Text);
            Assert.Contains("The run continues in Sentry", output.Text);
            Assert.Contains("analyze_issue_with_seer(organizationSlug='acme', issueId='MOBILE-APP-1')", output.Text);
        }
        finally
        {
            (await server.Sandbox.PostAsJsonAsync("/__sandbox/seer", new { pollsUntilComplete = DemoData.SeerPollsUntilComplete })).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task Read_only_token_cannot_start_a_run_and_is_told_it_lacks_permission()
    {
        await using var client = await server.StartClientAsync([], SandboxOptions.ReadOnlyToken);

        var output = await server.CallAsync("analyze_issue_with_seer", new { organizationSlug = "acme", issueId = DemoIds.DbLockedShortId }, client);

        Assert.True(output.IsError);
        Assert.Contains("HTTP 403", output.Text);
        Assert.Contains("lacks permission", output.Text);
    }

    [Fact]
    public async Task Unknown_issue_is_a_not_found_error()
    {
        var output = await server.CallAsync("analyze_issue_with_seer", new { organizationSlug = "acme", issueId = "API-BACKEND-999" });

        Assert.True(output.IsError);
        Assert.Contains("HTTP 404", output.Text);
    }

    [Fact]
    public async Task Missing_issue_reference_is_an_input_error()
    {
        var output = await server.CallAsync("analyze_issue_with_seer", new { organizationSlug = "acme" });

        Assert.True(output.IsError);
        Assert.Contains("Provide either issueUrl, or organizationSlug and issueId", output.Text);
    }
}
