using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using SentryMcp.Server.Chat.Agent;
using SentryMcp.Server.Chat.Config;

namespace SentryMcp.Server.Hosting;

/// <summary>Where the start-up banner is written: the console, unless a test or the JSON log format says otherwise.</summary>
public sealed record StartupBannerOutput(TextWriter? Writer);

/// <summary>
/// Once the server listens, one banner says where to go: the web UI, the MCP endpoint, the sandbox's
/// demo token when it runs on demo data, and whether the chat has a model. The embedded sandbox's own
/// loopback port is an implementation detail and is not announced. The banner goes to the console
/// as plain text, not through the logger: log lines never carry a token (the scrubber masks every
/// Sentry token, the public demo one included). With <c>LOG_FORMAT=json</c> the console is for JSON
/// lines only, so the banner is a log entry there, its token masked like any other.
/// </summary>
public static class StartupBanner
{
    public static void LogWhereToStart(this WebApplication app)
    {
        var json = string.Equals(app.Configuration["LOG_FORMAT"]?.Trim(), "json", StringComparison.OrdinalIgnoreCase) ||
            string.Equals(app.Configuration["Logging:Console:FormatterName"], "json", StringComparison.OrdinalIgnoreCase);
        var writer = app.Services.GetService<StartupBannerOutput>() is { } output ? output.Writer : json ? null : Console.Out;
        // Options are read once the host started, that is after ValidateOnStart reported every bad setting.
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var options = app.Services.GetRequiredService<IOptions<SentryHostOptions>>().Value;
            var hasModel = app.Services.GetRequiredService<ChatClientHolder>().Client is not null;
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            if (Origin(options.PublicUrl, addresses) is not { } origin)
            {
                return;
            }
            var text = Text(origin, options.UsingSandbox, hasModel);
            if (writer is null)
            {
                app.Logger.LogInformation("{Banner}", text);
            }
            else
            {
                writer.WriteLine();
                writer.WriteLine(text);
                writer.WriteLine();
                writer.Flush();
            }
        });
    }

    /// <summary>The lines of the entry, for an origin such as <c>http://localhost:5000</c>.</summary>
    public static string Text(string origin, bool usingSandbox, bool hasModel)
    {
        var lines = new List<string>
        {
            "Sentry MCP Chat is running.",
            $"  Web UI and chat:  {origin}/",
            $"  MCP endpoint:     {origin}/mcp",
        };
        if (usingSandbox)
        {
            lines.Add($"  Demo mode:        built-in Sentry sandbox (organization 'acme'); demo token {SentryMcp.Sandbox.SandboxOptions.DefaultToken}");
            lines.Add("                    set SENTRY_HOST and SENTRY_CLIENT_ID/SENTRY_CLIENT_SECRET to use your own Sentry");
        }
        lines.Add(hasModel
            ? "  Chat model:       configured"
            : "  Chat model:       none, so the chat cannot answer questions; set OPENAI_API_KEY, or OPENAI_BASE_URL for Ollama and other OpenAI-compatible servers");
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>
    /// PUBLIC_URL when set; else the first address Kestrel bound, with a wildcard or loopback host
    /// written as <c>localhost</c> (the name the sign-in cookies and redirects are set up for).
    /// </summary>
    public static string? Origin(string? publicUrl, IEnumerable<string> addresses)
    {
        if (publicUrl is not null)
        {
            return publicUrl.TrimEnd('/');
        }
        var first = addresses.OrderBy(a => a.StartsWith("https:", StringComparison.Ordinal) ? 1 : 0).FirstOrDefault();
        if (first is null)
        {
            return null;
        }
        var normalized = first.Replace("://+:", "://localhost:", StringComparison.Ordinal).Replace("://*:", "://localhost:", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri))
        {
            return first.TrimEnd('/');
        }
        var host = uri.Host is "0.0.0.0" or "[::]" or "::" or "127.0.0.1" or "[::1]" or "::1" ? "localhost" : uri.Host;
        return $"{uri.Scheme}://{host}:{uri.Port}";
    }
}
