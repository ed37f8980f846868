using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SentryMcp.Core.Docs;
using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Docs;

/// <summary>The index's caching over a real docs site (the sandbox), with a controllable clock.</summary>
public sealed class DocsIndexTests(McpServerFixture server) : IClassFixture<McpServerFixture>, IDisposable
{
    private readonly HttpClient _http = new();
    private readonly ManualClock _clock = new();

    [Fact]
    public async Task Index_is_reused_within_its_ttl_and_rebuilt_after_it()
    {
        using var index = CreateIndex();
        await server.Sandbox.DeleteAsync("/__sandbox/requests");

        await index.SearchAsync("django", 3, null, default);
        _clock.Advance(TimeSpan.FromMinutes(59));
        await index.SearchAsync("react", 3, null, default);
        var withinTtl = await IndexDownloadsAsync();
        _clock.Advance(TimeSpan.FromMinutes(2));
        var hits = await index.SearchAsync("django", 3, null, default);

        Assert.Equal(1, withinTtl);
        Assert.Equal(2, await IndexDownloadsAsync());
        Assert.Equal("/platforms/python/guides/django.md", hits[0].Path);
    }

    [Fact]
    public async Task Failed_rebuild_keeps_serving_the_previous_index()
    {
        using var index = CreateIndex();
        await index.SearchAsync("django", 3, null, default);
        await server.AddFaultAsync(new FaultRule(FaultKind.Status, PathPrefix: "/llms.txt", Count: -1, Status: 503));
        try
        {
            _clock.Advance(TimeSpan.FromHours(2));

            var hits = await index.SearchAsync("session replay", 3, null, default);

            Assert.Equal("/platforms/javascript/session-replay.md", hits[0].Path);
        }
        finally
        {
            await server.Sandbox.DeleteAsync("/__sandbox/faults");
        }
    }

    [Fact]
    public async Task First_build_failure_is_reported_and_retried_on_the_next_search()
    {
        using var index = CreateIndex();
        await server.AddFaultAsync(new FaultRule(FaultKind.Status, PathPrefix: "/llms.txt", Count: 1, Status: 502));

        var error = await Assert.ThrowsAsync<DocsUnavailableException>(() => index.SearchAsync("django", 3, null, default));
        var hits = await index.SearchAsync("django", 3, null, default);

        Assert.Contains("HTTP 502", error.Message);
        Assert.Equal("/platforms/python/guides/django.md", hits[0].Path);
    }

    [Fact]
    public void Llms_txt_entries_on_other_hosts_or_with_unsafe_paths_are_ignored()
    {
        var text = """
            # Sentry Documentation
            ## Platforms
            - [Python](https://docs.sentry.io/platforms/python.md): Python SDK
            - [Relative](/platforms/go.md): Go SDK
            - [Elsewhere](https://evil.example.com/platforms/python.md): not ours
            - [Traversal](https://docs.sentry.io/platforms/%2e%2e/secret.md): encoded
            Not a list line [Title](https://docs.sentry.io/x.md)
            """;

        var entries = LlmsTxt.Parse(text, new Uri("https://docs.sentry.io"));

        Assert.Equal(["/platforms/python.md", "/platforms/go.md"], entries.Select(e => e.Path));
        Assert.Equal("Python SDK", entries[0].Description);
        Assert.Equal("Platforms", entries[0].Section);
    }

    private DocsIndex CreateIndex()
    {
        var options = Options.Create(new DocsOptions { BaseUrl = server.SandboxUri.ToString() });
        var client = new DocsClient(new SingleClientFactory(_http), options);
        return new DocsIndex(client, options, NullLogger<DocsIndex>.Instance, _clock);
    }

    private async Task<int> IndexDownloadsAsync() => (await server.RequestsAsync()).Count(r => r.Path == "/llms.txt");

    public void Dispose() => _http.Dispose();

    private sealed class SingleClientFactory(HttpClient client) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => client;
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = DateTimeOffset.UtcNow;

        public void Advance(TimeSpan by) => _now += by;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
