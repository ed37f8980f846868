using SentryMcp.Core.Api;
using SentryMcp.Core.Tools;

namespace SentryMcp.Stdio;

internal sealed partial record StdioOptions
{
    private static readonly Dictionary<string, Flag> ByName = Flags.ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>Flags accepted only to say clearly why they cannot be honoured.</summary>
    private static readonly Dictionary<string, string> Refused = new(StringComparer.Ordinal)
    {
        ["--anthropic-base-url"] = "--anthropic-base-url is not supported: this server has no Anthropic client. Use an OpenAI-compatible endpoint with --openai-base-url.",
        ["--anthropic-model"] = "--anthropic-model is not supported: this server has no Anthropic client. Use --openai-model with an OpenAI-compatible endpoint.",
        ["--sentry-dsn"] = "--sentry-dsn is not supported: the stdio server sends no telemetry of its own (errors go to stderr). Remove the flag.",
        ["--mcp-url"] = "--mcp-url is not supported: search_docs and get_doc read Sentry's docs site directly (set SENTRY_DOCS_URL to change it). Remove the flag.",
    };

    /// <summary>Parses flags and environment; returns null with an error message when they are unusable.</summary>
    public static StdioOptions? Parse(string[] args, Func<string, string?> env, out string? error, out StdioCommand command)
    {
        error = null;
        command = StdioCommand.Serve;
        var cli = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help" or "-v" or "--version")
            {
                command = arg is "-h" or "--help" ? StdioCommand.Help : StdioCommand.Version;
                return null;
            }
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? arg[..eq] : arg;
            if (!ByName.TryGetValue(name, out var flag))
            {
                error = arg.StartsWith('-') ? $"Unknown option '{arg}'." : $"Unexpected argument '{arg}': every option is a --flag.";
                return null;
            }
            if (flag.IsSwitch)
            {
                if (eq > 0)
                {
                    error = $"{name} takes no value; pass it alone to turn it on.";
                    return null;
                }
                cli[name] = "true";
                continue;
            }
            var value = eq > 0 ? arg[(eq + 1)..]
                : i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i]
                : null;
            if (string.IsNullOrWhiteSpace(value))
            {
                error = $"{name} needs a value, e.g. {name}={flag.Value}.";
                return null;
            }
            cli[name] = value.Trim();
        }
        foreach (var (name, message) in Refused)
        {
            if (cli.ContainsKey(name))
            {
                error = message;
                return null;
            }
        }
        return Resolve(cli, env, out error);
    }

    private static StdioOptions? Resolve(Dictionary<string, string> cli, Func<string, string?> env, out string? error)
    {
        string? Flag(string name) => cli.GetValueOrDefault(name);
        string? Env(string name) => NonEmpty(env(name));

        if (!TrySwitch(cli, env, "--insecure-http", "SENTRY_INSECURE_HTTP", out var insecure, out error)
            || !TrySwitch(cli, env, "--all-tools", "MCP_ALL_TOOLS", out var allTools, out error)
            || !TryHost(Flag("--url"), Flag("--host"), Env("SENTRY_URL"), Env("SENTRY_HOST"), insecure, out var host, out error)
            || !TryModel(Flag("--agent-provider"), Env("EMBEDDED_AGENT_PROVIDER"), Flag("--openai-base-url"), Env("OPENAI_BASE_URL"), Flag("--openai-model"), out var settings, out error)
            || !TrySkills(Flag("--skills"), cli.ContainsKey("--all-skills"), Env("MCP_SKILLS"), Flag("--disable-skills"), Env("MCP_DISABLE_SKILLS"), out var skills, out error))
        {
            return null;
        }
        var token = Flag("--access-token") ?? Env("SENTRY_ACCESS_TOKEN");
        if (token is null)
        {
            error = "No access token. Pass --access-token=<token> or set SENTRY_ACCESS_TOKEN.";
            return null;
        }
        var org = Flag("--organization-slug") ?? Env("SENTRY_ORGANIZATION_SLUG");
        var project = Flag("--project-slug") ?? Env("SENTRY_PROJECT_SLUG");
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
        return new StdioOptions(token, host!, new SessionConstraints(org, project), skills!, allTools ? ToolSurface.All : ToolSurface.Direct, settings!);
    }

    private static bool TrySwitch(Dictionary<string, string> cli, Func<string, string?> env, string flag, string variable, out bool on, out string? error)
    {
        error = null;
        on = cli.ContainsKey(flag);
        if (!on && NonEmpty(env(variable)) is { } text && !bool.TryParse(text, out on))
        {
            error = $"{variable} must be true or false, not '{text}'.";
            return false;
        }
        return true;
    }

    /// <summary>
    /// <c>--url</c> wins over <c>--host</c> as in the official server; a flag of either kind wins over
    /// both variables (the official lets <c>SENTRY_URL</c> beat a <c>--host</c> flag, which surprises).
    /// </summary>
    private static bool TryHost(string? urlFlag, string? hostFlag, string? urlEnv, string? hostEnv, bool insecure, out SentryHost? host, out string? error)
    {
        host = null;
        error = null;
        var url = urlFlag ?? (hostFlag is null ? urlEnv : null);
        if (url is not null)
        {
            if (insecure)
            {
                error = "--insecure-http cannot be used with --url or SENTRY_URL. Use --host for an http-only self-hosted Sentry.";
                return false;
            }
            if (!url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
                || string.IsNullOrEmpty(uri.Host) || !string.IsNullOrEmpty(uri.UserInfo) || uri.AbsolutePath.Length > 1 || !string.IsNullOrEmpty(uri.Query))
            {
                error = $"Invalid Sentry URL '{url}'. --url (or SENTRY_URL) is a full https URL without a path, e.g. https://sentry.example.com.";
                return false;
            }
            host = new SentryHost(uri);
            return true;
        }
        if (!SentryHost.TryParse(hostFlag ?? hostEnv, insecure, out host, out error))
        {
            return false;
        }
        if (insecure && SentryHost.SaasRegionHosts.Contains(host!.BaseUri.Host))
        {
            error = "--insecure-http is only for self-hosted Sentry hosts, not sentry.io.";
            return false;
        }
        return true;
    }

    /// <summary>The search translator's provider and model: flags become configuration that wins over the variables.</summary>
    private static bool TryModel(string? providerFlag, string? providerEnv, string? baseUrlFlag, string? baseUrlEnv, string? modelFlag,
        out Dictionary<string, string?>? settings, out string? error)
    {
        settings = null;
        error = null;
        var source = providerFlag is not null ? "--agent-provider" : "EMBEDDED_AGENT_PROVIDER";
        switch ((providerFlag ?? providerEnv)?.ToLowerInvariant())
        {
            case null or "openai":
                break;
            case "azure-openai" when (baseUrlFlag ?? baseUrlEnv) is null:
                error = $"{source}=azure-openai needs the Azure OpenAI v1 endpoint: pass --openai-base-url=https://<resource>.openai.azure.com/openai/v1/ (or set OPENAI_BASE_URL).";
                return false;
            case "azure-openai":
                break;
            case "anthropic" or "openrouter":
                error = $"{source}={(providerFlag ?? providerEnv)!.ToLowerInvariant()} is not supported: this server talks to OpenAI-compatible APIs only. " +
                    "Use --agent-provider=openai with --openai-base-url (OpenRouter: https://openrouter.ai/api/v1 with its key in OPENAI_API_KEY).";
                return false;
            default:
                error = $"Invalid agent provider '{providerFlag ?? providerEnv}' ({source}). Use openai or azure-openai.";
                return false;
        }
        settings = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (baseUrlFlag is not null)
        {
            if (!Uri.TryCreate(baseUrlFlag, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                error = $"Invalid --openai-base-url '{baseUrlFlag}': use an http(s) API root, e.g. https://api.openai.com/v1.";
                return false;
            }
            settings["OPENAI_BASE_URL"] = baseUrlFlag;
        }
        if (modelFlag is not null)
        {
            settings["OPENAI_MODEL"] = modelFlag;
        }
        return true;
    }

    private static bool TrySkills(string? skillsFlag, bool allSkills, string? skillsEnv, string? disableFlag, string? disableEnv,
        out IReadOnlySet<Skill>? skills, out string? error)
    {
        skills = null;
        if (skillsFlag is not null && allSkills)
        {
            error = "--all-skills cannot be combined with --skills.";
            return false;
        }
        // --all-skills also overrides MCP_SKILLS, as in the official CLI.
        var list = skillsFlag ?? (allSkills ? null : skillsEnv);
        (skills, error) = SkillChoice.Resolve(list, disableFlag ?? disableEnv,
            skillsFlag is not null ? "--skills" : "MCP_SKILLS", disableFlag is not null ? "--disable-skills" : "MCP_DISABLE_SKILLS");
        return skills is not null;
    }
}
