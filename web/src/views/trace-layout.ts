import { z } from "zod";

/** A span as the waterfall needs it; every field but the id may be missing in what Sentry sends. */
export interface WaterfallSpan {
  spanId: string;
  parentSpanId: string | null;
  op: string;
  description: string;
  project: string;
  startMs: number;
  durationMs: number;
  status: string | null;
  hasError: boolean;
}

// A wrong optional field (NaN, a number as text) is dropped, not the whole span.
const spanSchema = z.object({
  spanId: z.string().min(1),
  parentSpanId: z.string().nullish().catch(null),
  op: z.string().nullish().catch(null),
  description: z.string().nullish().catch(null),
  project: z.string().nullish().catch(null),
  startMs: z.number().nullish().catch(null),
  durationMs: z.number().nullish().catch(null),
  status: z.string().nullish().catch(null),
  hasError: z.boolean().nullish().catch(null),
});

const finite = (value: number | null | undefined): number =>
  typeof value === "number" && Number.isFinite(value) && value > 0 ? value : 0;

/** Drops what is not a span (and repeated ids) instead of failing the whole view. */
export function normalizeSpans(raw: readonly unknown[]): WaterfallSpan[] {
  const seen = new Set<string>();
  const spans: WaterfallSpan[] = [];
  for (const item of raw) {
    const parsed = spanSchema.safeParse(item);
    if (!parsed.success || seen.has(parsed.data.spanId)) continue;
    const s = parsed.data;
    seen.add(s.spanId);
    spans.push({
      spanId: s.spanId,
      parentSpanId: s.parentSpanId ?? null,
      op: s.op ?? "unknown",
      description: s.description ?? "",
      project: s.project ?? "",
      startMs: finite(s.startMs),
      durationMs: finite(s.durationMs),
      status: s.status ?? null,
      hasError: s.hasError === true,
    });
  }
  return spans;
}

export interface WaterfallNode {
  span: WaterfallSpan;
  depth: number;
  children: WaterfallNode[];
  /** Spans below this one, at any depth. */
  descendants: number;
}

export interface WaterfallTree {
  roots: WaterfallNode[];
  byId: Map<string, WaterfallNode>;
  /** End of the latest span: the shared time axis runs from 0 to here. */
  totalMs: number;
  /** The slowest path: from the longest root down through the longest child at each level. */
  slowPath: Set<string>;
}

const byStart = (a: WaterfallNode, b: WaterfallNode) => a.span.startMs - b.span.startMs || b.span.durationMs - a.span.durationMs;

/** Builds the tree without recursion, so a 10,000-deep chain cannot overflow the stack; a cycle is cut into a root. */
export function buildTree(spans: readonly WaterfallSpan[]): WaterfallTree {
  const byId = new Map<string, WaterfallNode>();
  for (const span of spans) byId.set(span.spanId, { span, depth: 0, children: [], descendants: 0 });
  const roots: WaterfallNode[] = [];
  const parentOf = new Map<WaterfallNode, WaterfallNode>();
  for (const node of byId.values()) {
    const parent = node.span.parentSpanId === null ? undefined : byId.get(node.span.parentSpanId);
    if (parent && parent !== node) {
      parent.children.push(node);
      parentOf.set(node, parent);
    } else roots.push(node);
  }
  roots.sort(byStart);
  let totalMs = 0;
  const order: WaterfallNode[] = [];
  const visited = new Set<WaterfallNode>();
  const walk = (root: WaterfallNode) => {
    const stack = [root];
    while (stack.length > 0) {
      const node = stack.pop() as WaterfallNode;
      visited.add(node);
      order.push(node);
      totalMs = Math.max(totalMs, node.span.startMs + node.span.durationMs);
      node.children.sort(byStart);
      for (let i = node.children.length - 1; i >= 0; i--) {
        const child = node.children[i] as WaterfallNode;
        child.depth = node.depth + 1;
        stack.push(child);
      }
    }
  };
  for (const root of roots) walk(root);
  // Spans whose parent chain loops back never hang from a root: cut each loop at one span.
  for (const node of byId.values()) {
    if (visited.has(node)) continue;
    const parent = parentOf.get(node);
    if (parent) parent.children.splice(parent.children.indexOf(node), 1);
    node.depth = 0;
    roots.push(node);
    walk(node);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i] as WaterfallNode;
    node.descendants = node.children.reduce((sum, c) => sum + 1 + c.descendants, 0);
  }
  const slowPath = new Set<string>();
  let current = longest(roots);
  while (current) {
    slowPath.add(current.span.spanId);
    current = longest(current.children);
  }
  return { roots, byId, totalMs, slowPath };
}

function longest(nodes: readonly WaterfallNode[]): WaterfallNode | undefined {
  let best: WaterfallNode | undefined;
  for (const n of nodes) if (!best || n.span.durationMs > best.span.durationMs) best = n;
  return best;
}

/** The rows shown: tree order, skipping what is below a collapsed span. */
export function visibleRows(tree: WaterfallTree, collapsed: ReadonlySet<string>): WaterfallNode[] {
  const rows: WaterfallNode[] = [];
  const stack = [...tree.roots].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as WaterfallNode;
    rows.push(node);
    if (collapsed.has(node.span.spanId)) continue;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as WaterfallNode);
  }
  return rows;
}

/** Colour classes per service (project), stable across renders: the same project always gets the same colour. */
const palette = [
  "bg-violet-500",
  "bg-sky-500",
  "bg-emerald-500",
  "bg-amber-500",
  "bg-pink-500",
  "bg-teal-500",
  "bg-indigo-500",
  "bg-lime-600",
] as const;

export function serviceColor(project: string): string {
  let hash = 0;
  for (let i = 0; i < project.length; i++) hash = (hash * 31 + project.charCodeAt(i)) | 0;
  return palette[Math.abs(hash) % palette.length] as string;
}

export function formatMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1) return `${Math.round(ms).toLocaleString("en-US")} ms`;
  return `${ms.toFixed(2)} ms`;
}
