import { useEffect, useRef, type ReactNode } from "react";
import { X } from "lucide-react";
import { Button } from "./button";
import { cn } from "./cn";

interface DialogProps {
  open: boolean;
  title: string;
  description?: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
  /** The title is a tool's or prompt's name: set in the monospace code style, not as a sentence. */
  codeTitle?: boolean;
}

/**
 * The native modal <dialog>: focus trap, Esc to close and the top layer come from the browser.
 * It opens with the focus in its first field (or the element marked `data-autofocus`).
 */
export function Dialog({ open, title, description, onClose, children, testId, codeTitle = false }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal?.();
      // showModal focuses the first focusable element, which is the Close button: start in the
      // dialog's first field instead (a picker's filter box, a form's first input).
      dialog.querySelector<HTMLElement>("[data-autofocus], input:not([type=hidden]), select, textarea")?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
      returnFocus.current?.focus();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby="dialog-title"
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-2xl dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
    >
      {open && (
        <div className="flex max-h-[85vh] flex-col">
          <div className="flex items-start justify-between gap-4 border-b border-zinc-200 px-5 py-4 dark:border-zinc-800">
            <div className="min-w-0">
              <h2 id="dialog-title" className={cn("truncate text-base font-semibold", codeTitle && "font-mono")}>
                {title}
              </h2>
              {description && <p className="mt-1 line-clamp-3 text-sm text-zinc-600 dark:text-zinc-400">{description}</p>}
            </div>
            <Button variant="ghost" size="icon" aria-label="Close dialog" onClick={onClose}>
              <X className="h-4 w-4" aria-hidden />
            </Button>
          </div>
          <div className="overflow-y-auto px-5 py-4">{children}</div>
        </div>
      )}
    </dialog>
  );
}
