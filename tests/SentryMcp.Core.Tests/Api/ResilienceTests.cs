using SentryMcp.Sandbox;
using SentryMcp.TestDoubles;

namespace SentryMcp.Core.Tests.Api;

/// <summary>A server with short Sentry timeouts, so timeout faults end quickly.</summary>
public sealed class ShortTimeoutServerFixture : McpServerFixture
{
    protected override string AttemptTimeout => "00:00:04";

    protected override string TotalTimeout => "00:00:10";
}

/// <summary>
/// How the server behaves when Sentry misbehaves, driven through the sandbox's fault modes. The
/// fixture runs the stdio server with a 4 s attempt timeout and 10 s total timeout.
/// </summary>
public sealed class ResilienceTests(ShortTimeoutServerFixture server) : IClassFixture<ShortTimeoutServerFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => server.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Rate_limited_requests_are_retried_after_the_retry_after_delay_and_then_succeed()
    {
        await server.AddFaultAsync(new FaultRule(FaultKind.Status, "/api/0/auth/", Count: 2, Status: 429, RetryAfterSeconds: 1));

        var output = await server.CallAsync("whoami");

        Assert.False(output.IsError, output.Text);
        Assert.Contains("Jane Doe", output.Text);
        var attempts = (await server.RequestsAsync()).Where(r => r.Path == "/api/0/auth/").ToList();
        Assert.Equal(3, attempts.Count);
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromMilliseconds(900), "Retry-After was not honoured");
    }

    [Theory]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Gateway_errors_are_retried(int status)
    {
        await server.AddFaultAsync(new FaultRule(FaultKind.Status, "/api/0/auth/", Count: 1, Status: status));

        var output = await server.CallAsync("whoami");

        Assert.False(output.IsError, output.Text);
    }

    [Fact]
    public async Task A_server_error_is_reported_with_its_status_and_not_retried()
    {
        await server.AddFaultAsync(new FaultRule(FaultKind.Status, "/api/0/auth/", Count: 1, Status: 500));

        var output = await server.CallAsync("whoami");

        Assert.True(output.IsError);
        Assert.Contains("HTTP 500", output.Text);
        Assert.Contains("Sentry's side", output.Text);
        Assert.Single(await server.RequestsAsync(), r => r.Path == "/api/0/auth/");
    }

    [Fact]
    public async Task Persistent_rate_limiting_ends_in_a_clear_error_after_bounded_retries()
    {
        await server.AddFaultAsync(new FaultRule(FaultKind.Status, "/api/0/auth/", Count: -1, Status: 429, RetryAfterSeconds: 0));

        var output = await server.CallAsync("whoami");

        Assert.True(output.IsError);
        Assert.Contains("HTTP 429", output.Text);
        Assert.Equal(4, (await server.RequestsAsync()).Count(r => r.Path == "/api/0/auth/"));
    }

    [Fact]
    public async Task A_slow_attempt_times_out_and_the_retry_succeeds()
    {
        await server.AddFaultAsync(new FaultRule(FaultKind.Latency, "/api/0/auth/", Count: 1, DelayMs: 8000));

        var output = await server.CallAsync("whoami");

        Assert.False(output.IsError, output.Text);
        Assert.Equal(2, (await server.RequestsAsync()).Count(r => r.Path == "/api/0/auth/"));
    }

    [Fact]
    public async Task Sentry_that_never_answers_gives_an_unavailable_error_within_the_total_timeout()
    {
        await server.AddFaultAsync(new FaultRule(FaultKind.Latency, "/api/0/auth/", Count: -1, DelayMs: 60_000));

        var output = await server.CallAsync("whoami");

        Assert.True(output.IsError);
        Assert.Contains("Sentry Unavailable", output.Text);
        // Not a stopwatch (a loaded machine is slower, not wrong): the retries would allow four 4 s
        // attempts, so three or fewer, each abandoned by the client, means the 10 s total timeout ended the call.
        var attempts = (await server.RequestsAsync()).Count(r => r.Path == "/api/0/auth/");
        Assert.InRange(attempts, 1, 3);
        await Eventually.UntilAsync(async () => (await server.AbortedRequestsAsync()).Count(r => r.Path == "/api/0/auth/") == attempts,
            describe: () => "the sandbox did not see every attempt abandoned");
    }

    [Fact]
    public async Task A_malformed_json_body_is_reported_as_a_malformed_response()
    {
        await server.AddFaultAsync(new FaultRule(FaultKind.MalformedJson, "/api/0/auth/", Count: 1));

        var output = await server.CallAsync("whoami");

        Assert.True(output.IsError);
        Assert.Contains("malformed response", output.Text);
    }

    [Fact]
    public async Task A_dropped_connection_is_retried()
    {
        await server.AddFaultAsync(new FaultRule(FaultKind.Drop, "/api/0/auth/", Count: 1));

        var output = await server.CallAsync("whoami");

        Assert.False(output.IsError, output.Text);
        Assert.Equal(2, (await server.RequestsAsync()).Count(r => r.Path == "/api/0/auth/"));
    }

    [Fact]
    public async Task The_server_keeps_working_after_faults()
    {
        await server.AddFaultAsync(new FaultRule(FaultKind.Status, "/api/0/organizations/", Count: 1, Status: 500));
        var failed = await server.CallAsync("find_organizations");

        var next = await server.CallAsync("find_organizations");

        Assert.True(failed.IsError);
        Assert.False(next.IsError, next.Text);
    }
}
