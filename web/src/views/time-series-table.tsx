import type { TimeSeries } from "./event-search-schema";

type Series = TimeSeries["series"];

export function bucketLabel(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 16).replace("T", " ");
}

/** The numbers behind the chart, for screen readers and anyone who wants them: folded by default. */
export function TimeSeriesTable({ series }: { series: Series }) {
  const first = series[0];
  if (!first) return null;
  return (
    <details className="text-zinc-600 dark:text-zinc-400">
      <summary className="cursor-pointer">Chart data as a table ({first.points.length} buckets)</summary>
      <div className="max-h-48 overflow-auto">
        <table className="w-full text-left tabular-nums" data-testid="time-series-table">
          <thead>
            <tr>
              <th scope="col" className="px-2">
                Bucket (UTC)
              </th>
              {series.map((s) => (
                <th key={s.field} scope="col" className="px-2 text-right">
                  {s.field}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {first.points.map((p, i) => (
              <tr key={p.timestamp}>
                <td className="px-2">{bucketLabel(p.timestamp)}</td>
                {series.map((s) => (
                  <td key={s.field} className="px-2 text-right">
                    {s.points[i]?.value ?? "—"}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
