import { fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { dataViews } from "../../src/views/data-views";
import { buildTree, normalizeSpans, visibleRows } from "../../src/views/trace-layout";
import { traceSchema } from "../../src/views/trace-schema";
import { TraceView } from "../../src/views/trace-view";

const span = (spanId: string, parentSpanId: string | null, startMs: number, durationMs: number, extra: Record<string, unknown> = {}) => ({
  spanId,
  parentSpanId,
  op: "http.server",
  description: `span ${spanId}`,
  project: "api-backend",
  startMs,
  durationMs,
  status: "ok",
  hasError: false,
  ...extra,
});

// The checkout trace's shape: a page load, an API call below it whose payment call fails and is the slowest.
const checkout = {
  traceId: "a4d1aae7216b47ff8117cf4e09ce9d0a",
  spanCount: 5,
  durationMs: 4480,
  spansTruncated: false,
  url: "https://acme.sentry.io/explore/traces/trace/a4d1aae7216b47ff8117cf4e09ce9d0a/",
  spans: [
    span("root", null, 0, 4480, { op: "pageload", description: "/checkout", project: "web-frontend" }),
    span("users", "root", 540, 236, { status: "internal_error", hasError: true }),
    span("checkout", "root", 820, 3612),
    span("stripe", "checkout", 1004, 3000, { op: "http.client", project: "payments-service", hasError: true, status: "deadline_exceeded" }),
    span("db", "checkout", 846, 11, { op: "db.sql.query" }),
  ],
};

const parse = (data: unknown) => traceSchema.parse(data);
const rows = () => screen.getAllByTestId("trace-span-row");

describe("trace waterfall", () => {
  it("draws every span in tree order with errors marked and the slowest path emphasised", () => {
    render(<TraceView data={parse(checkout)} />);

    expect(screen.getByTestId("trace-span-count")).toHaveTextContent("5 spans");
    expect(rows().map((r) => r.dataset.spanId)).toEqual(["root", "users", "checkout", "db", "stripe"]);
    const errors = rows().filter((r) => r.dataset.error === "true");
    expect(errors.map((r) => r.dataset.spanId)).toEqual(["users", "stripe"]);
    expect(within(errors[1] as HTMLElement).getByTestId("trace-span-error")).toBeInTheDocument();
    expect(rows().filter((r) => r.dataset.slow === "true").map((r) => r.dataset.spanId)).toEqual(["root", "checkout", "stripe"]);
    expect(screen.getByRole("treeitem", { name: /http\.client span stripe, payments-service, starts at 1,004 ms, takes 3,000 ms, has errors/ })).toBeInTheDocument();
  });

  it("collapses and expands a subtree by click and by keyboard", async () => {
    const user = userEvent.setup();
    render(<TraceView data={parse(checkout)} />);
    const checkoutRow = () => rows().find((r) => r.dataset.spanId === "checkout") as HTMLElement;

    await user.click(within(checkoutRow()).getByTestId("trace-span-toggle"));
    expect(rows().map((r) => r.dataset.spanId)).toEqual(["root", "users", "checkout"]);
    expect(checkoutRow()).toHaveAttribute("aria-expanded", "false");
    expect(checkoutRow()).toHaveTextContent("+2");

    const first = rows()[0] as HTMLElement;
    first.focus();
    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(document.activeElement).toBe(checkoutRow());
    await user.keyboard("{ArrowRight}");
    expect(rows()).toHaveLength(5);
    await user.keyboard("{ArrowLeft}");
    expect(rows()).toHaveLength(3);
    await user.keyboard("{ArrowLeft}");
    expect(document.activeElement).toBe(rows()[0]);
    await user.keyboard("{ArrowLeft}");
    expect(rows()).toHaveLength(1);
  });

  it("keeps a 10,000-span trace to a screenful of rows and scrolls through it", () => {
    const spans = [span("s0", null, 0, 20_000)];
    for (let i = 1; i < 10_000; i++) spans.push(span(`s${i}`, "s0", i, 1, { hasError: i === 9_999 }));
    render(<TraceView data={parse({ traceId: "t", spanCount: 10_000, spans })} />);

    expect(screen.getByTestId("trace-span-count")).toHaveTextContent("10,000 spans");
    expect(screen.getByTestId("trace-waterfall")).toHaveAttribute("data-row-count", "10000");
    expect(rows().length).toBeLessThan(40);

    const viewport = screen.getByTestId("trace-waterfall");
    viewport.scrollTop = 9_990 * 28;
    fireEvent.scroll(viewport);
    expect(rows().length).toBeLessThan(40);
    expect(rows().some((r) => r.dataset.spanId === "s9999" && r.dataset.error === "true")).toBe(true);
  });

  it("survives a 10,000-deep chain and parent cycles without recursion", () => {
    const chain = Array.from({ length: 10_000 }, (_, i) => span(`c${i}`, i === 0 ? null : `c${i - 1}`, i, 10_000 - i));
    const tree = buildTree(normalizeSpans([...chain, span("x", "y", 0, 1), span("y", "x", 0, 1)]));
    expect(visibleRows(tree, new Set())).toHaveLength(10_002);
    expect(tree.slowPath.size).toBe(10_000);
    expect(tree.byId.get("c9999")?.depth).toBe(9_999);
  });

  it("draws what it can from spans with missing or wrong fields and shows HTML in descriptions as text", () => {
    const data = parse({
      traceId: "t",
      spans: [
        { spanId: "a" },
        { spanId: "b", parentSpanId: "a", description: '<img src=x onerror="alert(1)"><b>bold</b>', durationMs: -5, startMs: Number.NaN },
        { spanId: "b", description: "duplicate id" },
        { op: "no id" },
        "not a span",
        null,
      ],
      errors: "not a list",
    });
    const { container } = render(<TraceView data={data} />);

    expect(rows()).toHaveLength(2);
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("b")).toBeNull();
    expect(screen.getByText('<img src=x onerror="alert(1)"><b>bold</b>')).toBeInTheDocument();
    expect(screen.getAllByText("unknown").length).toBeGreaterThan(0);
  });

  it("says there is nothing to draw for a trace without spans, and the view accepts sandbox-shaped data", () => {
    render(<TraceView data={parse({ traceId: "t" })} />);
    expect(screen.getByText("No spans to draw.")).toBeInTheDocument();

    const definition = dataViews.find((v) => v.tools.includes("get_trace_details"));
    expect(definition?.schema.safeParse({ ...checkout, projects: ["web-frontend"], errors: [], slowestSpans: [], focusedSpan: null }).success).toBe(true);
    expect(definition?.schema.safeParse({ spans: [] }).success).toBe(false);
  });
});
