export interface ClientSnippet {
  id: string;
  client: string;
  where: string;
  language: "json" | "bash";
  code: string;
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** Setup snippets for common MCP clients; all of them discover OAuth from the 401 on their own. */
export function clientSnippets(mcpUrl: string, sseUrl: string): ClientSnippet[] {
  return [
    {
      id: "claude-code",
      client: "Claude Code",
      where: "Run in a terminal, then /mcp in Claude Code to sign in",
      language: "bash",
      code: `claude mcp add --transport http sentry ${mcpUrl}`,
    },
    {
      id: "cursor",
      client: "Cursor",
      where: "~/.cursor/mcp.json",
      language: "json",
      code: json({ mcpServers: { sentry: { url: mcpUrl } } }),
    },
    {
      id: "vscode",
      client: "VS Code",
      where: ".vscode/mcp.json",
      language: "json",
      code: json({ servers: { sentry: { type: "http", url: mcpUrl } } }),
    },
    {
      id: "windsurf",
      client: "Windsurf",
      where: "~/.codeium/windsurf/mcp_config.json",
      language: "json",
      code: json({ mcpServers: { sentry: { serverUrl: mcpUrl } } }),
    },
    {
      id: "zed",
      client: "Zed",
      where: "settings.json (uses mcp-remote)",
      language: "json",
      code: json({ context_servers: { sentry: { source: "custom", command: "npx", args: ["-y", "mcp-remote", mcpUrl] } } }),
    },
    {
      id: "inspector",
      client: "MCP Inspector",
      where: "Run in a terminal; choose Streamable HTTP",
      language: "bash",
      code: `npx @modelcontextprotocol/inspector\n# Transport: Streamable HTTP, URL: ${mcpUrl}`,
    },
    {
      id: "sse",
      client: "Older clients (SSE)",
      where: "For clients without Streamable HTTP",
      language: "json",
      code: json({ mcpServers: { sentry: { command: "npx", args: ["-y", "mcp-remote", sseUrl, "--transport", "sse-only"] } } }),
    },
  ];
}

/** The stdio server as a .NET tool: `--yes` skips the download prompt, which an MCP client could not answer. */
export const STDIO_COMMAND = "dotnet";
export const STDIO_ARGS = ["tool", "execute", "SentryMcp", "--yes"];
const TOKEN_PLACEHOLDER = "<sentry user token>";
// The token goes in the environment, not in args, where other local users can read it in the process list.
const stdioEnv = { SENTRY_ACCESS_TOKEN: TOKEN_PLACEHOLDER };
const stdioServer = { command: STDIO_COMMAND, args: STDIO_ARGS, env: stdioEnv };

/** Setup snippets that run our stdio server locally against Sentry with a user auth token. */
export function stdioSnippets(): ClientSnippet[] {
  return [
    {
      id: "claude-desktop",
      client: "Claude Desktop",
      where: "claude_desktop_config.json (Settings → Developer → Edit Config)",
      language: "json",
      code: json({ mcpServers: { sentry: stdioServer } }),
    },
    {
      id: "cursor",
      client: "Cursor",
      where: "~/.cursor/mcp.json",
      language: "json",
      code: json({ mcpServers: { sentry: stdioServer } }),
    },
    {
      id: "vscode",
      client: "VS Code",
      where: ".vscode/mcp.json (asks for the token once and stores it as a secret)",
      language: "json",
      code: json({
        inputs: [{ type: "promptString", id: "sentry-token", description: "Sentry user auth token", password: true }],
        // biome-ignore lint/suspicious/noTemplateCurlyInString: VS Code's own input-variable syntax, written literally into the user's mcp.json.
        servers: { sentry: { type: "stdio", command: STDIO_COMMAND, args: STDIO_ARGS, env: { SENTRY_ACCESS_TOKEN: "${input:sentry-token}" } } },
      }),
    },
    {
      id: "zed",
      client: "Zed",
      where: "settings.json",
      language: "json",
      code: json({ context_servers: { sentry: { source: "custom", ...stdioServer } } }),
    },
    {
      id: "terminal",
      client: "Terminal",
      where: "Any shell; dnx SentryMcp --yes -- … is the same; self-hosted: add --host=sentry.example.com",
      language: "bash",
      code: `${STDIO_COMMAND} ${STDIO_ARGS.join(" ")} -- --access-token=${TOKEN_PLACEHOLDER}`,
    },
  ];
}
