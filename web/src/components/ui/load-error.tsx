import type { ReactNode } from "react";
import { AlertTriangle, RefreshCw } from "lucide-react";
import { Button } from "./button";

interface LoadErrorProps {
  /** What failed to load and why, e.g. "Could not load the tools: …". */
  children: ReactNode;
  onRetry: () => void;
  testId?: string;
}

/** A failed load in place of what it would have shown, with a button that tries again. */
export function LoadError({ children, onRetry, testId }: LoadErrorProps) {
  return (
    <div
      role="alert"
      data-testid={testId}
      className="flex flex-wrap items-center gap-2 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/50 dark:text-red-100"
    >
      <AlertTriangle className="h-4 w-4 shrink-0" aria-hidden />
      <span className="min-w-0 flex-1">{children}</span>
      <Button size="sm" variant="secondary" onClick={onRetry} data-testid={testId && `${testId}-retry`}>
        <RefreshCw className="h-3.5 w-3.5" aria-hidden /> Retry
      </Button>
    </div>
  );
}
