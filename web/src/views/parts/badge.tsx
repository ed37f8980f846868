import type { ReactNode } from "react";
import { cn } from "../../components/ui/cn";

export type Tone = "red" | "orange" | "amber" | "green" | "blue" | "violet" | "zinc";

const tones: Record<Tone, string> = {
  red: "bg-red-100 text-red-800 ring-red-200 dark:bg-red-950 dark:text-red-200 dark:ring-red-900",
  orange: "bg-orange-100 text-orange-800 ring-orange-200 dark:bg-orange-950 dark:text-orange-200 dark:ring-orange-900",
  amber: "bg-amber-100 text-amber-900 ring-amber-200 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-900",
  green: "bg-emerald-100 text-emerald-800 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-900",
  blue: "bg-sky-100 text-sky-800 ring-sky-200 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-900",
  violet: "bg-violet-100 text-violet-800 ring-violet-200 dark:bg-violet-950 dark:text-violet-200 dark:ring-violet-900",
  zinc: "bg-zinc-100 text-zinc-700 ring-zinc-200 dark:bg-zinc-800 dark:text-zinc-200 dark:ring-zinc-700",
};

export function Badge({ tone, children, label, testId }: { tone: Tone; children: ReactNode; label?: string; testId?: string }) {
  return (
    <span
      className={cn("inline-flex items-center whitespace-nowrap rounded px-1.5 py-0.5 text-[11px] font-medium ring-1 ring-inset", tones[tone])}
      title={label}
      data-testid={testId}
      data-tone={tone}
    >
      {label && <span className="sr-only">{label}: </span>}
      {children}
    </span>
  );
}

const levelTones: Record<string, Tone> = { fatal: "red", error: "red", warning: "amber", info: "blue", debug: "zinc", sample: "zinc" };
const statusTones: Record<string, Tone> = { unresolved: "orange", resolved: "green", ignored: "zinc", archived: "zinc", reprocessing: "blue" };
const priorityTones: Record<string, Tone> = { high: "red", medium: "amber", low: "zinc" };

export function LevelBadge({ level }: { level: string | null | undefined }) {
  if (!level) return null;
  return (
    <Badge tone={levelTones[level] ?? "zinc"} label="Level" testId="badge-level">
      {level}
    </Badge>
  );
}

export function StatusBadge({ status, substatus }: { status: string | null | undefined; substatus?: string | null | undefined }) {
  if (!status) return null;
  const sub = substatus && substatus !== status ? ` · ${substatus.replaceAll("_", " ")}` : "";
  return (
    <Badge tone={statusTones[status] ?? "zinc"} label="Status" testId="badge-status">
      {status}
      {sub}
    </Badge>
  );
}

export function PriorityBadge({ priority }: { priority: string | null | undefined }) {
  if (!priority) return null;
  return (
    <Badge tone={priorityTones[priority] ?? "zinc"} label="Priority" testId="badge-priority">
      {priority}
    </Badge>
  );
}
