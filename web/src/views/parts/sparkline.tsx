import { useId } from "react";
import { absolute, parseDate } from "./format";

export interface SeriesPoint {
  /** Unix seconds. */
  timestamp: number;
  count: number;
}

interface SparklineProps {
  points: readonly SeriesPoint[];
  /** What the series counts, e.g. "Events per hour". */
  label: string;
  width?: number;
  height?: number;
  /** Adds a visually hidden table of the buckets for screen readers (one per page, not one per list row). */
  withTable?: boolean;
}

/** An inline SVG sparkline; its label says the total and the peak, the optional table has every bucket. */
export function Sparkline({ points, label, width = 120, height = 28, withTable = false }: SparklineProps) {
  const tableId = useId();
  const finite = points.filter((p) => Number.isFinite(p.count) && Number.isFinite(p.timestamp));
  const total = finite.reduce((sum, p) => sum + Math.max(0, p.count), 0);
  const peak = finite.reduce((max, p) => Math.max(max, p.count), 0);
  const summary = `${label}: ${total} in ${finite.length} buckets, peak ${peak}`;
  if (finite.length === 0) {
    return (
      <span className="text-xs text-zinc-400" data-testid="sparkline" data-point-count={0}>
        no data
      </span>
    );
  }
  const pad = 2;
  const step = finite.length > 1 ? (width - pad * 2) / (finite.length - 1) : 0;
  const y = (count: number) => height - pad - (peak > 0 ? (Math.max(0, count) / peak) * (height - pad * 2) : 0);
  const coords = finite.map((p, i) => [pad + i * step, y(p.count)] as const);
  const line = coords.map(([cx, cy]) => `${cx.toFixed(1)},${cy.toFixed(1)}`).join(" ");
  const area = `M${pad},${height - pad} L${line.replaceAll(" ", " L")} L${(pad + (finite.length - 1) * step).toFixed(1)},${height - pad} Z`;
  return (
    <span className="inline-flex items-center">
      <svg
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={summary}
        {...(withTable ? { "aria-describedby": tableId } : {})}
        className="overflow-visible text-brand-500 dark:text-brand-100"
        data-testid="sparkline"
        data-point-count={finite.length}
        data-total={total}
      >
        <title>{summary}</title>
        <path d={area} fill="currentColor" opacity={0.15} />
        <polyline points={line} fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinejoin="round" strokeLinecap="round" />
      </svg>
      {withTable && (
        <table id={tableId} className="sr-only">
          <caption>{label}</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Count</th>
            </tr>
          </thead>
          <tbody>
            {finite.map((p) => {
              const date = parseDate(p.timestamp);
              return (
                <tr key={p.timestamp}>
                  <td>{date ? absolute(date) : p.timestamp}</td>
                  <td>{p.count}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </span>
  );
}
