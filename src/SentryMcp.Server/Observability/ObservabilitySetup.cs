using System.Runtime.CompilerServices;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SentryMcp.Core.Telemetry;

namespace SentryMcp.Server.Observability;

/// <summary>
/// Errors to Sentry when <c>SENTRY_DSN</c> is set (scrubbed of credentials), OpenTelemetry traces
/// and metrics (HTTP, MCP tool calls, LLM calls, Sentry API calls, rate-limit rejections) exported
/// over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, or to the console with
/// <c>Telemetry:Console=true</c>.
/// </summary>
public static class ObservabilitySetup
{
    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        // Quiet defaults for framework and library categories (one line per request per layer costs
        // ~15 % of an MCP call's CPU); inserted first so appsettings and environment still override.
        ((IConfigurationBuilder)config).Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
                ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
                ["Logging:LogLevel:ModelContextProtocol"] = "Warning",
                ["Logging:LogLevel:Polly"] = "Warning",
                ["Logging:LogLevel:OpenIddict"] = "Warning",
                ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
            },
        });
        // OpenIddict writes whole tokens in its Trace messages: never let them reach a log sink,
        // whatever level an operator turns on (the configured level, but never below Debug).
        var openIddict = Enum.TryParse<LogLevel>(config["Logging:LogLevel:OpenIddict"], ignoreCase: true, out var level) ? level : LogLevel.Warning;
        builder.Logging.AddFilter("OpenIddict", openIddict < LogLevel.Debug ? LogLevel.Debug : openIddict);
        builder.AddJsonLogsWhenAsked();
        ScrubbingLoggerFactory.Register(builder.Services);
        builder.Services.AddSingleton(BrowserErrorReporting.From(config, builder.Environment.EnvironmentName));
        var dsn = config["SENTRY_DSN"];
        if (!string.IsNullOrWhiteSpace(dsn))
        {
            AddSentrySdk(builder, dsn);
        }

        var otlp = !string.IsNullOrWhiteSpace(config["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var console = config.GetValue("Telemetry:Console", false);
        if (!otlp && !console)
        {
            // Nothing would receive the data: skip the listeners, which cost on every request.
            return builder;
        }
        AddOpenTelemetry(builder, otlp, console);
        return builder;
    }

    // The SDKs in methods of their own: the runtime loads an assembly when it first runs a method that
    // uses it, so a host without SENTRY_DSN or an exporter maps neither SDK (docs/benchmarks.md).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddSentrySdk(WebApplicationBuilder builder, string dsn)
    {
        var config = builder.Configuration;
        // The Sentry logger provider lets every level through to itself (its own filter beats the
        // category defaults above), so framework Information lines would be built on every request
        // and sent as breadcrumbs. Give it the same quiet categories; EF Core's error lines are
        // left out entirely because the failing request reports the same exception itself.
        builder.Services.Configure<LoggerFilterOptions>(o =>
        {
            foreach (var (category, quiet) in new[]
            {
                ("Microsoft.AspNetCore", LogLevel.Warning), ("System.Net.Http.HttpClient", LogLevel.Warning),
                ("ModelContextProtocol", LogLevel.Warning), ("Polly", LogLevel.Warning), ("OpenIddict", LogLevel.Warning),
                ("Microsoft.EntityFrameworkCore", LogLevel.None),
            })
            {
                o.Rules.Add(new LoggerFilterRule("Sentry.AspNetCore.SentryAspNetCoreLoggerProvider", category, quiet, null));
            }
        });
        builder.WebHost.UseSentry(o =>
        {
            o.Dsn = dsn;
            o.SendDefaultPii = false;
            o.MaxRequestBodySize = Sentry.Extensibility.RequestSize.None;
            o.Environment = config["SENTRY_ENVIRONMENT"] ?? builder.Environment.EnvironmentName;
            o.TracesSampleRate = 0;
            o.SetBeforeSend((e, _) => Scrub(e));
            o.SetBeforeBreadcrumb((b, _) => b.Message is null ? b : new Sentry.Breadcrumb(SecretScrubber.Scrub(b.Message)!, b.Type ?? "default", b.Data?.ToDictionary(k => k.Key, k => SecretScrubber.Scrub(k.Value)!), b.Category, b.Level));
        });
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddOpenTelemetry(WebApplicationBuilder builder, bool otlp, bool console)
    {
        var config = builder.Configuration;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(config["OTEL_SERVICE_NAME"] ?? "sentry-mcp"))
            .WithTracing(t =>
            {
                t.AddSource(SentryMcpTelemetry.Name)
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/healthz"))
                    .AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = (activity, request) =>
                        activity.SetTag("url.full", SecretScrubber.Scrub(request.RequestUri?.ToString())));
                if (otlp)
                {
                    t.AddOtlpExporter();
                }
                if (console)
                {
                    t.AddConsoleExporter();
                }
            })
            .WithMetrics(m =>
            {
                m.AddMeter(SentryMcpTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (otlp)
                {
                    m.AddOtlpExporter();
                }
                if (console)
                {
                    m.AddConsoleExporter();
                }
            });
    }

    /// <summary>
    /// <c>LOG_FORMAT=json</c> (or <c>Logging:Console:FormatterName=json</c>): one JSON object per console
    /// line, with the scopes, so lines written during a request carry its TraceId, SpanId and RequestId.
    /// </summary>
    private static void AddJsonLogsWhenAsked(this WebApplicationBuilder builder)
    {
        var format = builder.Configuration["LOG_FORMAT"]?.Trim();
        if (!string.IsNullOrEmpty(format) && !format.Equals("json", StringComparison.OrdinalIgnoreCase) && !format.Equals("simple", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"LOG_FORMAT '{format}' is not known: use 'json' for one JSON object per line, or 'simple' (the default).");
        }
        var json = format?.Equals("json", StringComparison.OrdinalIgnoreCase) == true ||
            string.Equals(builder.Configuration["Logging:Console:FormatterName"], "json", StringComparison.OrdinalIgnoreCase);
        if (!json)
        {
            return;
        }
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
        });
        builder.Services.Configure<LoggerFactoryOptions>(o =>
            o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
    }

    /// <summary>Strips credentials from an error report before it leaves the process.</summary>
    public static Sentry.SentryEvent? Scrub(Sentry.SentryEvent e)
    {
        foreach (var name in e.Request.Headers.Keys.Where(SecretScrubber.IsSensitiveHeader).ToList())
        {
            e.Request.Headers[name] = SecretScrubber.Mask;
        }
        e.Request.Cookies = null;
        e.Request.QueryString = SecretScrubber.Scrub(e.Request.QueryString);
        e.Request.Url = SecretScrubber.Scrub(e.Request.Url);
        e.Request.Data = null;
        if (e.Message is { } message)
        {
            e.Message = new Sentry.SentryMessage { Message = SecretScrubber.Scrub(message.Message), Formatted = SecretScrubber.Scrub(message.Formatted) };
        }
        foreach (var exception in e.SentryExceptions ?? [])
        {
            exception.Value = SecretScrubber.Scrub(exception.Value);
        }
        return e;
    }
}
