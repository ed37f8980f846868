import { useState } from "react";
import { clientSnippets } from "../../lib/mcp-snippets";
import { CopyButton } from "../ui/copy-button";
import { cn } from "../ui/cn";

export function SetupSnippets({ mcpUrl, sseUrl }: { mcpUrl: string; sseUrl: string }) {
  const snippets = clientSnippets(mcpUrl, sseUrl);
  const [selected, setSelected] = useState(snippets[0]?.id ?? "");
  const current = snippets.find((s) => s.id === selected) ?? snippets[0];
  return (
    <section aria-labelledby="setup-heading" data-testid="setup-snippets">
      <h2 id="setup-heading" className="text-lg font-semibold">
        Connect your MCP client
      </h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Clients sign in with OAuth on first use. Use <code className="font-mono">/sse</code> only for clients without Streamable HTTP.
      </p>
      <div role="tablist" aria-label="MCP clients" className="mt-3 flex flex-wrap gap-1">
        {snippets.map((s) => (
          <button
            key={s.id}
            role="tab"
            id={`tab-${s.id}`}
            aria-selected={s.id === current?.id}
            aria-controls="snippet-panel"
            data-testid={`snippet-tab-${s.id}`}
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
        <div id="snippet-panel" role="tabpanel" aria-labelledby={`tab-${current.id}`} className="mt-3 overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800">
          <div className="flex items-center justify-between border-b border-zinc-200 bg-zinc-50 px-3 py-1.5 text-xs text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400">
            <span>{current.where}</span>
            <CopyButton text={current.code} label="Copy snippet" />
          </div>
          <pre className="overflow-x-auto bg-white p-3 font-mono text-[13px] dark:bg-zinc-950" data-testid="snippet-code">
            {current.code}
          </pre>
        </div>
      )}
    </section>
  );
}
