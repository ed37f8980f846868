using SentryMcp.Core.Api;
using SentryMcp.Core.Tools;

namespace SentryMcp.Stdio;

/// <summary>What the command line asks for besides serving.</summary>
internal enum StdioCommand
{
    Serve,
    Help,
    Version,
}

/// <summary>
/// Command-line flags, compatible with the official <c>@sentry/mcp-server</c> (its
/// <c>cli/parse.ts</c>, <c>resolve.ts</c> and <c>usage.ts</c>): the same flags and environment
/// variables, a flag winning over its variable. Flags this server cannot honour are refused by name
/// (exit 2) rather than accepted and silently ignored.
/// </summary>
/// <param name="Skills">The skills tools are narrowed to (<c>--skills</c>, <c>--disable-skills</c>).</param>
/// <param name="Settings">Configuration the flags override (the search translator's model settings).</param>
internal sealed partial record StdioOptions(
    string AccessToken,
    SentryHost Host,
    SessionConstraints Constraints,
    IReadOnlySet<Skill> Skills,
    ToolSurface Surface,
    IReadOnlyDictionary<string, string?> Settings)
{
    /// <summary>One flag: its value placeholder (null for a switch), the variables that stand in for it, and its help.</summary>
    internal sealed record Flag(string Name, string? Value, string Help, params string[] Variables)
    {
        public bool IsSwitch => Value is null;
    }

    /// <summary>Every flag, in the order <c>--help</c> lists them.</summary>
    public static readonly IReadOnlyList<Flag> Flags =
    [
        new("--access-token", "<token>", "Sentry user auth token (required)", "SENTRY_ACCESS_TOKEN"),
        new("--host", "<host[:port]>", "Self-hosted Sentry host; default sentry.io", "SENTRY_HOST"),
        new("--url", "<https-url>", "Self-hosted Sentry as a full https URL (wins over --host), e.g. https://sentry.example.com", "SENTRY_URL"),
        new("--insecure-http", null, "Use http:// for --host (local or test installations only; not with --url)", "SENTRY_INSECURE_HTTP"),
        new("--organization-slug", "<slug>", "Pin every call to this organization", "SENTRY_ORGANIZATION_SLUG"),
        new("--project-slug", "<slug>", "Pin every call to this project (needs an organization)", "SENTRY_PROJECT_SLUG"),
        new("--skills", "<list>", $"Only these skills' tools (comma-separated; default: every active skill): {SentrySkills.ValidIds}", "MCP_SKILLS"),
        new("--all-skills", null, "Every active skill (the default; cannot be combined with --skills, wins over MCP_SKILLS)"),
        new("--disable-skills", "<list>", "Remove these skills (comma-separated), e.g. --disable-skills=seer", "MCP_DISABLE_SKILLS"),
        new("--all-tools", null, "List every available tool in tools/list instead of the default set plus search_sentry_tools/execute_sentry_tool", "MCP_ALL_TOOLS"),
        new("--agent-provider", "<provider>", "Model provider for search_events/search_issues: openai, or azure-openai with --openai-base-url (anthropic and openrouter are not supported)", "EMBEDDED_AGENT_PROVIDER"),
        new("--openai-base-url", "<url>", "OpenAI-compatible API root, e.g. https://api.openai.com/v1 or http://localhost:11434/v1", "OPENAI_BASE_URL"),
        new("--openai-model", "<model>", $"Model that turns plain text into Sentry search syntax; default {Core.Search.SearchTranslatorOptions.DefaultModel}", "OPENAI_MODEL"),
        new("--anthropic-base-url", "<url>", "Not supported: this server has no Anthropic client (exits 2); use an OpenAI-compatible endpoint"),
        new("--anthropic-model", "<model>", "Not supported: this server has no Anthropic client (exits 2)"),
        new("--sentry-dsn", "<dsn>", "Not supported: the stdio server sends no telemetry of its own (exits 2)"),
        new("--mcp-url", "<url>", "Not supported: docs tools read SENTRY_DOCS_URL, nothing else uses an MCP URL (exits 2)"),
        new("--experimental", null, "Accepted for compatibility: this server has no experimental tool variants, so nothing changes"),
        new("--help", null, "Show this help (also -h)"),
        new("--version", null, "Show the version (also -v)"),
    ];

    public static string Usage { get; } = BuildUsage();

    private static string BuildUsage()
    {
        var text = new System.Text.StringBuilder("""
            Usage: sentry-mcp --access-token=<token> [options]

            A Sentry MCP server over stdio (JSON-RPC on stdout, logs on stderr).

            Options (a flag wins over its environment variable):

            """);
        foreach (var flag in Flags)
        {
            var name = flag.IsSwitch ? flag.Name : $"{flag.Name}={flag.Value}";
            text.Append($"  {name,-32}{flag.Help}\n");
            if (flag.Variables.Length > 0)
            {
                text.Append($"  {"",-32}env: {string.Join(", ", flag.Variables)}{(flag.IsSwitch ? " (true or false)" : "")}\n");
            }
        }
        text.Append($"""

            Skills: {string.Join(", ", SentrySkills.All.Select(s => s.Id + (s.Deprecated ? " (deprecated)" : "")))}

            Environment only:
              OPENAI_API_KEY                  Key for the model that turns plain text into Sentry search
                                              syntax (search_events, search_issues); without a key or
                                              base URL the text is used as Sentry search syntax
              SENTRY_DOCS_URL                 Base URL for search_docs and get_doc

            Examples:
              sentry-mcp --access-token=TOKEN --skills=inspect,triage
              sentry-mcp --access-token=TOKEN --host=sentry.internal:9000 --insecure-http --disable-skills=seer
            """);
        return text.ToString();
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool IsSlug(string value) =>
        value.Length is > 0 and <= 100 && value is not ("." or "..") && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
