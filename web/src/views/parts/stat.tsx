import type { ReactNode } from "react";

/** A labelled figure in a definition list (events, users, first seen…). */
export function Stat({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="min-w-0" data-testid={testId}>
      <dt className="text-[11px] uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="truncate text-sm font-medium text-zinc-900 dark:text-zinc-100">{children}</dd>
    </div>
  );
}

const fills = { brand: "fill-brand-500", green: "fill-emerald-500", red: "fill-red-500", amber: "fill-amber-500" };

/**
 * A horizontal bar with its figure, for shares (tag values, crash-free rates, adoption). The bar is SVG
 * (a width attribute, no inline style, so the page's CSP needs no 'unsafe-inline'); a meter reads it out.
 */
export function ShareBar({
  label,
  value,
  max = 100,
  display,
  tone = "brand",
}: { label: string; value: number; max?: number; display: string; tone?: keyof typeof fills }) {
  const width = max > 0 ? Math.max(0, Math.min(100, (value / max) * 100)) : 0;
  return (
    <div className="text-xs" data-testid="share-bar" data-value={display}>
      <div className="flex justify-between gap-2">
        <span className="min-w-0 truncate text-zinc-700 dark:text-zinc-300" title={label}>
          {label}
        </span>
        <span className="shrink-0 tabular-nums text-zinc-600 dark:text-zinc-400">{display}</span>
      </div>
      <meter className="sr-only" min={0} max={max} value={value} aria-label={label} aria-valuetext={display} />
      <svg className="mt-0.5 block h-1.5 w-full" aria-hidden>
        <rect width="100%" height="100%" rx={3} className="fill-zinc-200 dark:fill-zinc-800" />
        <rect width={`${width.toFixed(1)}%`} height="100%" rx={3} className={fills[tone]} />
      </svg>
    </div>
  );
}
