using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SentryMcp.Sandbox;
using SentryMcp.Server.Hosting;

namespace SentryMcp.Server.Tests.Hosting;

/// <summary>The start-up log tells a newcomer where the web UI and the MCP endpoint are, once.</summary>
public sealed class StartupBannerTests : IDisposable
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"sentry-mcp-banner-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task A_host_on_the_embedded_sandbox_prints_the_web_ui_the_mcp_url_and_the_demo_token_once_outside_the_log()
    {
        var logs = new ConcurrentQueue<string>();
        var console = new StringWriter();
        await using var app = ServerApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Production"], builder =>
        {
            builder.Configuration["ConnectionStrings:Database"] = $"Data Source={_databasePath}";
            builder.Services.AddSingleton(new StartupBannerOutput(console));
            builder.Logging.AddProvider(new CaptureProvider(logs));
        });
        await app.StartAsync();
        try
        {
            var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
            var printed = console.ToString();
            Assert.Single(Regex.Matches(printed, "Sentry MCP Chat is running"));
            Assert.Contains($"Web UI and chat:  http://localhost:{port}/", printed);
            Assert.Contains($"MCP endpoint:     http://localhost:{port}/mcp", printed);
            Assert.Contains($"demo token {SandboxOptions.DefaultToken}", printed);
            Assert.Contains("Chat model:       none", printed);
            Assert.Contains("OPENAI_BASE_URL", printed);
            // The log itself keeps its rule: no token in any line.
            Assert.DoesNotContain(logs, l => l.Contains(SandboxOptions.DefaultToken, StringComparison.Ordinal));
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task With_json_logs_the_banner_is_one_log_entry_and_its_token_is_masked()
    {
        var logs = new ConcurrentQueue<string>();
        await using var app = ServerApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Production", "--LOG_FORMAT", "json"], builder =>
        {
            builder.Configuration["ConnectionStrings:Database"] = $"Data Source={_databasePath}";
            builder.Logging.AddProvider(new CaptureProvider(logs));
        });
        await app.StartAsync();
        try
        {
            var banner = Assert.Single(logs, l => l.Contains("Sentry MCP Chat is running", StringComparison.Ordinal));
            Assert.Contains("/mcp", banner);
            Assert.DoesNotContain(SandboxOptions.DefaultToken, banner);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    public void An_embedded_sandbox_does_not_announce_its_own_port_and_a_standalone_one_does()
    {
        using var embedded = SandboxApp.Create(["--SANDBOX_EMBEDDED", "true"]);
        using var standalone = SandboxApp.Create([]);
        static bool Announces(WebApplication app) =>
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.Hosting.Lifetime").IsEnabled(LogLevel.Information);
        Assert.False(Announces(embedded));
        Assert.True(Announces(standalone));
    }

    [Theory]
    [InlineData(null, "http://127.0.0.1:5000", "http://localhost:5000")]
    [InlineData(null, "http://[::]:8080", "http://localhost:8080")]
    [InlineData(null, "http://+:80", "http://localhost:80")]
    [InlineData(null, "http://mcp.internal:7000", "http://mcp.internal:7000")]
    [InlineData("https://mcp.example.com/", "http://127.0.0.1:5000", "https://mcp.example.com")]
    public void The_origin_is_the_public_url_or_the_bound_address_as_a_browser_would_open_it(string? publicUrl, string address, string expected) =>
        Assert.Equal(expected, StartupBanner.Origin(publicUrl, [address]));

    [Fact]
    public void With_a_model_and_own_sentry_the_banner_has_no_demo_or_model_hints()
    {
        var text = StartupBanner.Text("https://mcp.example.com", usingSandbox: false, hasModel: true);
        Assert.DoesNotContain("demo token", text);
        Assert.DoesNotContain("OPENAI_API_KEY", text);
        Assert.Contains("https://mcp.example.com/mcp", text);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_databasePath);
    }

    private sealed class CaptureProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CaptureLogger(lines);

        public void Dispose()
        {
        }
    }

    private sealed class CaptureLogger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel}: {formatter(state, exception)}");
    }
}
