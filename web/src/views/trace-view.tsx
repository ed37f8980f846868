import { ChevronDown, ChevronRight, CircleAlert } from "lucide-react";
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from "react";
import { cn } from "../components/ui/cn";
import type { TraceData } from "./trace-schema";
import { buildTree, formatMs, normalizeSpans, serviceColor, visibleRows, type WaterfallNode } from "./trace-layout";

const ROW_HEIGHT = 28;
const VIEWPORT_ROWS = 16;
/** Rows drawn above and below the viewport, so fast scrolling shows no blank band. */
const OVERSCAN = 8;

/**
 * The trace as a waterfall: one row per span on a shared time axis, coloured by service, errors
 * marked, subtrees collapsible, the slowest path emphasised. Only the rows in view are in the DOM,
 * so 10,000 spans cost what 40 do. Keyboard: arrows move, left/right collapse and expand, Home/End.
 */
export function TraceView({ data }: { data: TraceData }) {
  const spans = useMemo(() => normalizeSpans(data.spans ?? []), [data.spans]);
  const tree = useMemo(() => buildTree(spans), [spans]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const rows = useMemo(() => visibleRows(tree, collapsed), [tree, collapsed]);
  const [scrollTop, setScrollTop] = useState(0);
  const [active, setActive] = useState(0);
  const viewport = useRef<HTMLDivElement>(null);
  const focusPending = useRef(false);

  const activeIndex = Math.min(active, Math.max(0, rows.length - 1));
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil(scrollTop / ROW_HEIGHT) + VIEWPORT_ROWS + OVERSCAN);
  const total = Math.max(tree.totalMs, data.durationMs ?? 0, 1);
  const projects = useMemo(() => [...new Set(spans.map((s) => s.project).filter((p) => p !== ""))], [spans]);
  const errorSpans = spans.filter((s) => s.hasError).length;

  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    viewport.current?.querySelector<HTMLElement>(`[data-row-index="${activeIndex}"]`)?.focus({ preventScroll: true });
  });

  const toggle = (node: WaterfallNode) => {
    if (node.children.length === 0) return;
    setCollapsed((previous) => {
      const next = new Set(previous);
      if (next.has(node.span.spanId)) next.delete(node.span.spanId);
      else next.add(node.span.spanId);
      return next;
    });
  };

  const moveTo = (index: number) => {
    const target = Math.max(0, Math.min(rows.length - 1, index));
    setActive(target);
    focusPending.current = true;
    const el = viewport.current;
    if (!el) return;
    const top = target * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
    setScrollTop(el.scrollTop);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const node = rows[activeIndex];
    if (!node) return;
    const expanded = node.children.length > 0 && !collapsed.has(node.span.spanId);
    const parentIndex = () => {
      const parent = node.span.parentSpanId === null ? undefined : tree.byId.get(node.span.parentSpanId);
      return parent ? rows.indexOf(parent) : -1;
    };
    switch (event.key) {
      case "ArrowDown":
        moveTo(activeIndex + 1);
        break;
      case "ArrowUp":
        moveTo(activeIndex - 1);
        break;
      case "Home":
        moveTo(0);
        break;
      case "End":
        moveTo(rows.length - 1);
        break;
      case "PageDown":
        moveTo(activeIndex + VIEWPORT_ROWS);
        break;
      case "PageUp":
        moveTo(activeIndex - VIEWPORT_ROWS);
        break;
      case "ArrowRight":
        if (expanded) moveTo(activeIndex + 1);
        else toggle(node);
        break;
      case "ArrowLeft":
        if (expanded) toggle(node);
        else if (parentIndex() >= 0) moveTo(parentIndex());
        break;
      case "Enter":
      case " ":
        toggle(node);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <div className="space-y-2 text-xs" data-testid="trace-view">
      <p className="text-zinc-600 dark:text-zinc-400" data-testid="trace-summary">
        <span data-testid="trace-span-count" data-count={spans.length}>
          {spans.length.toLocaleString("en-US")} span{spans.length === 1 ? "" : "s"}
        </span>
        {data.spansTruncated && typeof data.spanCount === "number" ? ` of ${data.spanCount.toLocaleString("en-US")}` : ""}
        {" · "}
        {formatMs(total)}
        {" · "}
        <span className={errorSpans > 0 ? "font-semibold text-red-700 dark:text-red-400" : undefined}>
          {errorSpans} span{errorSpans === 1 ? "" : "s"} with errors
        </span>
        {data.url ? (
          <>
            {" · "}
            <a className="underline" href={data.url} target="_blank" rel="noreferrer noopener">
              Open in Sentry
            </a>
          </>
        ) : null}
      </p>
      {projects.length > 0 ? (
        <ul className="flex flex-wrap gap-x-3 gap-y-1" aria-label="Services">
          {projects.map((p) => (
            <li key={p} className="flex items-center gap-1">
              <span className={cn("inline-block h-2.5 w-2.5 rounded-sm", serviceColor(p))} aria-hidden />
              {p}
            </li>
          ))}
        </ul>
      ) : null}
      {rows.length > 0 ? (
        <div className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)] gap-2 px-1 text-[10px] text-zinc-500 tabular-nums" aria-hidden data-testid="trace-axis">
          <span>Span</span>
          <div className="relative h-3">
            {[0, 0.25, 0.5, 0.75, 1].map((f) => (
              <span key={f} className="absolute" style={f === 1 ? { right: 0 } : { left: `${f * 100}%` }}>
                {formatMs(total * f)}
              </span>
            ))}
          </div>
        </div>
      ) : null}
      {rows.length === 0 ? (
        <p className="text-zinc-500">No spans to draw.</p>
      ) : (
        <div
          ref={viewport}
          role="tree"
          aria-label={`Trace waterfall, ${spans.length} spans`}
          className="relative overflow-auto rounded border border-zinc-200 dark:border-zinc-800"
          style={{ height: Math.min(rows.length, VIEWPORT_ROWS) * ROW_HEIGHT + 2 }}
          onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
          onKeyDown={onKeyDown}
          data-testid="trace-waterfall"
          data-row-count={rows.length}
        >
          <div style={{ height: rows.length * ROW_HEIGHT }} className="relative">
            {rows.slice(first, last).map((node, i) => (
              <SpanRow
                key={node.span.spanId}
                node={node}
                index={first + i}
                total={total}
                slow={tree.slowPath.has(node.span.spanId)}
                expanded={!collapsed.has(node.span.spanId)}
                focusable={first + i === activeIndex}
                onToggle={() => toggle(node)}
                onFocus={() => setActive(first + i)}
              />
            ))}
          </div>
        </div>
      )}
    </div>
  );
}

interface SpanRowProps {
  node: WaterfallNode;
  index: number;
  total: number;
  slow: boolean;
  expanded: boolean;
  focusable: boolean;
  onToggle: () => void;
  onFocus: () => void;
}

function SpanRow({ node, index, total, slow, expanded, focusable, onToggle, onFocus }: SpanRowProps) {
  const { span } = node;
  const left = (span.startMs / total) * 100;
  const width = Math.max((span.durationMs / total) * 100, 0.3);
  const failed = span.hasError || (span.status !== null && span.status !== "ok");
  const label = `${span.op} ${span.description}`.trim();
  const hasChildren = node.children.length > 0;
  return (
    <div
      role="treeitem"
      aria-level={node.depth + 1}
      aria-expanded={hasChildren ? expanded : undefined}
      aria-selected={focusable}
      aria-label={`${label}, ${span.project || "unknown service"}, starts at ${formatMs(span.startMs)}, takes ${formatMs(span.durationMs)}${span.hasError ? ", has errors" : ""}${slow ? ", on the slowest path" : ""}${hasChildren ? `, ${node.descendants} spans below` : ""}`}
      tabIndex={focusable ? 0 : -1}
      onFocus={onFocus}
      data-row-index={index}
      data-testid="trace-span-row"
      data-span-id={span.spanId}
      data-error={span.hasError ? "true" : undefined}
      data-slow={slow ? "true" : undefined}
      className={cn(
        "absolute inset-x-0 grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)] items-center gap-2 px-1 outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-violet-500",
        span.hasError ? "bg-red-50 dark:bg-red-950/40" : index % 2 === 1 ? "bg-zinc-50 dark:bg-zinc-900/40" : undefined,
      )}
      style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT }}
    >
      <div className="flex min-w-0 items-center gap-1" style={{ paddingLeft: Math.min(node.depth, 24) * 8 }}>
        {hasChildren ? (
          <button
            type="button"
            tabIndex={-1}
            aria-hidden
            className="shrink-0 rounded text-zinc-500 hover:text-zinc-900 dark:hover:text-zinc-100"
            onClick={onToggle}
            data-testid="trace-span-toggle"
          >
            {expanded ? <ChevronDown className="h-3.5 w-3.5" /> : <ChevronRight className="h-3.5 w-3.5" />}
          </button>
        ) : (
          <span className="w-3.5 shrink-0" aria-hidden />
        )}
        {span.hasError ? <CircleAlert className="h-3.5 w-3.5 shrink-0 text-red-600 dark:text-red-400" aria-hidden data-testid="trace-span-error" /> : null}
        <span className={cn("shrink-0 font-mono", slow ? "font-bold text-zinc-900 dark:text-zinc-50" : "text-zinc-700 dark:text-zinc-300")}>{span.op}</span>
        <span className="min-w-0 truncate text-zinc-500 dark:text-zinc-400" title={span.description}>
          {span.description}
        </span>
        {!expanded && hasChildren ? <span className="shrink-0 text-zinc-400">+{node.descendants}</span> : null}
      </div>
      <div className="relative h-4" aria-hidden>
        <div
          className={cn(
            "absolute top-0.5 h-3 rounded-sm",
            serviceColor(span.project),
            slow ? "ring-2 ring-zinc-900 dark:ring-zinc-100" : "opacity-80",
            failed ? "outline outline-2 outline-red-600" : undefined,
          )}
          style={{ left: `${left}%`, width: `${Math.min(width, 100 - left)}%` }}
        />
        <span
          className="absolute top-0 text-[10px] tabular-nums text-zinc-600 dark:text-zinc-300"
          style={left + width > 70 ? { right: `${100 - left}%`, paddingRight: 4 } : { left: `${left + width}%`, paddingLeft: 4 }}
        >
          {formatMs(span.durationMs)}
        </span>
      </div>
    </div>
  );
}

export default TraceView;
