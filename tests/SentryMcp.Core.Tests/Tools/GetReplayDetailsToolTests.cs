using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed class GetReplayDetailsToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    private Task<ToolOutput> CheckoutReplayAsync() =>
        server.CallAsync("get_replay_details", new { organizationSlug = "acme", replayId = DemoIds.CheckoutReplayId });

    [Fact]
    public async Task The_checkout_replay_says_who_when_where_and_what_went_wrong()
    {
        var output = await CheckoutReplayAsync();

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith($"# Replay {DemoIds.CheckoutReplayId} in **acme**", output.Text);
        Assert.Contains("**Duration**: 1m 37s", output.Text);
        Assert.Contains("**User**: Maria Garcia", output.Text);
        Assert.Contains("**Browser**: Chrome 131.0.0", output.Text);
        Assert.Contains("**Release**: web-frontend@2.4.1", output.Text);
        Assert.Contains("**Errors**: 2", output.Text);
        Assert.Contains("**Rage Clicks**: 1", output.Text);
        Assert.Contains($"{server.SandboxUri}organizations/acme/explore/replays/{DemoIds.CheckoutReplayId}/", output.Text);
    }

    [Fact]
    public async Task The_timeline_shows_pages_clicks_failed_requests_console_errors_and_the_rage_click_in_order()
    {
        var output = await CheckoutReplayAsync();

        var timeline = output.Text.Split("## Timeline")[1].Split("## Related")[0];
        string[] expected =
        [
            "T+0s · **page.view** https://shop.acme.example/cart",
            "T+18.4s · **click** button.checkout-btn",
            "T+42s · **page.view** https://shop.acme.example/checkout",
            "**request** GET https://api.acme.example/api/users/4812/ → 500 · 236ms",
            "T+42.7s · **click** button.pay-now",
            "**console.error** Failed to load profile",
            "**request** POST https://api.acme.example/api/orders/checkout/ → 504 · 3,612ms",
            "T+44.1s · **rage.click** button.pay-now[data-test-id=\"pay-now\"] (5 clicks)",
            "**console.warning** Payment failed: gateway timeout (504)",
            "T+1m 01s · **navigation** /support?topic=payment",
        ];
        var last = -1;
        foreach (var line in expected)
        {
            var at = timeline.IndexOf(line, StringComparison.Ordinal);
            Assert.True(at > last, $"'{line}' missing or out of order in:\n{timeline}");
            last = at;
        }
    }

    [Fact]
    public async Task Related_errors_are_resolved_to_their_issues_and_the_trace_is_named()
    {
        var output = await CheckoutReplayAsync();

        Assert.Contains("**API-BACKEND-1**: AttributeError", output.Text);
        Assert.Contains("**PAYMENTS-SERVICE-1**: TimeoutException", output.Text);
        Assert.Contains($"Trace `{DemoIds.CheckoutTraceId}`", output.Text);
        Assert.Contains($"get_trace_details(organizationSlug='acme', traceId='{DemoIds.CheckoutTraceId}')", output.Text);
        Assert.Contains("get_issue_details(organizationSlug='acme', issueId='PAYMENTS-SERVICE-1')", output.Text);
    }

    [Fact]
    public async Task Structured_data_carries_the_counts_the_timeline_and_the_related_issues()
    {
        var output = await CheckoutReplayAsync();

        var data = output.Raw.StructuredContent!.Value;
        Assert.Equal(DemoIds.CheckoutReplayId, data.GetProperty("id").GetString());
        Assert.Equal(1, data.GetProperty("rageClicks").GetInt32());
        Assert.Equal(DemoIds.CheckoutTraceId, data.GetProperty("traceIds")[0].GetString());
        Assert.Equal("API-BACKEND-1", data.GetProperty("relatedErrors")[0].GetProperty("issue").GetString());
        Assert.Contains(data.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "rage.click");
    }

    [Theory]
    [InlineData("{0}organizations/acme/replays/7e07485f-12f9-416b-8b14-26260799b51f/")]
    [InlineData("{0}organizations/acme/explore/replays/7e07485f12f9416b8b1426260799b51f/?query=&referrer=replayList")]
    public async Task A_replay_url_on_the_configured_host_works_with_or_without_dashes(string template)
    {
        var output = await server.CallAsync("get_replay_details", new { replayUrl = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, server.SandboxUri) });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith($"# Replay {DemoIds.CheckoutReplayId} in **acme**", output.Text);
    }

    [Fact]
    public async Task An_archived_replay_gives_its_metadata_and_says_the_recording_is_gone()
    {
        var output = await server.CallAsync("get_replay_details", new { organizationSlug = "acme", replayId = DemoData.ArchivedReplayId });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Archived**: yes", output.Text);
        Assert.Contains("The recording is archived", output.Text);
        var requests = await server.RequestsAsync();
        Assert.DoesNotContain(requests, r => r.Path.Contains($"/replays/{DemoData.ArchivedReplayId}/recording-segments/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_recording_download_still_answers_with_the_summary()
    {
        var project = "/api/0/projects/acme/";
        await server.AddFaultAsync(new FaultRule(FaultKind.Status, PathPrefix: project, Count: 1, Status: 500));

        var output = await server.CallAsync("get_replay_details", new { organizationSlug = "acme", replayId = DemoData.BrowseReplayId });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**User**: Sam Lee", output.Text);
        Assert.Contains("The recording could not be loaded", output.Text);
    }

    [Fact]
    public async Task An_unknown_replay_is_an_input_error_that_says_how_to_find_replays()
    {
        var output = await server.CallAsync("get_replay_details", new { organizationSlug = "acme", replayId = "00000000000000000000000000000000" });

        Assert.True(output.IsError);
        Assert.Contains("No replay 00000000000000000000000000000000 was found in organization 'acme'", output.Text);
        Assert.Contains("dataset='replays'", output.Text);
    }

    [Fact]
    public async Task A_replay_of_another_organization_is_not_found()
    {
        var output = await server.CallAsync("get_replay_details", new { organizationSlug = "acme-labs", replayId = DemoIds.CheckoutReplayId });

        Assert.True(output.IsError);
        Assert.Contains("'acme-labs'", output.Text);
    }

    [Theory]
    [InlineData(null, null, "Provide either replayUrl, or both organizationSlug and replayId")]
    [InlineData("acme", "not-a-replay", "is not a replay ID")]
    [InlineData("acme", null, "Provide either replayUrl")]
    public async Task Missing_or_malformed_arguments_are_input_errors(string? organizationSlug, string? replayId, string message)
    {
        var output = await server.CallAsync("get_replay_details", new { organizationSlug, replayId });

        Assert.True(output.IsError);
        Assert.Contains("**Input Error**", output.Text);
        Assert.Contains(message, output.Text);
    }

    [Theory]
    [InlineData("https://evil.example/organizations/acme/replays/7e07485f12f9416b8b1426260799b51f/", "not on the configured Sentry host")]
    [InlineData("not a url", "is not a valid Sentry URL")]
    [InlineData("{0}organizations/acme/issues/7001/", "is not a replay URL")]
    public async Task Replay_urls_elsewhere_or_of_other_things_are_refused(string url, string message)
    {
        var output = await server.CallAsync("get_replay_details", new { replayUrl = string.Format(System.Globalization.CultureInfo.InvariantCulture, url, server.SandboxUri) });

        Assert.True(output.IsError);
        Assert.Contains(message, output.Text);
    }
}
