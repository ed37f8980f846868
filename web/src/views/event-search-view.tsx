import { lazy, Suspense, useMemo } from "react";
import type { EventSearchData } from "./event-search-schema";
import { TimeSeriesTable } from "./time-series-table";

// The chart library is only fetched when a search answer has a series to draw.
const TimeSeriesChart = lazy(() => import("./time-series-chart"));

const MAX_COLUMNS = 12;
const MAX_CELL = 300;

/** A cell as text: strings as they are (never as HTML), numbers rounded, objects as JSON, nothing as a dash. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "number") return Number.isInteger(value) ? value.toLocaleString("en-US") : value.toLocaleString("en-US", { maximumFractionDigits: 2 });
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL)}…` : text;
}

/** The columns asked for, or (for replays, which name none) those the rows carry. */
export function columnsOf(data: EventSearchData): string[] {
  const asked = data.fields?.filter((f) => f.trim() !== "") ?? [];
  if (asked.length > 0) return asked.slice(0, MAX_COLUMNS);
  const seen = new Set<string>();
  for (const row of data.rows.slice(0, 50)) for (const key of Object.keys(row)) seen.add(key);
  return [...seen].slice(0, MAX_COLUMNS);
}

/** search_events as a table of the requested fields, with a chart above it when the search is an aggregate over time. */
export function EventSearchView({ data }: { data: EventSearchData }) {
  const columns = useMemo(() => columnsOf(data), [data]);
  const numeric = useMemo(
    () => new Set(columns.filter((c) => data.rows.some((r) => typeof r[c] === "number") && data.rows.every((r) => r[c] == null || typeof r[c] === "number"))),
    [columns, data.rows],
  );
  const series = data.timeSeries?.series.filter((s) => s.points.length > 0) ?? [];
  return (
    <div className="space-y-3 text-xs" data-testid="event-search-view">
      <p className="text-zinc-600 dark:text-zinc-400">
        {data.rows.length.toLocaleString("en-US")} row{data.rows.length === 1 ? "" : "s"}
        {data.hasMore ? " (more match)" : ""}
        {data.dataset ? ` · ${data.dataset}` : ""}
        {data.period ? ` · last ${data.period}` : ""}
        {data.query ? (
          <>
            {" · "}
            <code className="font-mono">{data.query}</code>
          </>
        ) : null}
      </p>
      {series.length > 0 && data.timeSeries ? (
        <figure className="space-y-1" data-testid="time-series">
          <Suspense fallback={<p className="h-40 text-zinc-500">Loading chart…</p>}>
            <TimeSeriesChart series={series} />
          </Suspense>
          <figcaption className="text-zinc-500">
            {series.map((s) => s.field).join(", ")} over the last {data.period ?? "period"}
            {data.timeSeries.intervalSeconds ? `, per ${interval(data.timeSeries.intervalSeconds)}` : ""}
          </figcaption>
          <TimeSeriesTable series={series} />
        </figure>
      ) : null}
      {data.rows.length === 0 ? (
        <p className="text-zinc-500">No rows.</p>
      ) : (
        <div className="overflow-x-auto rounded border border-zinc-200 dark:border-zinc-800">
          <table className="w-full border-collapse text-left" data-testid="event-search-table">
            <thead className="bg-zinc-50 dark:bg-zinc-900">
              <tr>
                {columns.map((c) => (
                  <th key={c} scope="col" className={`whitespace-nowrap px-2 py-1 font-semibold ${numeric.has(c) ? "text-right" : ""}`}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id of their own (aggregates) and never reorder.
                <tr key={i} className="border-t border-zinc-100 dark:border-zinc-800" data-testid="event-search-row">
                  {columns.map((c) => (
                    <td key={c} className={`max-w-[28rem] px-2 py-1 align-top break-words ${numeric.has(c) ? "text-right tabular-nums" : ""}`}>
                      {cellText(row[c])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function interval(seconds: number): string {
  if (seconds % 86_400 === 0) return seconds === 86_400 ? "day" : `${seconds / 86_400} days`;
  if (seconds % 3600 === 0) return seconds === 3600 ? "hour" : `${seconds / 3600} hours`;
  return seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}

export default EventSearchView;
