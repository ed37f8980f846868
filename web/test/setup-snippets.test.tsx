import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { SetupSnippets, StdioSnippets } from "../src/components/features/setup-snippets";
import { stdioSnippets } from "../src/lib/mcp-snippets";

describe("stdio snippets", () => {
  it("start the .NET tool with dotnet tool execute and keep the token out of the arguments", () => {
    const json = stdioSnippets().filter((s) => s.language === "json");
    expect(json.map((s) => s.id)).toEqual(["claude-desktop", "cursor", "vscode", "zed"]);
    for (const snippet of json) {
      const config = JSON.parse(snippet.code) as Record<string, Record<string, { command: string; args: string[]; env: Record<string, string> }>>;
      const servers = config.mcpServers ?? config.servers ?? config.context_servers;
      const server = servers?.sentry;
      expect(server?.command).toBe("dotnet");
      expect(server?.args).toEqual(["tool", "execute", "SentryMcp", "--yes"]);
      expect(Object.keys(server?.env ?? {})).toEqual(["SENTRY_ACCESS_TOKEN"]);
      expect(snippet.code).not.toContain("--access-token");
    }
  });

  it("gives the terminal the same command with its flags after --", () => {
    const terminal = stdioSnippets().find((s) => s.id === "terminal");
    expect(terminal?.code).toBe("dotnet tool execute SentryMcp --yes -- --access-token=<sentry user token>");
  });

  it("render beside the remote snippets with their own tabs and test ids", async () => {
    render(
      <>
        <SetupSnippets mcpUrl="http://localhost:5000/mcp" sseUrl="http://localhost:5000/sse" />
        <StdioSnippets />
      </>,
    );
    expect(screen.getByTestId("snippet-code")).toHaveTextContent("claude mcp add --transport http sentry http://localhost:5000/mcp");
    expect(screen.getByTestId("stdio-snippet-code")).toHaveTextContent('"command": "dotnet"');

    await userEvent.click(screen.getByTestId("stdio-snippet-tab-zed"));
    expect(screen.getByTestId("stdio-snippet-code")).toHaveTextContent('"context_servers"');
    expect(screen.getByTestId("snippet-code")).toHaveTextContent("claude mcp add");
    expect(new Set(screen.getAllByRole("tab").map((tab) => tab.id)).size).toBe(screen.getAllByRole("tab").length);
  });
});
