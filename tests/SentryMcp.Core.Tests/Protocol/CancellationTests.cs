using SentryMcp.Sandbox;
using SentryMcp.TestDoubles;

namespace SentryMcp.Core.Tests.Protocol;

public sealed class CancellationTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    // Attempt timeouts far beyond the test: only the cancellation can end the Sentry request.
    private static readonly Dictionary<string, string?> PatientClient = new()
    {
        ["Sentry__Client__AttemptTimeout"] = "00:10:00",
        ["Sentry__Client__TotalTimeout"] = "00:20:00",
    };

    [Fact]
    public async Task A_cancelled_call_aborts_its_sentry_request()
    {
        await using var client = await server.StartClientAsync([], SandboxOptions.DefaultToken, PatientClient);
        var path = $"/api/0/organizations/acme/issues/{DemoIds.DbLockedShortId}/";
        await server.AddFaultAsync(new FaultRule(FaultKind.Latency, PathPrefix: path, Count: -1, DelayMs: 600_000));
        using var cts = new CancellationTokenSource();

        var call = client.CallToolAsync("get_issue_details",
            new Dictionary<string, object?> { ["organizationSlug"] = "acme", ["issueId"] = DemoIds.DbLockedShortId }, cancellationToken: cts.Token).AsTask();
        await Eventually.UntilAsync(async () => (await server.RequestsAsync()).Any(r => r.Path == path));
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await Eventually.UntilAsync(async () => (await server.AbortedRequestsAsync()).Any(r => r.Path == path));
        Assert.Single(await server.RequestsAsync(), r => r.Path == path);
    }

    [Fact]
    public async Task The_server_keeps_serving_after_a_cancelled_call()
    {
        await using var client = await server.StartClientAsync([], SandboxOptions.DefaultToken, PatientClient);
        var path = "/api/0/organizations/acme/releases/";
        await server.AddFaultAsync(new FaultRule(FaultKind.Latency, PathPrefix: path, Count: 1, DelayMs: 600_000));
        using var cts = new CancellationTokenSource();

        var call = client.CallToolAsync("find_releases", new Dictionary<string, object?> { ["organizationSlug"] = "acme" }, cancellationToken: cts.Token).AsTask();
        await Eventually.UntilAsync(async () => (await server.RequestsAsync()).Any(r => r.Path == path));
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        var whoami = await server.CallAsync("whoami", client: client);

        Assert.False(whoami.IsError, whoami.Text);
        Assert.Contains("Jane Doe", whoami.Text);
    }
}
