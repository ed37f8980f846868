import { MessageSquare } from "lucide-react";
import type { MetadataState } from "../../hooks/use-app-data";
import type { AppConfig } from "../../lib/api-schemas";
import { Button } from "../ui/button";
import { CopyButton } from "../ui/copy-button";
import { Capabilities } from "./capabilities";
import { SetupSnippets, StdioSnippets } from "./setup-snippets";

interface HomePageProps {
  config: AppConfig | undefined;
  signedIn: boolean;
  metadata: MetadataState;
  onSignIn: () => void;
  onOpenChat: () => void;
}

export function HomePage({ config, signedIn, metadata, onSignIn, onOpenChat }: HomePageProps) {
  return (
    <div className="min-h-0 flex-1 overflow-y-auto">
      <div className="mx-auto max-w-4xl space-y-10 px-4 py-8 sm:py-12">
        <section className="space-y-4">
          <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Talk to your Sentry data</h1>
          <p className="max-w-2xl text-zinc-600 dark:text-zinc-400">
            Sentry MCP gives AI assistants Sentry's tools: find issues and errors, read stack traces and traces, triage, and ask Seer
            for root causes. Chat with it here, or connect any MCP client.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button onClick={onOpenChat} data-testid="open-chat">
              <MessageSquare className="h-4 w-4" aria-hidden /> Open the chat
            </Button>
            {!signedIn && (
              <Button variant="secondary" onClick={onSignIn} data-testid="home-connect">
                Connect with Sentry
              </Button>
            )}
          </div>
        </section>

        <section aria-labelledby="url-heading" className="space-y-2">
          <h2 id="url-heading" className="text-lg font-semibold">
            MCP server URL
          </h2>
          <div className="flex items-center gap-2 rounded-lg border border-zinc-200 bg-zinc-50 py-1 pr-1 pl-3 dark:border-zinc-800 dark:bg-zinc-900">
            <code className="min-w-0 flex-1 truncate font-mono text-sm" data-testid="mcp-url">
              {config?.mcpUrl ?? "…"}
            </code>
            {config && <CopyButton text={config.mcpUrl} label="Copy URL" testId="copy-mcp-url" />}
          </div>
          {config && (
            <p className="text-xs text-zinc-500">
              Fallback for older clients (HTTP+SSE): <code className="font-mono">{config.sseUrl}</code>
            </p>
          )}
        </section>

        {config && <SetupSnippets mcpUrl={config.mcpUrl} sseUrl={config.sseUrl} />}

        <StdioSnippets />

        <Capabilities metadata={metadata} signedIn={signedIn} onSignIn={onSignIn} />

        <footer className="border-t border-zinc-200 pt-4 text-xs text-zinc-500 dark:border-zinc-800">
          Sentry MCP{config?.version ? ` ${config.version}` : ""} · <a className="underline" href="/llms.txt">llms.txt</a> ·{" "}
          <a className="underline" href="/mcp.json">mcp.json</a>
        </footer>
      </div>
    </div>
  );
}
