import { LogIn, Wrench } from "lucide-react";
import { Button } from "@/components/ui/button";
import { LoadError } from "@/components/ui/load-error";
import { SampleQuestions } from "./sample-questions";

/** Tools worth offering first when there is no model to ask: they need no arguments beyond an organization. */
export const starterTools = ["whoami", "find_organizations", "find_projects", "search_issues"];

interface ChatWelcomeProps {
  signedIn: boolean;
  /** False when the server has no model: tool actions replace the sample questions. */
  llmConfigured: boolean;
  busy: boolean;
  toolNames: string[];
  /** Set when the tool list failed to load: shown, with its Retry, instead of the tool actions. */
  toolsError?: { message: string; retry: () => void };
  onAsk: (question: string) => void;
  onOpenTools: (name: string) => void;
  onSignIn: () => void;
}

/** What an empty conversation shows: how to start, given what the user and the server can do. */
export function ChatWelcome({ signedIn, llmConfigured, busy, toolNames, toolsError, onAsk, onOpenTools, onSignIn }: ChatWelcomeProps) {
  const starters = starterTools.filter((t) => toolNames.includes(t));
  return (
    <div className="py-8 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">{llmConfigured ? "Ask about your Sentry data" : "Run Sentry tools"}</h1>
      <p className="mx-auto mt-2 max-w-md text-sm text-zinc-600 dark:text-zinc-400">
        {llmConfigured ? "The assistant uses Sentry's tools to look things up." : "Pick a tool and fill in its form; the result shows here."} Type{" "}
        <kbd className="rounded border px-1 font-mono text-xs">/</kbd> for commands.
      </p>
      <div className="mt-6 text-left">
        {!signedIn ? (
          <div className="rounded-xl border border-zinc-200 p-6 text-center dark:border-zinc-800">
            <p className="mb-3 text-sm">Connect your Sentry account to start.</p>
            <Button onClick={onSignIn} data-testid="chat-connect">
              <LogIn className="h-4 w-4" aria-hidden /> Connect with Sentry
            </Button>
          </div>
        ) : llmConfigured ? (
          <SampleQuestions onPick={onAsk} disabled={busy} />
        ) : toolsError ? (
          <LoadError testId="metadata-error" onRetry={toolsError.retry}>
            Could not load the tools: {toolsError.message}
          </LoadError>
        ) : (
          <div className="grid gap-2 sm:grid-cols-2" data-testid="tool-actions">
            {starters.map((name) => (
              <button
                key={name}
                type="button"
                onClick={() => onOpenTools(name)}
                data-testid={`tool-action-${name}`}
                className="flex items-center gap-2 rounded-xl border border-zinc-200 bg-white p-3 text-left text-sm text-zinc-700 transition-colors hover:border-brand-500 hover:bg-brand-50 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800"
              >
                <Wrench className="h-4 w-4 shrink-0 text-brand-500" aria-hidden />
                <span className="font-mono">{name}</span>
              </button>
            ))}
            <button
              type="button"
              onClick={() => onOpenTools("")}
              data-testid="tool-action-all"
              className="flex items-center gap-2 rounded-xl border border-dashed border-zinc-300 p-3 text-left text-sm text-zinc-700 hover:border-brand-500 dark:border-zinc-700 dark:text-zinc-300"
            >
              <Wrench className="h-4 w-4 shrink-0 text-zinc-400" aria-hidden />
              All tools (<code className="font-mono">/tools</code>)
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
