import { type ReactNode, useMemo, useState } from "react";
import { Dialog } from "../ui/dialog";

export interface PickerItem {
  name: string;
  description: string;
  badge?: string;
}

interface PickerDialogProps {
  open: boolean;
  title: string;
  items: PickerItem[];
  emptyText: string;
  /** Shown instead of `emptyText` when the list failed to load. */
  error?: ReactNode;
  onPick: (name: string) => void;
  onClose: () => void;
  testId: string;
}

export function PickerDialog({ open, title, items, emptyText, error, onPick, onClose, testId }: PickerDialogProps) {
  const [filter, setFilter] = useState("");
  const shown = useMemo(() => {
    const f = filter.toLowerCase();
    return items.filter((i) => i.name.toLowerCase().includes(f) || i.description.toLowerCase().includes(f));
  }, [items, filter]);
  return (
    <Dialog open={open} title={title} onClose={onClose} testId={testId}>
      <input
        data-autofocus
        type="search"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        placeholder="Filter…"
        aria-label="Filter"
        className="mb-3 w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-950"
      />
      {shown.length === 0 && (error ?? <p className="text-sm text-zinc-500">{emptyText}</p>)}
      <ul className="space-y-1">
        {shown.map((item) => (
          <li key={item.name}>
            <button
              type="button"
              onClick={() => onPick(item.name)}
              data-testid={`pick-${item.name}`}
              className="w-full rounded-lg px-3 py-2 text-left hover:bg-zinc-100 focus-visible:bg-zinc-100 dark:hover:bg-zinc-800 dark:focus-visible:bg-zinc-800"
            >
              <span className="font-mono text-sm font-medium">{item.name}</span>
              {item.badge && (
                <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-[11px] font-medium text-amber-800 dark:bg-amber-900/50 dark:text-amber-200">
                  {item.badge}
                </span>
              )}
              {/* line-clamp sets its own display: adding "block" would undo the clamp. */}
              <span className="mt-0.5 line-clamp-2 text-xs text-zinc-500" data-testid="pick-description">
                {item.description}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
