using System.Collections.Concurrent;
using System.Diagnostics;
using ModelContextProtocol.Client;
using SentryMcp.Core.Telemetry;
using SentryMcp.Server.Observability;

namespace SentryMcp.Server.Tests.Observability;

public sealed class TelemetryTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Tool_calls_are_traced_with_name_and_outcome_but_never_their_arguments()
    {
        var activities = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SentryMcpTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        const string secretQuery = "query-value-that-must-not-be-traced-7f3a";
        await using var client = await server.ConnectAsync();

        await client.CallToolAsync("find_organizations", new Dictionary<string, object?> { ["query"] = secretQuery });
        await client.CallToolAsync("find_organizations", new Dictionary<string, object?> { ["query"] = new[] { 1, 2 } });

        var calls = activities.Where(a => a.DisplayName == "mcp.tool find_organizations").ToList();
        Assert.Contains(calls, a => (string?)a.GetTagItem("mcp.tool.outcome") == SentryMcpTelemetry.Outcomes.Ok);
        Assert.Contains(calls, a => (string?)a.GetTagItem("mcp.tool.outcome") == SentryMcpTelemetry.Outcomes.InputError && a.Status == ActivityStatusCode.Error);
        Assert.DoesNotContain(calls.SelectMany(a => a.TagObjects), t => t.Value?.ToString()?.Contains(secretQuery, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Sentry_API_calls_are_measured_by_method_status_and_outcome()
    {
        using var telemetry = new TelemetryCapture();
        await using var client = await server.ConnectAsync();

        await client.CallToolAsync("find_projects", new Dictionary<string, object?> { ["organizationSlug"] = "acme" });
        await client.CallToolAsync("find_projects", new Dictionary<string, object?> { ["organizationSlug"] = "no-such-organization" });

        var calls = telemetry.Measurements("sentry_mcp.sentry_api.duration");
        Assert.Contains(calls, c => (c.Tag("http.request.method"), c.Tag("http.response.status_code"), c.Tag("outcome")) == ("GET", "200", "ok"));
        Assert.Contains(calls, c => (c.Tag("http.request.method"), c.Tag("http.response.status_code"), c.Tag("outcome")) == ("GET", "404", "client_error"));
        Assert.All(calls, c => Assert.True(c.Value > 0));
        // Paths carry organization slugs and ids: never a tag.
        Assert.DoesNotContain(calls.SelectMany(c => c.Tags.Values), v => v?.ToString()?.Contains("no-such-organization", StringComparison.Ordinal) == true);
    }
}

public sealed class SecretScrubberTests
{
    /// <summary>Shared with the web UI's scrubber test (web/test/secret-scrubber.test.ts): both must give the same answers.</summary>
    public static TheoryData<string, string> SharedCases()
    {
        var data = new TheoryData<string, string>();
        var path = Path.Combine(AppContext.BaseDirectory, "fixtures", "secret-scrubbing.json");
        foreach (var item in System.Text.Json.JsonDocument.Parse(File.ReadAllText(path)).RootElement.EnumerateArray())
        {
            data.Add(item.GetProperty("input").GetString()!, item.GetProperty("expected").GetString()!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SharedCases))]
    public void Credentials_are_masked_and_other_text_kept(string input, string expected) =>
        Assert.Equal(expected, SecretScrubber.Scrub(input));

    [Fact]
    public void Error_reports_lose_credentials_cookies_and_bodies()
    {
        var report = new Sentry.SentryEvent(new InvalidOperationException("Sentry rejected sntryu_0123456789abcdef0123"));
        report.Request.Headers["Authorization"] = "Bearer secret-value";
        report.Request.Headers["Accept"] = "application/json";
        report.Request.Cookies = "session=abc";
        report.Request.QueryString = "code=xyz&state=1";
        report.Request.Data = "{\"password\":\"p\"}";
        report.SentryExceptions = [new Sentry.Protocol.SentryException { Value = "Sentry rejected sntryu_0123456789abcdef0123" }];

        var scrubbed = ObservabilitySetup.Scrub(report)!;

        Assert.Equal(SecretScrubber.Mask, scrubbed.Request.Headers["Authorization"]);
        Assert.Equal("application/json", scrubbed.Request.Headers["Accept"]);
        Assert.Null(scrubbed.Request.Cookies);
        Assert.Null(scrubbed.Request.Data);
        Assert.Equal("code=[Filtered]&state=1", scrubbed.Request.QueryString);
        Assert.Equal("Sentry rejected [Filtered]", scrubbed.SentryExceptions!.Single().Value);
    }
}
