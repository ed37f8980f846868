import { useState } from "react";
import { clientSnippets, stdioSnippets, type ClientSnippet } from "../../lib/mcp-snippets";
import { CopyButton } from "../ui/copy-button";
import { cn } from "../ui/cn";

export function SetupSnippets({ mcpUrl, sseUrl }: { mcpUrl: string; sseUrl: string }) {
  return (
    <section aria-labelledby="setup-heading" data-testid="setup-snippets">
      <h2 id="setup-heading" className="text-lg font-semibold">
        Connect your MCP client
      </h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Clients sign in with OAuth on first use. Use <code className="font-mono">/sse</code> only for clients without Streamable HTTP.
      </p>
      <SnippetTabs snippets={clientSnippets(mcpUrl, sseUrl)} prefix="snippet" label="MCP clients" />
    </section>
  );
}

/** The stdio server run locally by the client: a .NET tool, with a Sentry user auth token. */
export function StdioSnippets() {
  return (
    <section aria-labelledby="stdio-heading" data-testid="stdio-snippets">
      <h2 id="stdio-heading" className="text-lg font-semibold">
        Or run it locally over stdio
      </h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Needs the .NET 10 SDK and a Sentry user auth token; the client starts <code className="font-mono">sentry-mcp</code>{" "}
        itself and talks to Sentry directly.
      </p>
      <SnippetTabs snippets={stdioSnippets()} prefix="stdio-snippet" label="MCP clients over stdio" />
    </section>
  );
}

/** Tabs of snippets; `prefix` keeps element ids and test ids unique when two sets share a page. */
function SnippetTabs({ snippets, prefix, label }: { snippets: ClientSnippet[]; prefix: string; label: string }) {
  const [selected, setSelected] = useState(snippets[0]?.id ?? "");
  const current = snippets.find((s) => s.id === selected) ?? snippets[0];
  const panelId = `${prefix}-panel`;
  return (
    <>
      <div role="tablist" aria-label={label} className="mt-3 flex flex-wrap gap-1">
        {snippets.map((s) => (
          <button
            type="button"
            key={s.id}
            role="tab"
            id={`${prefix}-tab-${s.id}`}
            aria-selected={s.id === current?.id}
            aria-controls={panelId}
            data-testid={`${prefix}-tab-${s.id}`}
            onClick={() => setSelected(s.id)}
            className={cn(
              "rounded-lg px-3 py-1.5 text-sm font-medium",
              s.id === current?.id
                ? "bg-brand-600 text-white"
                : "bg-zinc-100 text-zinc-700 hover:bg-zinc-200 dark:bg-zinc-800 dark:text-zinc-300 dark:hover:bg-zinc-700",
            )}
          >
            {s.client}
          </button>
        ))}
      </div>
      {current && (
        <div id={panelId} role="tabpanel" aria-labelledby={`${prefix}-tab-${current.id}`} className="mt-3 overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800">
          <div className="flex items-center justify-between border-b border-zinc-200 bg-zinc-50 px-3 py-1.5 text-xs text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400">
            <span>{current.where}</span>
            <CopyButton text={current.code} label="Copy snippet" />
          </div>
          <pre className="overflow-x-auto bg-white p-3 font-mono text-[13px] dark:bg-zinc-950" data-testid={`${prefix}-code`}>
            {current.code}
          </pre>
        </div>
      )}
    </>
  );
}
