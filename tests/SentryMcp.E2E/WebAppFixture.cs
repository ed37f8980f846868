using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SentryMcp.Server;

namespace SentryMcp.E2E;

/// <summary>
/// The real host on a loopback port (embedded sandbox, real middleware, the built UI from wwwroot)
/// and Debian's chromium driven by Playwright. One per collection; each test opens its own context.
/// </summary>
public class WebAppFixture : IAsyncLifetime
{
    private IPlaywright _playwright = null!;

    public WebApplication App { get; private set; } = null!;
    public Uri BaseUri { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"sentry-mcp-e2e-{Guid.NewGuid():N}.db");

    protected virtual Task<IDictionary<string, string?>> SettingsAsync() => Task.FromResult<IDictionary<string, string?>>(new Dictionary<string, string?>());

    public virtual async Task InitializeAsync()
    {
        var settings = await SettingsAsync();
        App = ServerApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Production"], builder =>
        {
            builder.Configuration["ConnectionStrings:Database"] = $"Data Source={_databasePath}";
            // Every test signs in as the sandbox's one user, and each page load, tool run and chat turn
            // calls /mcp as that user: a collection passes the default 60 MCP requests a minute, and the
            // page then answers "too many Sentry requests" (or loads no tools). A fixture may set its own.
            builder.Configuration["RateLimits:PerUserPerMinute"] = "10000";
            // One in-process instance writes and follows every answer here, so no writer can die while
            // its tab reads; on a saturated machine a 3 s renewal timer ran more than the default 10 s
            // late and an answer ended as TURN_LOST. Lease expiry is tested with a fake clock
            // (TurnLeaseTests) and by killing an instance (ScaleChatTests), not by these browser tests.
            builder.Configuration["Chat:TurnLeaseTtl"] = "00:05:00";
            foreach (var (key, value) in settings)
            {
                builder.Configuration[key] = value;
            }
        });
        await App.StartAsync();
        var address = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        // "localhost" rather than 127.0.0.1: the session cookie and OAuth redirects are set up for it.
        BaseUri = new Uri(address.Replace("127.0.0.1", "localhost").TrimEnd('/') + "/");
        Http = new HttpClient { BaseAddress = BaseUri };

        _playwright = await Playwright.CreateAsync();
        // The suite runs next to the other test projects on a 2-core CI machine: give assertions the
        // same patience as actions instead of Playwright's 5 s default.
        Assertions.SetDefaultExpectTimeout(15_000);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (own cookies and storage) with a page on the host.</summary>
    public async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL = BaseUri.ToString();
        options.ViewportSize ??= new ViewportSize { Width = 1280, Height = 900 };
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(message.Text);
            }
        };
        CspViolations[page] = problems;
        return page;
    }

    /// <summary>CSP violations the page reported on its console; the page CSP must never block the UI.</summary>
    public Dictionary<IPage, List<string>> CspViolations { get; } = [];

    public virtual async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_databasePath);
    }
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebAppFixture>
{
    public const string Name = "web";
}
