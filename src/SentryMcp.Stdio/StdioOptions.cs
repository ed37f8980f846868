using SentryMcp.Core.Api;
using SentryMcp.Core.Tools;

namespace SentryMcp.Stdio;

/// <summary>Command-line flags, compatible with the official <c>@sentry/mcp-server</c>.</summary>
internal sealed record StdioOptions(string AccessToken, SentryHost Host, SessionConstraints Constraints)
{
    public const string Usage = """
        Usage: sentry-mcp --access-token=<token> [options]

        A Sentry MCP server over stdio (JSON-RPC on stdout, logs on stderr).

        Options:
          --access-token=<token>       Sentry user auth token (or SENTRY_ACCESS_TOKEN)
          --host=<host[:port]>         Self-hosted Sentry host (or SENTRY_HOST); default sentry.io
          --insecure-http              Use http:// for --host (local or test installations only)
          --organization-slug=<slug>   Pin every call to this organization
          --project-slug=<slug>        Pin every call to this project (needs --organization-slug)
          --help                       Show this help
          --version                    Show the version
        """;

    /// <summary>Parses flags; returns null with an error message when they are unusable.</summary>
    public static StdioOptions? Parse(string[] args, Func<string, string?> env, out string? error, out bool helpOrVersion)
    {
        error = null;
        helpOrVersion = false;
        string? token = null, host = null, org = null, project = null;
        var insecure = false;
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
            error = "--project-slug needs --organization-slug.";
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
        return new StdioOptions(token.Trim(), sentryHost!, new SessionConstraints(org, project));
    }

    private static bool IsSlug(string value) =>
        value.Length is > 0 and <= 100 && value is not ("." or "..") && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
