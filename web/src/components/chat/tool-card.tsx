import { useId, useMemo, useState } from "react";
import { Ban, CheckCircle2, ChevronRight, Loader2, ShieldQuestion, Wrench, XCircle } from "lucide-react";
import { Button } from "../ui/button";
import { CopyButton } from "../ui/copy-button";
import { cn } from "../ui/cn";
import { sizeHint } from "../../lib/tool-output";
import { approvalSentence } from "../../lib/approval-sentence";
import { viewFor } from "../../views/registry";
import { ViewFrame } from "../../views/view-frame";
import { Markdown } from "./markdown";

export type ToolCardStatus = "running" | "approval" | "done" | "error" | "denied";

export interface ToolCardProps {
  name: string;
  input: unknown;
  status: ToolCardStatus;
  result?: string;
  /** The tool's structuredContent: when a view knows its shape the card draws it instead of the text. */
  structured?: unknown;
  onApprove?: () => void;
  onDeny?: () => void;
}

const statusView: Record<ToolCardStatus, { label: string; className: string; icon: typeof Wrench }> = {
  running: { label: "Running", className: "text-sky-700 dark:text-sky-300", icon: Loader2 },
  approval: { label: "Needs approval", className: "text-amber-700 dark:text-amber-300", icon: ShieldQuestion },
  done: { label: "Done", className: "text-emerald-700 dark:text-emerald-400", icon: CheckCircle2 },
  error: { label: "Error", className: "text-red-700 dark:text-red-400", icon: XCircle },
  denied: { label: "Denied", className: "text-zinc-500 dark:text-zinc-400", icon: Ban },
};

function formatArgs(input: unknown): string {
  if (input === undefined || input === null) return "";
  if (typeof input === "object" && Object.keys(input).length === 0) return "";
  return JSON.stringify(input, null, 2);
}

export function ToolCard({ name, input, status, result, structured, onApprove, onDeny }: ToolCardProps) {
  const [open, setOpen] = useState(status === "error");
  const resultId = useId();
  const view = statusView[status];
  const Icon = view.icon;
  const args = formatArgs(input);
  const hasResult = result !== undefined && result !== "";
  const toolView = useMemo(() => (status === "done" ? viewFor(name, structured) : null), [status, name, structured]);

  return (
    <div
      className="my-2 rounded-lg border border-zinc-200 bg-zinc-50/60 text-sm dark:border-zinc-800 dark:bg-zinc-900/60"
      data-testid="tool-card"
      data-tool-name={name}
      data-status={status}
    >
      <div className="flex flex-wrap items-center gap-2 px-3 py-2">
        <Wrench className="h-4 w-4 shrink-0 text-zinc-500" aria-hidden />
        <span className="font-mono font-medium">{name}</span>
        <span className={cn("ml-auto inline-flex items-center gap-1 text-xs font-medium", view.className)} data-testid="tool-status">
          <Icon className={cn("h-3.5 w-3.5", status === "running" && "animate-spin")} aria-hidden />
          {view.label}
        </span>
      </div>
      {args && (
        <section aria-label={`Arguments for ${name}`}>
          <pre className="mx-3 mb-2 max-h-40 overflow-auto rounded bg-white p-2 font-mono text-xs text-zinc-700 dark:bg-zinc-950 dark:text-zinc-300">{args}</pre>
        </section>
      )}
      {status === "approval" && (
        <div className="flex flex-wrap items-center gap-2 border-t border-zinc-200 px-3 py-2 dark:border-zinc-800">
          <span className="text-xs text-zinc-700 dark:text-zinc-300" data-testid="approval-sentence">
            {approvalSentence(name, input)}? This changes data in Sentry.
          </span>
          <div className="ml-auto flex gap-2">
            <Button size="sm" variant="secondary" onClick={onDeny} data-testid="tool-deny">
              Deny
            </Button>
            <Button size="sm" onClick={onApprove} data-testid="tool-approve">
              Approve
            </Button>
          </div>
        </div>
      )}
      {toolView && <ViewFrame view={toolView} text={result ?? ""} toolName={name} />}
      {hasResult && !toolView && (
        <div className="border-t border-zinc-200 dark:border-zinc-800">
          <div className="flex items-center pr-1">
            <button
              type="button"
              className="flex min-w-0 flex-1 items-center gap-1 px-3 py-1.5 text-left text-xs text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"
              aria-expanded={open}
              aria-controls={resultId}
              onClick={() => setOpen((o) => !o)}
              data-testid="tool-result-toggle"
            >
              <ChevronRight className={cn("h-3.5 w-3.5 transition-transform", open && "rotate-90")} aria-hidden />
              {open ? "Hide result" : "Show result"} <span className="text-zinc-400">({sizeHint(result)})</span>
            </button>
            {/* The result as the tool wrote it (plain text), whether or not it is shown. */}
            <CopyButton text={result} label="Copy result" testId="tool-result-copy" />
          </div>
          {open && (
            <div id={resultId} className="max-h-96 overflow-auto px-3 pb-2" data-testid="tool-result">
              {status === "error" ? <pre className="whitespace-pre-wrap text-xs text-red-700 dark:text-red-300">{result}</pre> : <Markdown text={result} breaks />}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
