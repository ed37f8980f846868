import { cn } from "../../components/ui/cn";
import { absolute, parseDate } from "./format";

export type StripStatus = "ok" | "error" | "missed" | "timeout" | "in_progress" | "unknown" | "none";

const colors: Record<StripStatus, string> = {
  ok: "bg-emerald-500 dark:bg-emerald-400",
  error: "bg-red-500 dark:bg-red-400",
  missed: "bg-amber-400 dark:bg-amber-300",
  timeout: "bg-orange-500 dark:bg-orange-400",
  in_progress: "bg-sky-400 dark:bg-sky-300",
  unknown: "bg-zinc-400 dark:bg-zinc-500",
  none: "bg-zinc-200 dark:bg-zinc-700",
};

const names: Record<StripStatus, string> = {
  ok: "ok",
  error: "error",
  missed: "missed",
  timeout: "timed out",
  in_progress: "in progress",
  unknown: "unknown",
  none: "no check-in",
};

export interface StripCell {
  key: string;
  status: StripStatus;
  /** ISO time or Unix seconds of the interval. */
  at: string | number | null | undefined;
  detail?: string;
}

/** One coloured cell per interval, oldest left; the label counts each status and a hidden list reads them out. */
export function StatusStrip({ cells, label, testId = "status-strip" }: { cells: readonly StripCell[]; label: string; testId?: string }) {
  const counts = new Map<StripStatus, number>();
  for (const c of cells) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  const summary = `${label}: ${cells.length} intervals${[...counts].map(([s, n]) => `, ${n} ${names[s]}`).join("")}`;
  if (cells.length === 0) return <p className="text-xs text-zinc-500">No check-ins in this period.</p>;
  return (
    <div>
      <div className="flex h-6 w-full gap-px" role="img" aria-label={summary} data-testid={testId} data-cell-count={cells.length}>
        {cells.map((c) => {
          const date = parseDate(c.at);
          const title = `${date ? absolute(date) : "?"}: ${names[c.status]}${c.detail ? ` (${c.detail})` : ""}`;
          return <span key={c.key} className={cn("min-w-[2px] flex-1 rounded-sm", colors[c.status])} title={title} data-status={c.status} />;
        })}
      </div>
      <ul className="sr-only">
        {cells.map((c) => {
          const date = parseDate(c.at);
          return (
            <li key={c.key}>
              {date ? absolute(date) : "?"}: {names[c.status]}
              {c.detail ? ` (${c.detail})` : ""}
            </li>
          );
        })}
      </ul>
      <div className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-[11px] text-zinc-600 dark:text-zinc-400" aria-hidden>
        {[...counts].map(([s, n]) => (
          <span key={s} className="inline-flex items-center gap-1">
            <span className={cn("inline-block h-2 w-2 rounded-sm", colors[s])} />
            {n} {names[s]}
          </span>
        ))}
      </div>
    </div>
  );
}
