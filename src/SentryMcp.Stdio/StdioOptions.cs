using SentryMcp.Core.Api;
using SentryMcp.Core.Tools;

namespace SentryMcp.Stdio;

/// <summary>Command-line flags, compatible with the official <c>@sentry/mcp-server</c>.</summary>
internal sealed record StdioOptions(string AccessToken, SentryHost Host, SessionConstraints Constraints, ToolSurface Surface = ToolSurface.Direct)
{
    /// <summary>Every flag with the environment variable that stands in for it (the flag wins).</summary>
    public static readonly IReadOnlyList<(string Flag, string? Value, string? Variable, string Help)> Flags =
    [
        ("--access-token", "<token>", "SENTRY_ACCESS_TOKEN", "Sentry user auth token (required)"),
        ("--host", "<host[:port]>", "SENTRY_HOST", "Self-hosted Sentry host; default sentry.io"),
        ("--insecure-http", null, "SENTRY_INSECURE_HTTP", "Use http:// for the host (local or test installations only)"),
        ("--organization-slug", "<slug>", "SENTRY_ORGANIZATION_SLUG", "Pin every call to this organization"),
        ("--project-slug", "<slug>", "SENTRY_PROJECT_SLUG", "Pin every call to this project (needs an organization)"),
        ("--all-tools", null, "MCP_ALL_TOOLS", "List every available tool in tools/list instead of the default set plus search_sentry_tools/execute_sentry_tool"),
        ("--help", null, null, "Show this help"),
        ("--version", null, null, "Show the version"),
    ];

    public static string Usage { get; } = BuildUsage();

    private static string BuildUsage()
    {
        var text = new System.Text.StringBuilder("""
            Usage: sentry-mcp --access-token=<token> [options]

            A Sentry MCP server over stdio (JSON-RPC on stdout, logs on stderr).

            Options (a flag wins over its environment variable):

            """);
        foreach (var (flag, value, variable, help) in Flags)
        {
            var name = value is null ? flag : $"{flag}={value}";
            text.Append($"  {name,-32}{help}\n");
            if (variable is not null)
            {
                text.Append($"  {"",-32}env: {variable}{(value is null ? " (true or false)" : "")}\n");
            }
        }
        text.Append("""

            Environment only:
              OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_MODEL
                                              Language model that turns plain text into Sentry search
                                              syntax (search_events, search_issues); without one the
                                              text is used as Sentry search syntax
              SENTRY_DOCS_URL                 Base URL for search_docs and get_doc
            """);
        return text.ToString();
    }

    /// <summary>Parses flags; returns null with an error message when they are unusable.</summary>
    public static StdioOptions? Parse(string[] args, Func<string, string?> env, out string? error, out bool helpOrVersion)
    {
        error = null;
        helpOrVersion = false;
        string? token = null, host = null, org = null, project = null;
        var insecure = false;
        var allTools = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? arg[..eq] : arg;
            string? TakeValue()
            {
                if (eq > 0)
                {
                    return arg[(eq + 1)..];
                }
                if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    return args[++i];
                }
                return null;
            }
            switch (name)
            {
                case "--help" or "-h" or "--version":
                    helpOrVersion = true;
                    return null;
                case "--insecure-http":
                    insecure = true;
                    break;
                case "--all-tools":
                    allTools = true;
                    break;
                case "--access-token" or "--host" or "--organization-slug" or "--project-slug":
                    var value = TakeValue();
                    if (string.IsNullOrWhiteSpace(value))
                    {
                        error = $"{name} needs a value, e.g. {name}=<value>.";
                        return null;
                    }
                    _ = name switch
                    {
                        "--access-token" => token = value,
                        "--host" => host = value,
                        "--organization-slug" => org = value,
                        _ => project = value,
                    };
                    break;
                default:
                    error = $"Unknown option '{arg}'.";
                    return null;
            }
        }
        token ??= env("SENTRY_ACCESS_TOKEN");
        host ??= env("SENTRY_HOST");
        org ??= NonEmpty(env("SENTRY_ORGANIZATION_SLUG"));
        project ??= NonEmpty(env("SENTRY_PROJECT_SLUG"));
        if (!insecure && NonEmpty(env("SENTRY_INSECURE_HTTP")) is { } insecureText && !bool.TryParse(insecureText, out insecure))
        {
            error = $"SENTRY_INSECURE_HTTP must be true or false, not '{insecureText}'.";
            return null;
        }
        if (!allTools && NonEmpty(env("MCP_ALL_TOOLS")) is { } allToolsText && !bool.TryParse(allToolsText, out allTools))
        {
            error = $"MCP_ALL_TOOLS must be true or false, not '{allToolsText}'.";
            return null;
        }
        if (string.IsNullOrWhiteSpace(token))
        {
            error = "No access token. Pass --access-token=<token> or set SENTRY_ACCESS_TOKEN.";
            return null;
        }
        if (!SentryHost.TryParse(host, insecure, out var sentryHost, out var hostError))
        {
            error = hostError;
            return null;
        }
        if (project is not null && org is null)
        {
            error = "--project-slug needs --organization-slug (or SENTRY_ORGANIZATION_SLUG).";
            return null;
        }
        foreach (var slug in new[] { org, project })
        {
            if (slug is not null && !IsSlug(slug))
            {
                error = $"Invalid slug '{slug}': use letters, digits, '-', '_' or '.'.";
                return null;
            }
        }
        return new StdioOptions(token.Trim(), sentryHost!, new SessionConstraints(org, project), allTools ? ToolSurface.All : ToolSurface.Direct);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool IsSlug(string value) =>
        value.Length is > 0 and <= 100 && value is not ("." or "..") && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
