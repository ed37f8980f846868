import { lazy } from "react";
import type { AnyViewDefinition } from "./registry";
import { eventSearchSchema } from "./event-search-schema";
import { replaySchema } from "./replay-schema";
import { traceSchema } from "./trace-schema";

/**
 * The trace, events-search and replay views. Schemas are synchronous and small; the components
 * (and uPlot, which only the events view's chart imports) load when a view is first drawn.
 */
export const dataViews: AnyViewDefinition[] = [
  {
    tools: ["get_trace_details"],
    schema: traceSchema,
    View: lazy(() => import("./trace-view")),
    title: (d: { traceId: string }) => `Trace ${d.traceId.slice(0, 8)}`,
  },
  {
    tools: ["search_events"],
    schema: eventSearchSchema,
    View: lazy(() => import("./event-search-view")),
    title: (d: { dataset?: string | null }) => `Search results: ${d.dataset ?? "events"}`,
  },
  {
    tools: ["get_replay_details"],
    schema: replaySchema,
    View: lazy(() => import("./replay-view")),
    title: (d: { id: string }) => `Replay ${d.id.slice(0, 8)}`,
  },
];
