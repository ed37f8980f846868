import { Lock } from "lucide-react";
import type { MetadataState } from "../../hooks/use-app-data";
import { humanDescription } from "../../lib/tool-description";
import { Button } from "../ui/button";
import { LoadError } from "../ui/load-error";

export function Capabilities({ metadata, signedIn, onSignIn }: { metadata: MetadataState; signedIn: boolean; onSignIn: () => void }) {
  return (
    <section aria-labelledby="capabilities-heading" data-testid="capabilities">
      <h2 id="capabilities-heading" className="text-lg font-semibold">
        Tools and prompts
      </h2>
      {!signedIn && (
        <div className="mt-3 flex flex-wrap items-center gap-3 rounded-lg border border-dashed border-zinc-300 p-4 text-sm dark:border-zinc-700">
          <Lock className="h-4 w-4 text-zinc-500" aria-hidden />
          <span className="flex-1">Connect with Sentry to see the tools and prompts your account can use.</span>
          <Button size="sm" onClick={onSignIn}>
            Connect with Sentry
          </Button>
        </div>
      )}
      {metadata.state === "loading" && <p className="mt-3 text-sm text-zinc-500">Loading…</p>}
      {metadata.state === "error" && (
        <div className="mt-3">
          <LoadError testId="metadata-error" onRetry={metadata.retry}>
            Could not load the tool list: {metadata.message}
          </LoadError>
        </div>
      )}
      {metadata.state === "ready" && (
        <div className="mt-3 grid gap-6 md:grid-cols-2">
          <div>
            <h3 className="mb-2 text-sm font-semibold text-zinc-600 dark:text-zinc-400">Tools ({metadata.metadata.tools.length})</h3>
            <ul className="space-y-2" data-testid="tool-list">
              {metadata.metadata.tools.map((t) => (
                <li key={t.name} className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
                  <span className="font-mono text-sm font-medium">{t.name}</span>
                  {!t.readOnly && (
                    <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-[11px] font-medium text-amber-800 dark:bg-amber-900/50 dark:text-amber-200">writes</span>
                  )}
                  <p className="mt-1 line-clamp-3 text-xs text-zinc-600 dark:text-zinc-400">{humanDescription(t.description)}</p>
                </li>
              ))}
            </ul>
          </div>
          <div>
            <h3 className="mb-2 text-sm font-semibold text-zinc-600 dark:text-zinc-400">Prompts ({metadata.metadata.prompts.length})</h3>
            <ul className="space-y-2" data-testid="prompt-list">
              {metadata.metadata.prompts.map((p) => (
                <li key={p.name} className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
                  <span className="font-mono text-sm font-medium">{p.name}</span>
                  <p className="mt-1 line-clamp-3 text-xs text-zinc-600 dark:text-zinc-400">{humanDescription(p.description)}</p>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </section>
  );
}
