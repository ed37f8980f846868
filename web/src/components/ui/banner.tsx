import type { ReactNode } from "react";
import { AlertTriangle, Info, X } from "lucide-react";
import { cn } from "./cn";

interface BannerProps {
  tone: "info" | "warning" | "error";
  children: ReactNode;
  testId?: string;
  /** Shows a close button; the caller remembers that the banner was closed. */
  onDismiss?: () => void;
}

export function Banner({ tone, children, testId, onDismiss }: BannerProps) {
  const Icon = tone === "info" ? Info : AlertTriangle;
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      data-testid={testId}
      className={cn(
        // Small on a phone: one short line of text, the icon and the close button.
        "flex items-start gap-2 rounded-lg border px-2.5 py-1.5 text-xs sm:px-3 sm:py-2 sm:text-sm",
        tone === "info" && "border-sky-200 bg-sky-50 text-sky-900 dark:border-sky-900 dark:bg-sky-950/50 dark:text-sky-100",
        tone === "warning" && "border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-900 dark:bg-amber-950/50 dark:text-amber-100",
        tone === "error" && "border-red-200 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950/50 dark:text-red-100",
      )}
    >
      <Icon className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
      <div className="min-w-0 flex-1">{children}</div>
      {onDismiss && (
        <button
          type="button"
          onClick={onDismiss}
          aria-label="Dismiss"
          data-testid={testId ? `${testId}-dismiss` : undefined}
          className="-m-1 shrink-0 rounded p-1 opacity-70 hover:opacity-100 focus-visible:opacity-100"
        >
          <X className="h-4 w-4" aria-hidden />
        </button>
      )}
    </div>
  );
}
