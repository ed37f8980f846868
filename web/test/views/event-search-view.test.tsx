import { render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

// jsdom has no matchMedia, which uPlot reads when it loads (for the pixel ratio); a browser always has it.
vi.hoisted(() => {
  window.matchMedia ??= (query: string) =>
    ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false }) as MediaQueryList;
});
import { eventSearchSchema } from "../../src/views/event-search-schema";
import { cellText, EventSearchView } from "../../src/views/event-search-view";
import { chartData } from "../../src/views/time-series-chart";

const parse = (data: unknown) => eventSearchSchema.parse(data);
const hour = 3600;

describe("events search view", () => {
  it("shows the requested fields as columns and every row, values as text", () => {
    render(
      <EventSearchView
        data={parse({
          dataset: "spans",
          query: "span.op:db",
          fields: ["span.description", "span.duration", "project"],
          period: "14d",
          hasMore: true,
          rows: [
            { "span.description": "SELECT * FROM auth_user", "span.duration": 14.256, project: "api-backend", id: "ignored" },
            { "span.description": "<script>alert(1)</script>", "span.duration": 3, project: null },
          ],
        })}
      />,
    );

    const table = screen.getByTestId("event-search-table");
    expect(within(table).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["span.description", "span.duration", "project"]);
    const rows = screen.getAllByTestId("event-search-row");
    expect(rows).toHaveLength(2);
    expect(within(rows[0] as HTMLElement).getAllByRole("cell").map((c) => c.textContent)).toEqual(["SELECT * FROM auth_user", "14.26", "api-backend"]);
    expect(within(rows[1] as HTMLElement).getAllByRole("cell").map((c) => c.textContent)).toEqual(["<script>alert(1)</script>", "3", "—"]);
    expect(table.querySelector("script")).toBeNull();
    expect(screen.getByText(/2 rows \(more match\) · spans · last 14d/)).toBeInTheDocument();
    expect(screen.queryByTestId("time-series")).toBeNull();
  });

  it("takes its columns from the rows when the search named none (replays)", () => {
    render(<EventSearchView data={parse({ dataset: "replays", fields: [], rows: [{ id: "r1", count_errors: 2 }, { id: "r2", url: "https://x" }] })} />);
    expect(screen.getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["id", "count_errors", "url"]);
  });

  it("draws an aggregate over time as a chart with its numbers in a table", async () => {
    const points = [0, 1, 2, 3].map((i) => ({ timestamp: 1_700_000_000 + i * hour, value: i === 2 ? 7 : 1 }));
    render(
      <EventSearchView
        data={parse({
          dataset: "errors",
          fields: ["count()"],
          period: "24h",
          rows: [{ "count()": 10 }],
          timeSeries: { intervalSeconds: hour, series: [{ field: "count()", points }] },
        })}
      />,
    );

    const chart = await screen.findByTestId("time-series-chart");
    expect(chart).toHaveAttribute("data-points", "4");
    expect(chart).toHaveAccessibleName("Line chart of count(): 4 buckets, peak 7");
    expect(screen.getByText(/count\(\) over the last 24h, per hour/)).toBeInTheDocument();
    const table = screen.getByTestId("time-series-table");
    expect(within(table).getAllByRole("row")).toHaveLength(5);
    expect(within(table).getByText("2023-11-14 23:13")).toBeInTheDocument();
  });

  it("lines up several series on one time axis and keeps gaps as gaps", () => {
    const data = chartData([
      { field: "count()", points: [{ timestamp: 1, value: 2 }, { timestamp: 2, value: null }] },
      { field: "avg(span.duration)", points: [{ timestamp: 1, value: 30 }] },
    ]);
    expect(data).toEqual([[1, 2], [2, null], [30, null]]);
  });

  it("falls back to the text for data that is not a search result, and tolerates a broken series", () => {
    expect(eventSearchSchema.safeParse({ dataset: "errors" }).success).toBe(false);
    expect(eventSearchSchema.safeParse({ rows: "nope" }).success).toBe(false);
    const broken = parse({ rows: [{ a: 1 }], timeSeries: { series: "nope" }, fields: "nope" });
    expect(broken.timeSeries).toBeNull();
    render(<EventSearchView data={broken} />);
    expect(screen.getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["a"]);
  });

  it("writes cells as short text", () => {
    expect(cellText({ nested: ["x"] })).toBe('{"nested":["x"]}');
    expect(cellText("x".repeat(500))).toHaveLength(301);
    expect(cellText(1234567)).toBe("1,234,567");
    expect(cellText(undefined)).toBe("—");
  });
});
