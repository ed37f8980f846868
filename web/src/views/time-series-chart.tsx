import { useEffect, useRef, useState } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { TimeSeries } from "./event-search-schema";

type Series = TimeSeries["series"];

const LINE_COLORS = ["#7c3aed", "#0284c7", "#059669"] as const;
const HEIGHT = 160;

function dark(): boolean {
  return typeof window.matchMedia === "function" && window.matchMedia("(prefers-color-scheme: dark)").matches;
}

/** uPlot's columns: shared timestamps, then one array per series (gaps as null). */
export function chartData(series: Series): uPlot.AlignedData {
  const first = series[0];
  const xs = first ? first.points.map((p) => p.timestamp) : [];
  return [xs, ...series.map((s) => xs.map((_, i) => s.points[i]?.value ?? null))];
}

/**
 * The aggregates over time, drawn by uPlot (lazy-loaded with this module). The chart is a picture
 * (role img with a summary); the numbers are in the table beside it.
 */
export function TimeSeriesChart({ series }: { series: Series }) {
  const host = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const axis = dark() ? "#a1a1aa" : "#52525b";
    const grid = dark() ? "#27272a" : "#e4e4e7";
    let plot: uPlot | undefined;
    // Without a 2D canvas (blocked by the browser, or no canvas at all) uPlot would fail later, outside this effect.
    if (document.createElement("canvas").getContext("2d") === null) {
      setFailed(true);
      return;
    }
    try {
      plot = new uPlot(
        {
          width: Math.max(el.clientWidth, 200),
          height: HEIGHT,
          legend: { show: series.length > 1 },
          cursor: { drag: { x: false, y: false } },
          scales: { x: { time: true } },
          axes: [
            { stroke: axis, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } },
            { stroke: axis, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, size: 48 },
          ],
          series: [
            {},
            ...series.map((s, i) => ({
              label: s.field,
              stroke: LINE_COLORS[i % LINE_COLORS.length],
              fill: i === 0 ? `${LINE_COLORS[0]}22` : undefined,
              width: 2,
              spanGaps: false,
            })),
          ],
        },
        chartData(series),
        el,
      );
    } catch {
      setFailed(true);
      return;
    }
    const resize =
      typeof ResizeObserver === "function"
        ? new ResizeObserver(() => plot?.setSize({ width: Math.max(el.clientWidth, 200), height: HEIGHT }))
        : undefined;
    resize?.observe(el);
    return () => {
      resize?.disconnect();
      plot?.destroy();
    };
  }, [series]);

  const points = series[0]?.points.length ?? 0;
  const values = series[0]?.points.map((p) => p.value ?? 0) ?? [];
  const peak = values.length > 0 ? Math.max(...values) : 0;
  return (
    <div>
      <div
        ref={host}
        role="img"
        aria-label={`Line chart of ${series.map((s) => s.field).join(", ")}: ${points} buckets, peak ${peak.toLocaleString("en-US")}`}
        className="w-full overflow-hidden"
        data-testid="time-series-chart"
        data-points={points}
      />
      {failed ? <p className="text-zinc-500">The chart could not be drawn here; its numbers are in the table below.</p> : null}
    </div>
  );
}

export default TimeSeriesChart;
