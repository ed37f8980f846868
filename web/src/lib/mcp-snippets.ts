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
