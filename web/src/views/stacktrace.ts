import { lazy } from "react";
import { z } from "zod";
import type { AnyViewDefinition } from "./registry";
import { bool, list, maybe, num, str } from "./parts/schema";

export const sourceLineSchema = z.looseObject({ lineNo: z.number(), line: z.string().catch("") });

export const frameSchema = z.looseObject({
  filename: str,
  function: str,
  module: str,
  lineNo: num,
  colNo: num,
  inApp: bool,
  context: list(sourceLineSchema),
});
export type Frame = z.output<typeof frameSchema>;

const threadSummarySchema = z.looseObject({ id: str, name: str, crashed: bool, current: bool, frameCount: num });

export const eventStacktraceSchema = z.looseObject({
  issueId: str,
  eventId: str,
  thread: maybe(z.looseObject({ id: str, name: str, crashed: bool, current: bool, frames: list(frameSchema) })),
  selectionReason: str,
  threads: list(threadSummarySchema),
});
export type EventStacktrace = z.output<typeof eventStacktraceSchema>;

export const stacktraceViews: AnyViewDefinition[] = [
  {
    tools: ["get_event_stacktrace"],
    schema: eventStacktraceSchema.refine((d) => d.thread !== null && d.thread.frames.length > 0),
    View: lazy(() => import("./stacktrace-view")),
    title: (d: EventStacktrace) => {
      const thread = d.thread?.name ?? d.thread?.id;
      return `Stack trace${d.issueId ? ` of ${d.issueId}` : ""}${thread ? ` · thread ${thread}` : ""}`;
    },
  },
];
