using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using SentryMcp.Sandbox;

namespace SentryMcp.Server.Tests;

/// <summary>
/// The real host on a loopback port, exactly as production builds it (Kestrel, embedded sandbox,
/// real middleware). One per test class; subclasses change configuration.
/// </summary>
public class ServerFixture : IAsyncLifetime
{
    public WebApplication App { get; private set; } = null!;
    public Uri BaseUri { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;

    /// <summary>Each fixture has its own database file, deleted at the end.</summary>
    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"sentry-mcp-test-{Guid.NewGuid():N}.db");

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>The host's <see cref="TimeProvider"/>: a test moves it forward to reach an expiry without waiting.</summary>
    public MovableClock Clock { get; } = new();

    /// <summary>Extra host configuration for a fixture (e.g. a log capture).</summary>
    protected virtual void Configure(WebApplicationBuilder builder)
    {
    }

    public virtual Task InitializeAsync() => StartAsync("http://127.0.0.1:0");

    /// <summary>Stops the host and starts a new one on the same address and database.</summary>
    public async Task RestartAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Http.Dispose();
        await StartAsync(BaseUri.ToString().TrimEnd('/'));
    }

    private readonly List<WebApplication> _otherInstances = [];

    private async Task StartAsync(string urls)
    {
        App = Build(urls);
        await App.StartAsync();
        BaseUri = AddressOf(App);
        Http = new HttpClient { BaseAddress = BaseUri };
    }

    /// <summary>
    /// Another instance of the host on the same database (so the same key ring and signing keys), as a
    /// scaled-out deployment runs them; stopped with the fixture.
    /// </summary>
    public async Task<Uri> StartSecondInstanceAsync()
    {
        var app = Build("http://127.0.0.1:0");
        await app.StartAsync();
        _otherInstances.Add(app);
        return AddressOf(app);
    }

    private WebApplication Build(string urls) => ServerApp.Build(["--urls", urls, "--environment", "Production"], builder =>
    {
        builder.Configuration["ConnectionStrings:Database"] = $"Data Source={DatabasePath}";
        builder.Services.AddSingleton<TimeProvider>(Clock);
        // The writer of every answer here is this process, so no writer can die while its readers wait;
        // on a saturated machine a 3 s lease renewal ran over the default 10 s late and answers ended as
        // TURN_LOST. Expiry is tested on a fake clock (TurnLeaseTests) and by killing an instance (ScaleChatTests).
        builder.Configuration["Chat:TurnLeaseTtl"] = "00:05:00";
        foreach (var (key, value) in Settings)
        {
            builder.Configuration[key] = value;
        }
        Configure(builder);
    });

    private static Uri AddressOf(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");

    public async Task<McpClient> ConnectAsync(string path = "mcp", HttpTransportMode mode = HttpTransportMode.StreamableHttp, string? sentryToken = SandboxOptions.DefaultToken, McpClientOptions? clientOptions = null)
    {
        var headers = new Dictionary<string, string>();
        if (sentryToken is not null)
        {
            headers["Authorization"] = "Sentry-Bearer " + sentryToken;
        }
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(BaseUri, path),
            TransportMode = mode,
            AdditionalHeaders = headers,
        });
        // On a busy machine the SDK's 5 s server/discover probe (2026-07-28) can run out before the
        // host answers; the client would then fall back to an older protocol version.
        clientOptions ??= new McpClientOptions();
        clientOptions.DiscoverProbeTimeout = TimeSpan.FromSeconds(30);
        return await McpClient.CreateAsync(transport, clientOptions);
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var other in _otherInstances)
        {
            await other.StopAsync();
            await other.DisposeAsync();
        }
        Http?.Dispose();
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(DatabasePath);
    }
}
