import { useEffect } from "react";
import { Markdown } from "../src/components/chat/markdown";
import { viewFor } from "../src/views/registry";
import { ViewFrame } from "../src/views/view-frame";
import { type HostContext, resultText, type ToolResult } from "./bridge";

export type AppState =
  | { phase: "waiting" }
  | { phase: "result"; result: ToolResult; toolName: string | undefined }
  | { phase: "cancelled"; reason: string | undefined }
  | { phase: "failed"; message: string };

/**
 * What the resource draws: the chat's own view for the tool's structured output, the tool's text when
 * no view fits (an error, an unknown shape), or a status line while the host has not sent the result.
 */
export function McpApp({ state, tools }: { state: AppState; tools: readonly string[] }) {
  if (state.phase === "waiting") return <Status text="Waiting for the tool result…" />;
  if (state.phase === "cancelled") return <Status text={`The tool call was cancelled${state.reason ? `: ${state.reason}` : "."}`} />;
  if (state.phase === "failed") return <Status text={state.message} />;
  const { result } = state;
  const text = resultText(result);
  // The host names the tool it called (hostContext.toolInfo); otherwise the tools this resource draws.
  const candidates = [...new Set([state.toolName, ...tools].filter((t): t is string => typeof t === "string" && t.length > 0))];
  if (result.isError !== true && result.structuredContent) {
    for (const toolName of candidates) {
      const view = viewFor(toolName, result.structuredContent);
      if (view) return <ViewFrame view={view} text={text} toolName={toolName} />;
    }
  }
  return (
    <section className="px-3 py-2 text-sm" data-testid="mcp-app-text" aria-label="Tool result">
      {result.isError === true && <p className="mb-1 text-xs font-semibold text-red-700 dark:text-red-400">The tool reported an error.</p>}
      {text ? <Markdown text={text} /> : <p className="text-zinc-500 dark:text-zinc-400">The tool returned nothing to show.</p>}
    </section>
  );
}

function Status({ text }: { text: string }) {
  return (
    <p className="px-3 py-2 text-sm text-zinc-500 dark:text-zinc-400" role="status" data-testid="mcp-app-status">
      {text}
    </p>
  );
}

/** The theme the host asked for, or the system's when it did not say. */
export function useTheme(context: HostContext): void {
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = context.theme ?? (window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light");
    for (const [name, value] of Object.entries(context.styles?.variables ?? {})) {
      // Only custom properties, so a host cannot restyle anything but the variables the spec names.
      if (/^--[a-z0-9-]+$/.test(name) && typeof value === "string") root.style.setProperty(name, value);
    }
  }, [context]);
}
